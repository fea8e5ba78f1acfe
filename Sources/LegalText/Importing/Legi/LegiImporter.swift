import Foundation

/// Reads one text from a Légifrance LEGI XML extract (DILA) into a ``ConsolidationTimeline``: one
/// whole document per date on which an article version starts or ends, articles keeping a stable
/// wId across their versions (the eId they had when they first appeared), sections taken from each
/// article version's context. Every file goes through the safe parser; any unknown or malformed
/// content is reported with its file, line and element, before anything is returned.
public enum LegiImporter {
    /// Reads the extract under `path`: a folder (searched recursively for `*.xml`), as DILA lays it
    /// out (`texte/struct/`, `texte/version/`, `article/…`, `section_ta/…`) or flat.
    public static func timeline(from path: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> ConsolidationTimeline {
        try timeline(files: LegiFiles.contents(of: path, limits: limits), source: path, limits: limits)
    }

    /// Reads an extract whose files are already in memory (`file` names each in messages, `source` the
    /// whole extract), in the order given. ``timeline(from:limits:)`` reads the files, then calls this.
    public static func timeline(files: [(file: String, data: Data)], source: String,
                                limits: XMLParserLimits = .standard) throws(LegalTextError) -> ConsolidationTimeline {
        let files = try LegiFiles.read(files, source: source, limits: limits)
        return try TimelineBuilder(files: files, source: source).build()
    }
}

/// Builds the timeline from the files of one text.
private struct TimelineBuilder {
    let files: LegiFiles
    let source: String

    /// One article across its versions.
    struct ArticleGroup {
        var versions: [LegiArticleVersion]
        var order: Int
    }

    func build() throws(LegalTextError) -> ConsolidationTimeline {
        let groups = try articleGroups()
        var dates = Set<LegalDate>()
        for group in groups {
            for version in group.versions where version.state.wasInForce {
                dates.insert(version.start)
                if let end = version.end { dates.insert(end) }
            }
        }
        var articleWIds: [Int: String] = [:]
        var sectionWIds: [String: String] = [:]
        var takenWIds = Set<String>()
        var versions: [ConsolidationTimeline.Version] = []
        var endsOn: LegalDate?
        var previous: [Int: LegiArticleVersion] = [:]
        for date in dates.sorted() {
            var inForce: [Int: LegiArticleVersion] = [:]
            for (index, group) in groups.enumerated() {
                let current = group.versions.filter { $0.isInForce(on: date) }
                if current.count > 1 {
                    throw .invalidContent(file: current[1].file, line: current[1].line, element: "DATE_DEBUT",
                                          reason: "deux versions de l'article \(current[1].num) sont en vigueur le "
                                            + "\(date.french) (\(current[0].id) et \(current[1].id)) ; l'extrait est incohérent.")
                }
                if let version = current.first { inForce[index] = version }
            }
            let changes = describeChanges(from: previous, to: inForce, groups: groups)
            var references = officialReferences(on: date, from: previous, to: inForce)
            if versions.isEmpty, let own = initialReference() { references.insert(own, at: 0) }
            previous = inForce
            if inForce.isEmpty {
                // No article in force any more: the text is abrogated from that date, a version of its own
                // (until an article comes back into force, if one ever does).
                if let last = versions.last, last.kind == .consolidation {
                    endsOn = date
                    let document = makeDocument(body: last.document.body, date: date, firstDate: versions[0].date,
                                                references: references, abrogation: true)
                    versions.append(.init(date: date, document: document, officialReferences: references,
                                          changes: changes, kind: .abrogation))
                }
                continue
            }
            endsOn = nil
            if changes.isEmpty { continue }
            let body = makeBody(inForce, groups: groups, date: date, articleWIds: &articleWIds,
                                sectionWIds: &sectionWIds, takenWIds: &takenWIds)
            let document = makeDocument(body: body, date: date, firstDate: versions.first?.date ?? date,
                                        references: references, abrogation: false)
            versions.append(.init(date: date, document: document, officialReferences: references, changes: changes))
        }
        guard !versions.isEmpty else {
            throw .invalidContent(file: files.articles[0].file, line: files.articles[0].line, element: "ETAT",
                                  reason: "aucune version d'article n'a jamais été en vigueur dans cet extrait.")
        }
        return ConsolidationTimeline(source: source, versions: versions, endsOn: endsOn)
    }

