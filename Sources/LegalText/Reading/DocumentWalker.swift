import Foundation

/// Walks a parsed libxml2 tree into the document model, element by element. Strictly (the suivi
/// profile), anything outside the subset is reported, never silently dropped. Leniently (any Akoma Ntoso
/// 3.0 document), every hierarchical container becomes a clause, a missing eId is computed by the naming
/// convention, and what suivi does not model is carried as it is (``Block`` of another name,
/// ``CarriedMeta``), never dropped.
///
/// A class, one per read: the walk appends to its state from the closures that iterate libxml2's
/// children, where a struct's `inout self` would be copied at each step.
final class DocumentWalker {
    let file: String
    let limits: XMLParserLimits
    /// Source line of each addressable element, in document order.
    private(set) var locations: [SourceDocument.Location] = []
    /// When reading a shell (see ``DocumentShell``): whether `componentRef` may stand for a clause.
    let readsShell: Bool
    /// In a shell, the `src` of each `componentRef`, by container ("body" or the annex eId).
    private(set) var componentSources: [String: [String]] = [:]

    /// Whether to read any Akoma Ntoso 3.0 document rather than only the suivi profile.
    private(set) var lenient: Bool
    /// Whether a document whose metadata claims the suivi profile is then read strictly (see ``claimsProfile(_:)``).
    let strictWhenClaimed: Bool
    /// Every eId met or computed so far, so that a computed eId is never one already used.
    private var usedEIds: Set<String> = []
    /// Whether the document's metadata is kept as it came (a document from another tool).
    private var carriesMeta = false

    init(file: String, limits: XMLParserLimits, readsShell: Bool = false, lenient: Bool = false, strictWhenClaimed: Bool = false) {
        self.file = file
        self.limits = limits
        self.readsShell = readsShell
        self.lenient = lenient
        self.strictWhenClaimed = strictWhenClaimed
    }

    /// The clause kind of an element: the suivi profile's, or with ``lenient`` the whole hierarchy's.
    private func clauseKind(_ node: XMLNode) -> ClauseKind? {
        guard let kind = ClauseKind(node: node) else {
            guard lenient, node.isAKN, let kind = ClauseKind(elementName: node.name), !kind.isInProfile else { return nil }
            return kind
        }
        return kind
    }

    /// Reads one clause element standing alone as the root of a file (a register part file).
    func readFragment(_ root: XMLNode) throws(LegalTextError) -> Clause {
        guard root.isAKN, let kind = clauseKind(root), kind != .citation else {
            throw .wrongRoot(file: file, line: root.line, found: root.name, namespace: root.namespace)
        }
        return try clause(root, kind: kind, depth: 1, parentEId: nil, position: 1)
    }

    // MARK: Root and act

    func readRoot(_ root: XMLNode) throws(LegalTextError) -> LegalDocument {
        guard root.isNamed("akomaNtoso"), root.isAKN else {
            throw .wrongRoot(file: file, line: root.line, found: root.name, namespace: root.namespace)
        }
        let children = try elements(of: root)
        guard let act = children.first, act.isNamed("act") || (lenient && (act.isNamed("bill"))) else {
            if let other = children.first {
                throw .unsupportedElement(file: file, line: other.line, element: other.name, parent: "akomaNtoso")
            }
            throw .missingElement(file: file, line: root.line, element: "act", parent: "akomaNtoso")
        }
        if children.count > 1 {
            throw .unsupportedElement(file: file, line: children[1].line, element: children[1].name, parent: "akomaNtoso")
        }
        var document = try readAct(act)
        if lenient {
            document.rootAttributes = root.qualifiedAttributes
            document.rootAttributes["xmlns"] = nil
        }
        return document
    }

