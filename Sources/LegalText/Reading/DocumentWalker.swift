import Foundation

/// Walks a parsed libxml2 tree into the document model, element by element, strictly: anything
/// outside the subset is reported, never silently dropped.
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

    init(file: String, limits: XMLParserLimits, readsShell: Bool = false) {
        self.file = file
        self.limits = limits
        self.readsShell = readsShell
    }

    /// Reads one clause element standing alone as the root of a file (a register part file).
    func readFragment(_ root: XMLNode) throws(LegalTextError) -> Clause {
        guard root.isAKN, let kind = ClauseKind(node: root), kind != .citation else {
            throw .wrongRoot(file: file, line: root.line, found: root.name, namespace: root.namespace)
        }
        return try clause(root, kind: kind, depth: 1)
    }

    // MARK: Root and act

    func readRoot(_ root: XMLNode) throws(LegalTextError) -> LegalDocument {
        guard root.isNamed("akomaNtoso"), root.isAKN else {
            throw .wrongRoot(file: file, line: root.line, found: root.name, namespace: root.namespace)
        }
        let children = try elements(of: root)
        guard let act = children.first, act.isNamed("act") else {
            if let other = children.first {
                throw .unsupportedElement(file: file, line: other.line, element: other.name, parent: "akomaNtoso")
            }
            throw .missingElement(file: file, line: root.line, element: "act", parent: "akomaNtoso")
        }
        if children.count > 1 {
            throw .unsupportedElement(file: file, line: children[1].line, element: children[1].name, parent: "akomaNtoso")
        }
        return try readAct(act)
    }

    private func readAct(_ act: XMLNode) throws(LegalTextError) -> LegalDocument {
        let actName = try attribute("name", of: act)
        var meta: (identification: Identification, parts: MetaParts)?
        var preface: [PrefaceItem] = []
        var preamble: [PreambleItem] = []
        var body: [Clause]?
        var conclusions: [Block] = []
        var annexes: [Annex] = []
        let order = ["meta", "preface", "preamble", "body", "conclusions", "attachments"]
        var lastIndex = -1
        for child in try elements(of: act) {
            guard let index = order.firstIndex(of: child.name), index > lastIndex else {
                throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: "act")
            }
            lastIndex = index
            switch child.name {
            case "meta": meta = try readMeta(child)
            case "preface": preface = try readPreface(child)
            case "preamble": preamble = try readPreamble(child)
            case "body": body = try clauses(in: child, depth: 1, container: "body")
            case "conclusions": conclusions = try blocks(in: child)
            default: annexes = try readAttachments(child)
            }
        }
        guard let meta else { throw .missingElement(file: file, line: act.line, element: "meta", parent: "act") }
        guard let body else { throw .missingElement(file: file, line: act.line, element: "body", parent: "act") }
        return LegalDocument(
            actName: actName, identification: meta.identification, publication: meta.parts.publication,
            lifecycle: meta.parts.lifecycle, references: meta.parts.references, notes: meta.parts.notes, preface: preface,
            preamble: preamble, body: body, conclusions: conclusions, annexes: annexes
        )
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

    // MARK: Preface, preamble, attachments

    private func readPreface(_ node: XMLNode) throws(LegalTextError) -> [PrefaceItem] {
        var items: [PrefaceItem] = []
        for child in try elements(of: node) {
            if child.isNamed("longTitle") {
                items.append(.longTitle(try blocks(in: child)))
            } else if child.isNamed("p") {
                items.append(.block(try block(child)))
            } else {
                throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: "preface")
            }
        }
        return items
    }

    private func readPreamble(_ node: XMLNode) throws(LegalTextError) -> [PreambleItem] {
        var items: [PreambleItem] = []
        for child in try elements(of: node) {
            if child.isNamed("formula") {
                items.append(.formula(name: try attribute("name", of: child), blocks: try blocks(in: child)))
            } else if child.isNamed("citations") {
                var citations: [Clause] = []
                for citation in try elements(of: child) {
                    guard citation.isNamed("citation") else {
                        throw .unsupportedElement(file: file, line: citation.line, element: citation.name, parent: "citations")
                    }
                    var attributes = citation.attributes
                    let eId = try attribute("eId", of: citation)
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
            let eId = try attribute("eId", of: attachment)
            let wId = attachment.attributes["wId"] ?? eId
            locations.append(SourceDocument.Location(eId: eId, line: attachment.line))
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
                case "mainBody": clauses = try self.clauses(in: part, depth: 1, container: eId)
                default: throw .unsupportedElement(file: file, line: part.line, element: part.name, parent: "doc")
                }
            }
            guard sawMeta else { throw .missingElement(file: file, line: doc.line, element: "meta", parent: "doc") }
            guard let clauses else { throw .missingElement(file: file, line: doc.line, element: "mainBody", parent: "doc") }
            annexes.append(Annex(eId: eId, wId: wId, name: name, preface: preface, clauses: clauses))
        }
        return annexes
    }

    // MARK: Clauses

    private func clauses(in node: XMLNode, depth: Int, container: String) throws(LegalTextError) -> [Clause] {
        var result: [Clause] = []
        if readsShell { componentSources[container] = [] }
        try forEachElement(of: node) { child throws(LegalTextError) in
            if readsShell {
                guard child.isNamed("componentRef"), let source = child.attribute("src"), !source.isEmpty else {
                    throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: node.name)
                }
                componentSources[container, default: []].append(source)
                return
            }
            guard let kind = ClauseKind(node: child), kind != .citation else {
                throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: node.name)
            }
            result.append(try clause(child, kind: kind, depth: depth))
        }
        return result
    }

    private func clause(_ node: XMLNode, kind: ClauseKind, depth: Int) throws(LegalTextError) -> Clause {
        guard depth <= limits.maxDepth else { throw .tooDeep(file: file, line: node.line, limit: limits.maxDepth) }
        guard let eId = node.attribute("eId"), !eId.isEmpty else {
            throw .badAttribute(file: file, line: node.line, element: node.name, attribute: "eId", value: nil)
        }
        let wId = node.attribute("wId")  // nil: defaulted to the eId, not explicit
        var attributes: [String: String] = [:]
        if node.hasAttributesBesideIdentifiers {
            attributes = node.attributes
            attributes["eId"] = nil
            attributes["wId"] = nil
        }
        locations.append(SourceDocument.Location(eId: eId, line: node.line))
        var result = Clause(kind: kind, eId: eId, wId: wId, attributes: attributes)
        var sawContent = false
        try forEachElement(of: node) { child throws(LegalTextError) in
            if child.isNamed("num") && result.num == nil && result.heading == nil && result.children.isEmpty {
                let inlines = try self.inlines(of: child, depth: depth + 1)
                guard inlines.allSatisfy({ if case .text = $0 { return true } else { return false } }) else {
                    throw .unsupportedElement(file: file, line: child.line, element: "(élément dans num)", parent: "num")
                }
                result.num = TextNormalization.normalizeBlock(inlines).plainText
            } else if child.isNamed("heading") && result.heading == nil && result.children.isEmpty && !sawContent {
                result.heading = TextNormalization.normalizeBlock(try self.inlines(of: child, depth: depth + 1))
            } else if child.isNamed("content") && !sawContent && result.children.isEmpty && result.intro.isEmpty {
                result.content = try blocks(in: child)
                sawContent = true
            } else if child.isNamed("intro") && result.children.isEmpty && result.intro.isEmpty && !sawContent {
                result.intro = try blocks(in: child)
            } else if child.isNamed("wrapUp") && !result.children.isEmpty && result.wrapUp.isEmpty {
                result.wrapUp = try blocks(in: child)
            } else {
                guard let childKind = ClauseKind(node: child), childKind != .citation,
                      !sawContent, result.wrapUp.isEmpty else {
                    throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: node.name)
                }
                result.children.append(try clause(child, kind: childKind, depth: depth + 1))
            }
        }
        return result
    }

    // MARK: Blocks and inlines

    private func blocks(in node: XMLNode) throws(LegalTextError) -> [Block] {
        var result: [Block] = []
        try forEachElement(of: node) { child throws(LegalTextError) in
            guard child.isNamed("p") else {
                throw .unsupportedElement(file: file, line: child.line, element: child.name, parent: node.name)
            }
            result.append(try block(child))
        }
        return result
    }

    private func block(_ node: XMLNode) throws(LegalTextError) -> Block {
        Block(TextNormalization.normalizeBlock(try inlines(of: node, depth: 1)),
              attributes: node.attributes)
    }

    private func inlines(of node: XMLNode, depth: Int) throws(LegalTextError) -> [Inline] {
        guard depth <= limits.maxDepth else { throw .tooDeep(file: file, line: node.line, limit: limits.maxDepth) }
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