    // MARK: Articles across versions

    /// Versions grouped into articles through the links between versions (`VERSIONS/VERSION/LIEN_ART`).
    private func articleGroups() throws(LegalTextError) -> [ArticleGroup] {
        var parent: [String: String] = [:]
        func find(_ id: String) -> String {
            var root = id
            while let next = parent[root], next != root { root = next }
            parent[id] = root
            return root
        }
        func union(_ a: String, _ b: String) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var seen: [String: LegiArticleVersion] = [:]
        for article in files.articles {
            if let duplicate = seen[article.id] {
                throw .invalidContent(file: article.file, line: article.line, element: "ID",
                                      reason: "la version \(article.id) figure aussi dans \(duplicate.file).")
            }
            seen[article.id] = article
            parent[article.id] = parent[article.id] ?? article.id
            for other in article.otherVersions { union(article.id, other) }
        }
        var byRoot: [String: [LegiArticleVersion]] = [:]
        for article in files.articles { byRoot[find(article.id), default: []].append(article) }
        let groups = byRoot.values.map { versions in
            let sorted = versions.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            let order = versions.compactMap { files.order[$0.id] }.min() ?? Int.max
            return ArticleGroup(versions: sorted, order: order)
        }
        return groups.sorted { lhs, rhs in
            let l = lhs.versions[0], r = rhs.versions[0]
            return (lhs.order, NaturalKey(l.num), l.start, l.id) < (rhs.order, NaturalKey(r.num), r.start, r.id)
        }
    }

    private func describeChanges(from old: [Int: LegiArticleVersion], to new: [Int: LegiArticleVersion],
                                 groups: [ArticleGroup]) -> [String] {
        var lines: [String] = []
        for index in groups.indices {
            switch (old[index], new[index]) {
            case (nil, let added?): lines.append("article \(added.num) : en vigueur (\(added.id))")
            case (let removed?, nil):
                let how = removed.state == .transferred ? "transféré" : "abrogé"
                lines.append("article \(removed.num) : \(how) (\(removed.id))")
            case (let before?, let after?) where before.id != after.id:
                lines.append("article \(after.num) : modifié (\(after.id))")
            default: break
            }
        }
        return lines
    }

    /// The texts that made the changes of `date`: the creation or modification links of the versions
    /// starting that day and the abrogation links of the versions ending that day.
    private func officialReferences(on date: LegalDate, from old: [Int: LegiArticleVersion],
                                    to new: [Int: LegiArticleVersion]) -> [String] {
        var result: [String] = []
        func add(_ version: LegiArticleVersion, types: Set<String>) {
            for link in version.links where link.direction == "source" && types.contains(link.type) && !link.label.isEmpty {
                let reference = link.textId.isEmpty ? link.label : "\(link.label) [\(link.textId)]"
                if !result.contains(reference) { result.append(reference) }
            }
        }
        for version in new.values.sorted(by: { $0.id < $1.id }) where version.start == date {
            add(version, types: ["CREATION", "MODIFICATION", "TRANSFERT", "CODIFICATION"])
        }
        for version in old.values.sorted(by: { $0.id < $1.id }) where version.end == date {
            add(version, types: ["ABROGATION", "ANNULATION", "TRANSFERT"])
        }
        return result
    }

    /// The text's own publication, for its first version: "Arrêté du … (JORF n°… du …) [JORFTEXT…]".
    private func initialReference() -> String? {
        let text = files.text
        guard let cid = text.cid, cid.hasPrefix("JORFTEXT") else { return nil }
        var label = text.title ?? cid
        if let published = text.publicationName ?? text.publication.map({ "Journal officiel du \($0.french)" }) {
            label += " (\(published))"
        }
        return "\(label) [\(cid)]"
    }

    // MARK: Body

    /// A container being filled: articles and sections in order.
    private final class Container {
        let id: String?
        let title: String
        var order: Int
        var items: [(key: (Int, NaturalKey), item: Item)] = []
        enum Item { case article(Int, LegiArticleVersion), section(Container) }