    private func readAct(_ act: XMLNode) throws(LegalTextError) -> LegalDocument {
        let actName = try attribute("name", of: act)
        var meta: (identification: Identification, parts: MetaParts)?
        var carriedMeta: Block?
        var coverPage: Block?
        var preface: [PrefaceItem] = []
        var preamble: [PreambleItem] = []
        var body: [Clause]?
        var conclusions: [Block] = []
        var annexes: [Annex] = []
        var partAttributes: [String: [String: String]] = [:]
        let order = lenient ? ["meta", "coverPage", "preface", "preamble", "body", "conclusions", "attachments"]
            : ["meta", "preface", "preamble", "body", "conclusions", "attachments"]
        var lastIndex = -1
        for child in try elements(of: act) {
            guard let index = order.firstIndex(of: child.name), index > lastIndex else {
                throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: "act")
            }
            lastIndex = index
            if lenient && child.hasAttributes && child.name != "meta" && child.name != "coverPage" {
                partAttributes[child.name] = child.qualifiedAttributes
            }
            switch child.name {
            case "meta":
                if lenient && strictWhenClaimed && Self.claimsProfile(child) {
                    lenient = false
                    guard act.isNamed("act") else {
                        throw .unsupportedElement(file: file, line: act.line, element: act.name, parent: "akomaNtoso")
                    }
                }
                if lenient && !Self.claimsProfile(child) {
                    meta = try readForeignMeta(child)
                    carriedMeta = try carry(child)
                    carriesMeta = true
                } else {
                    meta = try readMeta(child)
                }
            case "coverPage":
                guard lenient else { throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: "act") }
                coverPage = try carry(child)
            case "preface": preface = try readPreface(child)
            case "preamble": preamble = try readPreamble(child)
            case "body": body = try clauses(in: child, depth: 1, container: "body", parentEId: nil)
            case "conclusions": conclusions = try blocks(in: child)
            default: annexes = try readAttachments(child)
            }
        }
        guard let meta else { throw .missingElement(file: file, line: act.line, element: "meta", parent: "act") }
        guard let body else { throw .missingElement(file: file, line: act.line, element: "body", parent: "act") }
        var document = LegalDocument(
            actName: actName, identification: meta.identification, publication: meta.parts.publication,
            lifecycle: meta.parts.lifecycle, references: meta.parts.references, notes: meta.parts.notes, preface: preface,
            preamble: preamble, body: body, conclusions: conclusions, annexes: annexes
        )
        if lenient {
            document.documentType = act.name
            document.documentAttributes = act.qualifiedAttributes
            document.documentAttributes["name"] = nil
            document.coverPage = coverPage
            document.partAttributes = partAttributes
            if let carriedMeta {
                document.carriedMeta = CarriedMeta(
                    element: carriedMeta, identification: meta.identification, publication: meta.parts.publication,
                    lifecycle: meta.parts.lifecycle, references: meta.parts.references, notes: meta.parts.notes)
            }
        }
        return document
    }

    /// Whether a `meta` says it was written by suivi (`identification source="#suivi"`): such a document is
    /// read in the suivi profile even leniently, its metadata as values.
    static func claimsProfile(_ meta: XMLNode) -> Bool {
        var claims = false
        try? meta.forEachChild { child throws(LegalTextError) in
            if child.kind == .element, child.isNamed("identification"), child.attribute("source") == "#suivi" { claims = true }
        }
        return claims
    }

    // MARK: Metadata

    private struct MetaParts {
        var publication: Publication?
        var lifecycle: [LifecycleEvent] = []
        var references: [TLCReference] = []
        var notes: [Note] = []
    }

    private func readMeta(_ meta: XMLNode) throws(LegalTextError) -> (Identification, MetaParts) {
        var identification: Identification?
        var parts = MetaParts()
        for child in try elements(of: meta) {
            switch child.name {
            case "identification": identification = try readIdentification(child)
            case "publication":
                parts.publication = Publication(
                    date: try date(attribute: "date", of: child), name: try attribute("name", of: child),
                    number: child.attributes["number"], showAs: try attribute("showAs", of: child))
            case "lifecycle":
                for event in try elements(of: child) {
                    guard event.isNamed("eventRef") else {
                        throw .unsupportedElement(file: file, line: event.line, element: event.name, parent: "lifecycle")
                    }
                    parts.lifecycle.append(LifecycleEvent(
                        eId: try attribute("eId", of: event), date: try date(attribute: "date", of: event),
                        refersTo: try attribute("refersTo", of: event), source: try attribute("source", of: event),
                        type: try attribute("type", of: event)))
                }
            case "references":
                for reference in try elements(of: child) {
                    guard TLCReference.supportedElements.contains(reference.name) else {
                        throw .unsupportedElement(file: file, line: reference.line, element: reference.name, parent: "references")
                    }
                    parts.references.append(TLCReference(
                        element: reference.name, eId: try attribute("eId", of: reference),
                        href: try attribute("href", of: reference), showAs: try attribute("showAs", of: reference)))
                }
            case "notes":
                for note in try elements(of: child) {
                    guard note.isNamed("note") else {
                        throw .unsupportedElement(file: file, line: note.line, element: note.name, parent: "notes")
                    }
                    var attributes = note.attributes
                    let eId = try attribute("eId", of: note)
                    attributes["eId"] = nil
                    parts.notes.append(Note(eId: eId, attributes: attributes, blocks: try blocks(in: note)))
                }
            default:
                throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: "meta")
            }
        }
        guard let identification else {
            throw .missingElement(file: file, line: meta.line, element: "identification", parent: "meta")
        }
        return (identification, parts)
    }

    private func readIdentification(_ node: XMLNode) throws(LegalTextError) -> Identification {
        var levels: [String: [String: (XMLNode, [String: String])]] = [:]
        for level in try elements(of: node) {
            guard ["FRBRWork", "FRBRExpression", "FRBRManifestation"].contains(level.name) else {
                throw .unsupportedElement(file: file, line: level.line, element: level.name, parent: "identification")
            }
            var properties: [String: (XMLNode, [String: String])] = [:]
            let allowed = ["FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor", "FRBRcountry", "FRBRnumber", "FRBRname", "FRBRlanguage"]
            for property in try elements(of: level) {
                guard allowed.contains(property.name), properties[property.name] == nil else {
                    throw .unsupportedElement(file: file, line: property.line, element: property.name, parent: level.name)
                }
                properties[property.name] = (property, property.attributes)
            }
            levels[level.name] = properties
        }
        func level(_ name: String) throws(LegalTextError) -> [String: (XMLNode, [String: String])] {
            guard let found = levels[name] else {
                throw .missingElement(file: file, line: node.line, element: name, parent: "identification")
            }
            return found
        }
        func value(_ properties: [String: (XMLNode, [String: String])], _ element: String, _ attribute: String,
                   parent: String) throws(LegalTextError) -> String {
            guard let (propertyNode, attributes) = properties[element] else {
                throw .missingElement(file: file, line: node.line, element: element, parent: parent)
            }
            guard let value = attributes[attribute] else {
                throw .badAttribute(file: file, line: propertyNode.line, element: element, attribute: attribute, value: nil)
            }
            return value
        }
        func frbrDate(_ properties: [String: (XMLNode, [String: String])], parent: String) throws(LegalTextError) -> FRBRDate {
            let text = try value(properties, "FRBRdate", "date", parent: parent)
            guard let date = LegalDate(iso: text) else {
                throw .badAttribute(file: file, line: properties["FRBRdate"]?.0.line ?? node.line, element: "FRBRdate", attribute: "date", value: text)
            }
            return FRBRDate(date: date, name: try value(properties, "FRBRdate", "name", parent: parent))
        }
        let work = try level("FRBRWork")
        let expression = try level("FRBRExpression")
        let manifestation = try level("FRBRManifestation")
        return Identification(
            work: FRBRWork(
                this: try value(work, "FRBRthis", "value", parent: "FRBRWork"),
                uri: try value(work, "FRBRuri", "value", parent: "FRBRWork"),
                date: try frbrDate(work, parent: "FRBRWork"),
                author: try value(work, "FRBRauthor", "href", parent: "FRBRWork"),
                country: try value(work, "FRBRcountry", "value", parent: "FRBRWork"),
                number: work["FRBRnumber"]?.1["value"], name: work["FRBRname"]?.1["value"]),
            expression: FRBRExpression(
                this: try value(expression, "FRBRthis", "value", parent: "FRBRExpression"),
                uri: try value(expression, "FRBRuri", "value", parent: "FRBRExpression"),
                date: try frbrDate(expression, parent: "FRBRExpression"),
                author: try value(expression, "FRBRauthor", "href", parent: "FRBRExpression"),
                language: try value(expression, "FRBRlanguage", "language", parent: "FRBRExpression")),
            manifestation: FRBRManifestation(
                this: try value(manifestation, "FRBRthis", "value", parent: "FRBRManifestation"),
                uri: try value(manifestation, "FRBRuri", "value", parent: "FRBRManifestation"),
                date: try frbrDate(manifestation, parent: "FRBRManifestation"),
                author: try value(manifestation, "FRBRauthor", "href", parent: "FRBRManifestation"))
        )
    }

    /// The values suivi uses from the metadata of a document from another tool (the block itself is carried):
    /// its identification (required by the schema), publication, dated lifecycle events, TLC references
    /// and notes. Whatever else it holds stays in the carried block.
    private func readForeignMeta(_ meta: XMLNode) throws(LegalTextError) -> (Identification, MetaParts) {
        var identification: Identification?
        var parts = MetaParts()
        for child in try elements(of: meta) {
            switch child.name {
            case "identification": identification = try readForeignIdentification(child)
            case "publication":
                if let date = child.attribute("date").flatMap(Self.date) {
                    parts.publication = Publication(date: date, name: child.attribute("name") ?? "",
                                                    number: child.attribute("number"), showAs: child.attribute("showAs") ?? "")
                }
            case "lifecycle":
                for event in try elements(of: child) where event.isNamed("eventRef") {
                    guard let date = event.attribute("date").flatMap(Self.date) else { continue }
                    parts.lifecycle.append(LifecycleEvent(
                        eId: event.attribute("eId") ?? "", date: date, refersTo: event.attribute("refersTo") ?? "",
                        source: event.attribute("source") ?? "", type: event.attribute("type") ?? ""))
                }
            case "references":
                for reference in try elements(of: child) where TLCReference.supportedElements.contains(reference.name) {
                    parts.references.append(TLCReference(
                        element: reference.name, eId: reference.attribute("eId") ?? "",
                        href: reference.attribute("href") ?? "", showAs: reference.attribute("showAs") ?? ""))
                }
            case "notes":
                for note in try elements(of: child) where note.isNamed("note") {
                    var attributes = note.qualifiedAttributes
                    attributes["eId"] = nil
                    parts.notes.append(Note(eId: note.attribute("eId") ?? "", attributes: attributes, blocks: try blocks(in: note)))
                }
            default:
                break
            }
        }
        guard let identification else {
            throw .missingElement(file: file, line: meta.line, element: "identification", parent: "meta")
        }
        return (identification, parts)
    }

    /// The FRBR identification as the schema requires it (each level, its `FRBRdate`), other values empty
    /// when absent; the extra properties (`FRBRalias`, `FRBRprescriptive`, `FRBRsubtype`…) stay in the carried block.
    private func readForeignIdentification(_ node: XMLNode) throws(LegalTextError) -> Identification {
        var levels: [String: [String: XMLNode]] = [:]
        for level in try elements(of: node) {
            var properties: [String: XMLNode] = [:]
            try forEachElement(of: level) { property throws(LegalTextError) in
                if properties[property.name] == nil { properties[property.name] = property }
            }
            levels[level.name] = properties
        }
        func level(_ name: String) throws(LegalTextError) -> [String: XMLNode] {
            guard let found = levels[name] else {
                throw .missingElement(file: file, line: node.line, element: name, parent: "identification")
            }
            return found
        }
        func value(_ properties: [String: XMLNode], _ element: String, _ attribute: String) -> String {
            properties[element]?.attributes[attribute] ?? ""
        }
        func frbrDate(_ properties: [String: XMLNode], parent: String) throws(LegalTextError) -> FRBRDate {
            guard let property = properties["FRBRdate"] else {
                throw .missingElement(file: file, line: node.line, element: "FRBRdate", parent: parent)
            }
            let text = property.attribute("date") ?? ""
            guard let date = Self.date(text) else {
                throw .badAttribute(file: file, line: property.line, element: "FRBRdate", attribute: "date", value: text)
            }
            return FRBRDate(date: date, name: property.attribute("name") ?? "")
        }
        let work = try level("FRBRWork")
        let expression = try level("FRBRExpression")
        let manifestation = try level("FRBRManifestation")
        return Identification(
            work: FRBRWork(this: value(work, "FRBRthis", "value"), uri: value(work, "FRBRuri", "value"),
                           date: try frbrDate(work, parent: "FRBRWork"), author: value(work, "FRBRauthor", "href"),
                           country: value(work, "FRBRcountry", "value"), number: work["FRBRnumber"]?.attribute("value"),
                           name: work["FRBRname"]?.attribute("value")),
            expression: FRBRExpression(this: value(expression, "FRBRthis", "value"), uri: value(expression, "FRBRuri", "value"),
                                       date: try frbrDate(expression, parent: "FRBRExpression"),
                                       author: value(expression, "FRBRauthor", "href"),
                                       language: value(expression, "FRBRlanguage", "language")),
            manifestation: FRBRManifestation(this: value(manifestation, "FRBRthis", "value"),
                                             uri: value(manifestation, "FRBRuri", "value"),
                                             date: try frbrDate(manifestation, parent: "FRBRManifestation"),
                                             author: value(manifestation, "FRBRauthor", "href")))
    }

    /// An `xs:date` (`2017-03-31`, possibly with a time zone, which a legal date does not keep).
    static func date(_ text: String) -> LegalDate? {
        LegalDate(iso: text) ?? (text.count > 10 ? LegalDate(iso: String(text.prefix(10))) : nil)
    }

    // MARK: Carried elements

    /// The element and its whole subtree as it is, for what suivi does not model.
    private func carry(_ node: XMLNode) throws(LegalTextError) -> Block {
        Block(TextNormalization.normalizeBlock(try carriedChildren(of: node, depth: 1, defaultIsAKN: Self.scope(of: node, in: true))),
              attributes: carriedAttributes(of: node, defaultIsAKN: true), name: node.qualifiedName)
    }

    /// The attributes to write an element with, namespace declarations included: `defaultIsAKN` says whether
    /// the default namespace where it is written is Akoma Ntoso's.
    private func carriedAttributes(of node: XMLNode, defaultIsAKN: Bool) -> [String: String] {
        var attributes = node.qualifiedAttributes
        if let declaration = node.namespaceDeclaration {
            attributes[declaration.name] = declaration.uri
        } else if !defaultIsAKN {
            attributes["xmlns"] = AKN.namespace
        }
        return attributes
    }

    /// Whether the default namespace is Akoma Ntoso's inside `node` as written, when it is `outer` around it:
    /// an unprefixed element of another namespace (or of none) changes it, an Akoma Ntoso element restores it.
    private static func scope(of node: XMLNode, in outer: Bool) -> Bool {
        guard let declaration = node.namespaceDeclaration else { return true }
        return declaration.name == "xmlns" ? false : outer
    }

    private func carriedChildren(of node: XMLNode, depth: Int, defaultIsAKN: Bool) throws(LegalTextError) -> [Inline] {
        guard depth <= limits.maxDepth else { throw .tooDeep(file: file, line: node.line, limit: limits.maxDepth) }
        var result: [Inline] = []
        try node.forEachChild { child throws(LegalTextError) in
            switch child.kind {
            case .text:
                result.append(.text(child.collapsedText))
            case .element:
                result.append(.element(name: child.qualifiedName, attributes: carriedAttributes(of: child, defaultIsAKN: defaultIsAKN),
                                       children: try carriedChildren(of: child, depth: depth + 1,
                                                                     defaultIsAKN: Self.scope(of: child, in: defaultIsAKN))))
            case .entityReference:
                throw .malformed(file: file, line: child.line, column: 0, problem: .entity, detail: "entity reference")
            case .comment, .processingInstruction, .other:
                break
            }
        }
        return result
    }

    // MARK: Preface, preamble, attachments

    private func readPreface(_ node: XMLNode) throws(LegalTextError) -> [PrefaceItem] {
        var items: [PrefaceItem] = []
        for child in try elements(of: node) {
            if child.isNamed("longTitle") && !(lenient && child.hasAttributes) {
                items.append(.longTitle(try blocks(in: child)))
            } else if child.isNamed("p") {
                items.append(.block(try block(child)))
            } else if lenient {
                items.append(.block(try carry(child)))
            } else {
                throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: "preface")
            }
        }
        return items
    }

    private func readPreamble(_ node: XMLNode) throws(LegalTextError) -> [PreambleItem] {
        var items: [PreambleItem] = []
        for child in try elements(of: node) {
            if lenient && !Self.fitsPreambleModel(child) {
                items.append(.block(try carry(child)))
            } else if child.isNamed("formula") {
                items.append(.formula(name: try attribute("name", of: child), blocks: try blocks(in: child)))
            } else if child.isNamed("citations") {
                var citations: [Clause] = []
                for citation in try elements(of: child) {
                    guard citation.isNamed("citation") else {
                        throw .unsupportedElement(file: file, line: citation.line, element: citation.name, parent: "citations")
                    }
                    var attributes = lenient ? citation.qualifiedAttributes : citation.attributes
                    let eId = lenient ? try identifier(of: citation, kind: .citation, parentEId: nil, position: citations.count + 1)
                        : try attribute("eId", of: citation)
                    let wId = attributes["wId"]  // nil: defaulted to the eId, not explicit
                    attributes["eId"] = nil
                    attributes["wId"] = nil
                    locations.append(SourceDocument.Location(eId: eId, line: citation.line))
                    citations.append(Clause(kind: .citation, eId: eId, wId: wId, attributes: attributes,
                                            content: try blocks(in: citation)))
                }
                items.append(.citations(citations))
            } else {
                throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: "preamble")
            }
        }
        return items
    }

    private func readAttachments(_ node: XMLNode) throws(LegalTextError) -> [Annex] {
        var annexes: [Annex] = []
        for attachment in try elements(of: node) {
            guard attachment.isNamed("attachment") else {
                throw .unsupportedElement(file: file, line: attachment.line, element: attachment.name, parent: "attachments")
            }
            let eId = lenient ? (attachment.attribute("eId").flatMap { $0.isEmpty ? nil : $0 } ?? uniqueEId("att_\(annexes.count + 1)"))
                : try attribute("eId", of: attachment)
            let wId = attachment.attributes["wId"] ?? eId
            locations.append(SourceDocument.Location(eId: eId, line: attachment.line))
            if lenient && carriesMeta {
                // A document from another tool: its attachment has its own metadata, kept as it is.
                let docs = try elements(of: attachment)
                guard docs.count == 1, let doc = docs.first else {
                    throw .missingElement(file: file, line: attachment.line, element: "doc", parent: "attachment")
                }
                var annex = Annex(eId: eId, wId: wId, name: doc.attribute("name") ?? "", preface: [], clauses: [])
                annex.attributes = attachment.qualifiedAttributes
                annex.attributes["eId"] = nil
                annex.attributes["wId"] = nil
                annex.carried = try carry(doc)
                annexes.append(annex)
                continue
            }
            let docs = try elements(of: attachment)
            guard docs.count == 1, let doc = docs.first, doc.isNamed("doc") else {
                let culprit = docs.first { !$0.isNamed("doc") } ?? docs.dropFirst().first
                throw culprit.map { .unsupportedElement(file: file, line: $0.line, element: $0.name, parent: "attachment") }
                    ?? .missingElement(file: file, line: attachment.line, element: "doc", parent: "attachment")
            }
            let name = try attribute("name", of: doc)
            var preface: [Block] = []
            var clauses: [Clause]?
            var sawMeta = false
            for part in try elements(of: doc) {
                switch part.name {
                // The annex's meta is derived from the act's identification when writing.
                case "meta": sawMeta = true
                case "preface": preface = try blocks(in: part)
                case "mainBody": clauses = try self.clauses(in: part, depth: 1, container: eId, parentEId: eId)
                default: throw .unsupportedElement(file: file, line: part.line, element: part.name, parent: "doc")
                }
            }
            guard sawMeta else { throw .missingElement(file: file, line: doc.line, element: "meta", parent: "doc") }
            guard let clauses else { throw .missingElement(file: file, line: doc.line, element: "mainBody", parent: "doc") }
            annexes.append(Annex(eId: eId, wId: wId, name: name, preface: preface, clauses: clauses))
        }
        return annexes
    }

    /// Whether a preamble element is one the model holds as values (formula of `p` named and nothing else,
    /// citations without attributes holding `citation` of `p`) rather than one to carry.
    private static func fitsPreambleModel(_ node: XMLNode) -> Bool {
        func onlyParagraphs(_ node: XMLNode) -> Bool {
            var fits = true
            try? node.forEachChild { child throws(LegalTextError) in
                if child.kind == .element && !child.isNamed("p") { fits = false }
            }
            return fits
        }
        if node.isNamed("formula") {
            return node.attribute("name") != nil && node.qualifiedAttributes.count == 1 && onlyParagraphs(node)
        }
        guard node.isNamed("citations"), !node.hasAttributes else { return false }
        var fits = true
        try? node.forEachChild { child throws(LegalTextError) in
            guard child.kind == .element else { return }
            if !child.isNamed("citation") || !onlyParagraphs(child) { fits = false }
        }
        return fits
    }

    // MARK: Clauses

    private func clauses(in node: XMLNode, depth: Int, container: String, parentEId: String?) throws(LegalTextError) -> [Clause] {
        var result: [Clause] = []
        var positions: [ClauseKind: Int] = [:]
        if readsShell { componentSources[container] = [] }
        try forEachElement(of: node) { child throws(LegalTextError) in
            if readsShell {
                guard child.isNamed("componentRef"), let source = child.attribute("src"), !source.isEmpty else {
                    throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: node.name)
                }
                componentSources[container, default: []].append(source)
                return
            }
            guard let kind = clauseKind(child), kind != .citation else {
                throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: node.name)
            }
            positions[kind, default: 0] += 1
            result.append(try clause(child, kind: kind, depth: depth, parentEId: parentEId, position: positions[kind] ?? 1))
        }
        return result
    }

    /// The eId of a clause element: its own, or (reading leniently) the one the Akoma Ntoso naming convention
    /// gives it from its kind, its number or position among its siblings of that kind, and its parent's eId.
    private func identifier(of node: XMLNode, kind: ClauseKind, parentEId: String?, position: Int) throws(LegalTextError) -> String {
        if let eId = node.attribute("eId"), !eId.isEmpty {
            if lenient { usedEIds.insert(eId) }
            return eId
        }
        guard lenient else {
            throw .badAttribute(file: file, line: node.line, element: node.name, attribute: "eId", value: nil)
        }
        var component = String(position)
        if kind.isNumberedByItsNum, let num = Self.printedNumber(of: node),
           let fromNum = ClauseNumbering.component(of: num, kind: kind) {
            let safe = String(fromNum.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            if !safe.isEmpty { component = safe }
        }
        let own = kind.eIdPrefix + "_" + component
        let prefixed = kind == .article || kind == .citation ? nil : parentEId
        return uniqueEId(prefixed.map { $0 + "__" + own } ?? own)
    }

    /// `candidate`, or when it is taken already, `candidate-2`, `candidate-3`…
    private func uniqueEId(_ candidate: String) -> String {
        var eId = candidate
        var suffix = 1
        while usedEIds.contains(eId) {
            suffix += 1
            eId = candidate + "-" + String(suffix)
        }
        usedEIds.insert(eId)
        return eId
    }

    /// The text of an element's `num` child, if any.
    private static func printedNumber(of node: XMLNode) -> String? {
        var found: String?
        try? node.forEachChild { child throws(LegalTextError) in
            guard found == nil, child.kind == .element, child.isNamed("num") else { return }
            var text = ""
            func collect(_ node: XMLNode) {
                try? node.forEachChild { inner throws(LegalTextError) in
                    if inner.kind == .text { text += inner.text } else if inner.kind == .element && !inner.isNamed("authorialNote") { collect(inner) }
                }
            }
            collect(child)
            found = TextNormalization.collapse(text).trimmingCharacters(in: .whitespaces)
        }
        return found
    }

    private func clause(_ node: XMLNode, kind: ClauseKind, depth: Int, parentEId: String?, position: Int) throws(LegalTextError) -> Clause {
        guard depth <= limits.maxDepth else { throw .tooDeep(file: file, line: node.line, limit: limits.maxDepth) }
        let eId = try identifier(of: node, kind: kind, parentEId: parentEId, position: position)
        let wId = node.attribute("wId")  // nil: defaulted to the eId, not explicit
        var attributes: [String: String] = [:]
        if node.hasAttributesBesideIdentifiers {
            attributes = lenient ? node.qualifiedAttributes : node.attributes
            attributes["eId"] = nil
            attributes["wId"] = nil
        }
        locations.append(SourceDocument.Location(eId: eId, line: node.line))
        var result = Clause(kind: kind, eId: eId, wId: wId, attributes: attributes)
        var sawContent = false
        var positions: [ClauseKind: Int] = [:]
        try forEachElement(of: node) { child throws(LegalTextError) in
            if child.isNamed("num") && result.num == nil && result.heading == nil && result.children.isEmpty {
                let inlines = TextNormalization.normalizeBlock(try self.inlines(of: child, depth: depth + 1))
                let plain = inlines.allSatisfy({ if case .text = $0 { return true } else { return false } })
                guard plain || lenient else {
                    throw .unsupportedElement(file: file, line: child.line, element: "(élément dans num)", parent: "num")
                }
                result.num = inlines.plainText
                if lenient && child.hasAttributes {
                    // Kept whole, attributes included: the writer writes this `num` element as it is.
                    result.numMarkup = [.element(name: "num", attributes: child.qualifiedAttributes, children: inlines)]
                } else if !plain {
                    result.numMarkup = inlines
                }
            } else if child.isNamed("heading") && result.heading == nil && result.children.isEmpty && !sawContent {
                result.heading = TextNormalization.normalizeBlock(try self.inlines(of: child, depth: depth + 1))
                keepPartAttributes(of: child, in: &result)
            } else if child.isNamed("content") && !sawContent && result.children.isEmpty && result.intro.isEmpty {
                result.content = try blocks(in: child)
                sawContent = true
                keepPartAttributes(of: child, in: &result)
            } else if child.isNamed("intro") && result.children.isEmpty && result.intro.isEmpty && !sawContent {
                result.intro = try blocks(in: child)
                keepPartAttributes(of: child, in: &result)
            } else if child.isNamed("wrapUp") && !result.children.isEmpty && result.wrapUp.isEmpty {
                result.wrapUp = try blocks(in: child)
                keepPartAttributes(of: child, in: &result)
            } else {
                guard let childKind = clauseKind(child), childKind != .citation,
                      !sawContent, result.wrapUp.isEmpty else {
                    throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: node.name)
                }
                positions[childKind, default: 0] += 1
                result.children.append(try clause(child, kind: childKind, depth: depth + 1, parentEId: eId,
                                                  position: positions[childKind] ?? 1))
            }
        }
        return result
    }

    /// Leniently, keeps the attributes of a clause's part (`heading`, `content`…), which the profile never gives.
    private func keepPartAttributes(of part: XMLNode, in clause: inout Clause) {
        guard lenient, part.hasAttributes else { return }
        clause.partAttributes = (clause.partAttributes ?? [:]).merging([part.name: part.qualifiedAttributes]) { _, new in new }
    }

    // MARK: Blocks and inlines

    /// The blocks of an element: its `p`, and leniently any other element, carried as it is.
    private func blocks(in node: XMLNode) throws(LegalTextError) -> [Block] {
        var result: [Block] = []
        try forEachElement(of: node) { child throws(LegalTextError) in
            if child.isNamed("p") {
                result.append(try block(child))
            } else if lenient {
                result.append(try carry(child))
            } else {
                throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: node.name)
            }
        }
        return result
    }

    private func block(_ node: XMLNode) throws(LegalTextError) -> Block {
        Block(TextNormalization.normalizeBlock(try inlines(of: node, depth: 1)),
              attributes: lenient ? node.qualifiedAttributes : node.attributes)
    }

    private func inlines(of node: XMLNode, depth: Int) throws(LegalTextError) -> [Inline] {
        guard depth <= limits.maxDepth else { throw .tooDeep(file: file, line: node.line, limit: limits.maxDepth) }
        if lenient { return try carriedChildren(of: node, depth: depth, defaultIsAKN: true) }
        var result: [Inline] = []
        try node.forEachChild { child throws(LegalTextError) in
            switch child.kind {
            case .text:
                result.append(.text(child.collapsedText))
            case .element:
                guard child.sharesNamespace(with: node) || child.isAKN, Inline.supportedElements.contains(child.name) else {
                    throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: node.name)
                }
                result.append(.element(name: child.name, attributes: child.attributes,
                                       children: try inlines(of: child, depth: depth + 1)))
            case .entityReference:
                throw .malformed(file: file, line: child.line, column: 0, problem: .entity, detail: "entity reference")
            case .comment, .processingInstruction, .other:
                break
            }
        }
        return result
    }

    // MARK: Helpers

    /// The element children of `node`, refusing text outside blocks and elements of other namespaces.
    private func elements(of node: XMLNode) throws(LegalTextError) -> [XMLNode] {
        var result: [XMLNode] = []
        try forEachElement(of: node) { child throws(LegalTextError) in result.append(child) }
        return result
    }

    /// Calls `body` on each element child of `node`, refusing text outside blocks and elements of other
    /// namespaces; the hot paths use it to avoid building an array per element.
    private func forEachElement(of node: XMLNode, _ body: (XMLNode) throws(LegalTextError) -> Void) throws(LegalTextError) {
        try node.forEachChild { child throws(LegalTextError) in
            switch child.kind {
            case .element:
                // `node` is known to be Akoma Ntoso: a child sharing its namespace declaration is too.
                guard child.sharesNamespace(with: node) || child.isAKN else {
                    let prefix = child.namespace.map { "{\($0)}" } ?? ""
                    throw .unsupportedElement(file: file, line: child.line, element: prefix + child.name, parent: node.name)
                }
                try body(child)
            case .text:
                guard child.isBlankText else {
                    let text = child.text
                    // libxml2 gives a text node the line where it ends: step back over trailing line breaks.
                    let trailing = text.unicodeScalars.reversed().prefix { " \t\r\n".unicodeScalars.contains($0) }
                    let line = child.line - trailing.filter { $0 == "\n" }.count
                    let quoted = TextNormalization.collapse(text).trimmingCharacters(in: .whitespaces)
                    throw .unexpectedText(file: file, line: line, parent: node.name, text: String(quoted.prefix(40)))
                }
            case .entityReference:
                throw .malformed(file: file, line: child.line, column: 0, problem: .entity, detail: "entity reference")
            case .comment, .processingInstruction, .other:
                break
            }
        }
    }

    private func attribute(_ name: String, of node: XMLNode) throws(LegalTextError) -> String {
        guard let value = node.attributes[name], !value.isEmpty else {
            throw .badAttribute(file: file, line: node.line, element: node.name, attribute: name, value: nil)
        }
        return value
    }

    private func date(attribute name: String, of node: XMLNode) throws(LegalTextError) -> LegalDate {
        let text = try attribute(name, of: node)
        guard let date = LegalDate(iso: text) else {
            throw .badAttribute(file: file, line: node.line, element: node.name, attribute: name, value: text)
        }
        return date
    }
}

extension ClauseKind {
    /// The clause kind of an element, compared on libxml2's bytes (no string is built).
    init?(node: XMLNode) {
        if node.isNamed("paragraph") { self = .paragraph }
        else if node.isNamed("article") { self = .article }
        else if node.isNamed("point") { self = .point }
        else if node.isNamed("list") { self = .list }
        else if node.isNamed("section") { self = .section }
        else if node.isNamed("subsection") { self = .subsection }
        else if node.isNamed("chapter") { self = .chapter }
        else if node.isNamed("title") { self = .title }
        else if node.isNamed("part") { self = .part }
        else if node.isNamed("citation") { self = .citation }
        else { return nil }
    }
}