        init(id: String?, title: String, order: Int) {
            self.id = id
            self.title = title
            self.order = order
        }

        func section(_ id: String, title: String, order: Int) -> Container {
            for entry in items { if case .section(let existing) = entry.item, existing.id == id { return existing } }
            let created = Container(id: id, title: title, order: order)
            items.append(((order, NaturalKey(title)), .section(created)))
            return created
        }
    }

    private func makeBody(_ inForce: [Int: LegiArticleVersion], groups: [ArticleGroup], date: LegalDate,
                          articleWIds: inout [Int: String], sectionWIds: inout [String: String],
                          takenWIds: inout Set<String>) -> [Clause] {
        let root = Container(id: nil, title: "", order: 0)
        for (index, version) in inForce.sorted(by: { $0.key < $1.key }) {
            var container = root
            for section in version.sections {
                // The title as of this version (its context), else the one the structure files give.
                let title = section.title.isEmpty ? (files.sectionTitles[section.id] ?? section.id) : section.title
                container = container.section(section.id, title: title, order: files.order[section.id] ?? Int.max)
            }
            container.items.append(((groups[index].order, NaturalKey(version.num)), .article(index, version)))
        }
        func unique(_ wanted: String, year: Int) -> String {
            if takenWIds.insert(wanted).inserted { return wanted }
            var candidate = "\(wanted)-\(year)"
            var counter = 2
            while !takenWIds.insert(candidate).inserted {
                candidate = "\(wanted)-\(year)-\(counter)"
                counter += 1
            }
            return candidate
        }
        func clauses(of container: Container, parentEId: String?) -> [Clause] {
            let items = container.items.sorted { ($0.key.0, $0.key.1) < ($1.key.0, $1.key.1) }
            var positions: [ClauseKind: Int] = [:]
            var result: [Clause] = []
            for entry in items {
                switch entry.item {
                case .article(let index, let version):
                    let component = Self.component(version.num)
                    let eId = "art_" + component
                    let wId = articleWIds[index] ?? unique(eId, year: date.year)
                    articleWIds[index] = wId
                    let paragraphs = version.blocks.enumerated().map { offset, block in
                        Clause(kind: .paragraph, eId: "\(eId)__para_\(offset + 1)", wId: "\(wId)__para_\(offset + 1)",
                               content: [block])
                    }
                    result.append(Clause(kind: .article, eId: eId, wId: wId, num: Self.printedNumber(version.num),
                                         children: paragraphs))
                case .section(let section):
                    let parts = Self.sectionParts(section.title)
                    positions[parts.kind, default: 0] += 1
                    let component = parts.num.flatMap { ClauseNumbering.component(of: $0, kind: parts.kind) }
                        ?? String(positions[parts.kind] ?? 1)
                    let eId = (parentEId.map { $0 + "__" } ?? "") + parts.kind.eIdPrefix + "_" + component
                    let key = section.id ?? eId
                    let wId = sectionWIds[key] ?? unique(eId, year: date.year)
                    sectionWIds[key] = wId
                    result.append(Clause(kind: parts.kind, eId: eId, wId: wId, num: parts.num,
                                         heading: parts.heading.map { [.text($0)] },
                                         children: clauses(of: section, parentEId: eId)))
                }
            }
            return result
        }
        return clauses(of: root, parentEId: nil)
    }

    /// "1er" → "1", "L. 121-2" → "L121-2", anything unusable → its ASCII letters and digits.
    static func component(_ num: String) -> String {
        if let component = ClauseNumbering.component(of: "Article " + num, kind: .article) { return component }
        let kept = String(num.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") })
        return kept.isEmpty ? "sans-numero" : kept
    }

    /// The number as printed: "Article 1er", "Article 6-1", "Article unique".
    static func printedNumber(_ num: String) -> String {
        num.lowercased().hasPrefix("article") ? num : "Article " + num
    }

    /// "Chapitre I : Monnaies" → (chapter, "Chapitre I", "Monnaies"); unknown titles become sections
    /// numbered by position, with the whole title as heading.
    static func sectionParts(_ title: String) -> (kind: ClauseKind, num: String?, heading: String?) {
        let kinds: [String: ClauseKind] = [
            "partie": .part, "livre": .part, "titre": .title, "chapitre": .chapter, "section": .section,
            "sous-section": .subsection, "paragraphe": .subsection, "sous-paragraphe": .subsection,
        ]
        let head: Substring
        var heading: String?
        if let colon = title.firstIndex(of: ":") {
            head = title[..<colon]
            let rest = title[title.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            heading = rest.isEmpty ? nil : rest
        } else {
            head = Substring(title)
        }
        let words = head.split(separator: " ")
        guard let first = words.first, let kind = kinds[first.lowercased()], words.count == 2 else {
            return (.section, nil, title)
        }
        return (kind, words.joined(separator: " "), heading)
    }

    // MARK: Document

    /// The document of the version of `date`. The signature date is the one LEGI gives, or none when it
    /// gives its "unknown" sentinel (a code has no signature date): it is never guessed. Each version is
    /// dated `#consolidation` and `#entreeEnVigueur` on `date`; an abrogation also `#abrogation`.
    /// `firstDate` (the first version's date) dates the work when the signature is unknown.
    private func makeDocument(body: [Clause], date: LegalDate, firstDate: LegalDate, references: [String],
                              abrogation: Bool) -> LegalDocument {
        let isFirst = date == firstDate
        let text = files.text
        let nature = text.nature.map(ELI.normalizedType) ?? "texte"
        let identifier = text.nor ?? text.number.map { $0.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }
            ?? text.cid ?? text.id ?? "texte"
        let signature = text.signature
        let workURI: String
        if let signature {
            workURI = ELI(type: nature, signature: signature, naturalIdentifier: identifier).work
        } else {
            workURI = "/akn/fr/act/\(nature)/\(text.cid ?? text.id ?? identifier)"
        }
        let expression = ELI.expression(work: workURI, consolidatedOn: isFirst ? nil : date)
        let title = text.title ?? "Texte \(text.cid ?? identifier)"
        var lifecycle: [LifecycleEvent] = []
        if let signature {
            lifecycle.append(LifecycleEvent(eId: "evt_signature", date: signature, refersTo: LegalEventKind.signature.rawValue,
                                            source: "#dila"))
        }
        var publication: Publication?
        if let published = text.publication, signature.map({ published >= $0 }) ?? true, published <= date {
            lifecycle.append(LifecycleEvent(eId: "evt_publication", date: published,
                                            refersTo: LegalEventKind.publication.rawValue, source: "#dila"))
            publication = Publication(date: published, name: "JORF", number: nil,
                                      showAs: text.publicationName ?? "Journal officiel du \(published.french)")
        }
        let effective = signature.map { max(date, $0) } ?? date
        lifecycle.append(LifecycleEvent(eId: "evt_consolidation", date: effective,
                                        refersTo: LegalEventKind.consolidation.rawValue, source: "#dila",
                                        type: isFirst ? "generation" : "amendment"))
        lifecycle.append(LifecycleEvent(eId: "evt_vigueur", date: effective,
                                        refersTo: LegalEventKind.entryIntoForce.rawValue, source: "#dila",
                                        type: isFirst ? "generation" : "amendment"))
        if abrogation {
            lifecycle.append(LifecycleEvent(eId: "evt_abrogation", date: effective,
                                            refersTo: LegalEventKind.repeal.rawValue, source: "#dila", type: "repeal"))
        }
        var preface: [PrefaceItem] = [.longTitle([Block(text: title)])]
        if let nor = text.nor {
            preface.append(.block(Block([.text("NOR : "), .element(name: "docNumber", attributes: [:], children: [.text(nor)])],
                                        attributes: ["class": "nor"])))
        }
        var preamble: [PreambleItem] = []
        // VISAS holds the authority ("Le ministre…,"), the visas ("Vu …") and the enacting formula ("Arrête :").
        let isVisa = { (block: Block) in block.plainText.hasPrefix("Vu ") || block.plainText.hasPrefix("Vu\u{a0}") }
        let firstVisa = text.visas.firstIndex(where: isVisa)
        let lastVisa = text.visas.lastIndex(where: isVisa)
        if let firstVisa, let lastVisa {
            if firstVisa > 0 { preamble.append(.formula(name: "autorite", blocks: Array(text.visas[..<firstVisa]))) }
            preamble.append(.citations(text.visas[firstVisa...lastVisa].enumerated().map { index, block in
                Clause(kind: .citation, eId: "cit_\(index + 1)", content: [block])
            }))
            if lastVisa + 1 < text.visas.count {
                preamble.append(.formula(name: "enactingFormula", blocks: Array(text.visas[(lastVisa + 1)...])))
            }
        } else if !text.visas.isEmpty {
            preamble.append(.formula(name: "autorite", blocks: text.visas))
        }
        var sourceNote = abrogation
            ? "Texte abrogé : plus aucun article en vigueur à compter du \(date.french) ; ci-dessous, sa dernière "
                + "rédaction en vigueur. Importé de la base LEGI de la DILA (Légifrance)"
            : "Version consolidée au \(date.french), importée de la base LEGI de la DILA (Légifrance)"
        if let cid = text.cid ?? text.id { sourceNote += ", texte \(cid)" }
        sourceNote += "."
        var noteBlocks = [Block(text: sourceNote)]
        if !references.isEmpty { noteBlocks.append(Block(text: "Textes à l'origine de cette version : " + references.joined(separator: " ; ") + ".")) }
        return LegalDocument(
            actName: nature,
            identification: Identification(
                work: FRBRWork(this: workURI, uri: workURI,
                               date: signature.map { FRBRDate(date: $0, name: "signature") }
                                   ?? FRBRDate(date: firstDate, name: "entreeEnVigueur"),
                               author: "#auteur", country: "fr", number: identifier, name: title),
                expression: FRBRExpression(this: expression, uri: expression,
                                           date: FRBRDate(date: date, name: abrogation ? "abrogation"
                                                             : isFirst ? "publication" : "consolidation"),
                                           author: "#dila", language: "fra"),
                manifestation: FRBRManifestation(this: ELI.manifestation(expression: expression),
                                                 uri: ELI.manifestation(expression: expression),
                                                 date: FRBRDate(date: date, name: "legi"), author: "#suivi")),
            publication: publication,
            lifecycle: lifecycle,
            references: [
                TLCReference(element: "TLCOrganization", eId: "auteur", href: "/ontology/organization/fr/auteur",
                             showAs: text.ministry ?? "Autorité signataire"),
                TLCReference(element: "TLCOrganization", eId: "dila", href: "/ontology/organization/fr/dila",
                             showAs: "Direction de l'information légale et administrative"),
                TLCReference(element: "TLCOrganization", eId: "suivi", href: "/ontology/organization/fr/suivi",
                             showAs: "Projet suivi"),
            ],
            notes: [Note(eId: "note_source", attributes: ["class": "source"], blocks: noteBlocks)],
            preface: preface, preamble: preamble, body: body, conclusions: text.signatories)
    }
}

/// Orders printed numbers naturally: "2" < "10", "6" < "6-1" < "7".
struct NaturalKey: Comparable, Hashable, Sendable {
    let parts: [Part]

    enum Part: Comparable, Hashable, Sendable {
        case number(Int)
        case word(String)
    }

    init(_ text: String) {
        var parts: [Part] = []
        var digits = ""
        var letters = ""
        func flush() {
            if !digits.isEmpty { parts.append(.number(Int(digits.prefix(18)) ?? Int.max)); digits = "" }
            if !letters.isEmpty { parts.append(.word(letters.lowercased())); letters = "" }
        }
        for character in text {
            if character.isASCII && character.isNumber {
                if !letters.isEmpty { flush() }
                digits.append(character)
            } else {
                if !digits.isEmpty { flush() }
                letters.append(character)
            }
        }
        flush()
        self.parts = parts
    }

    static func < (lhs: NaturalKey, rhs: NaturalKey) -> Bool {
        for (l, r) in zip(lhs.parts, rhs.parts) where l != r { return l < r }
        return lhs.parts.count < rhs.parts.count
    }
}
