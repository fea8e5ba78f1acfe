import Foundation

/// The files of one text in a LEGI extract, read and checked: the text's structure (`TEXTELR`, in
/// `texte/struct/`), its version metadata (`TEXTE_VERSION`, in `texte/version/`), its sections
/// (`SECTION_TA`) and one file per article version (`ARTICLE`). Any other root element, a missing
/// required element or an unusable value is reported with the file, line and element.
struct LegiFiles: Sendable {
    /// What `TEXTELR` / `TEXTE_VERSION` say about the text.
    struct TextInfo: Sendable, Hashable {
        var file: String
        var id: String?
        var cid: String?
        var nature: String?
        var nor: String?
        var number: String?
        var title: String?
        var signature: LegalDate?
        var publication: LegalDate?
        var publicationName: String?
        var ministry: String?
        var visas: [Block] = []
        var signatories: [Block] = []
    }

    var text = TextInfo(file: "")
    /// LEGIARTI and LEGISCTA ids in the order the structure lists them.
    var order: [String: Int] = [:]
    var articles: [LegiArticleVersion] = []
    var sectionTitles: [String: String] = [:]

    /// The bytes of every `*.xml` file below `folder` (or of the single file `folder`), in path order.
    static func contents(of folder: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> [(file: String, data: Data)] {
        let paths = try FileCheck.expand([folder])
        guard !paths.isEmpty else { throw .unreadable(file: folder, reason: "aucun fichier XML LEGI dans ce dossier") }
        var contents: [(file: String, data: Data)] = []
        for path in paths {
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limits.maxBytes {
                throw .tooLarge(file: path, bytes: size, limit: limits.maxBytes)
            }
            do { contents.append((path, try Data(contentsOf: URL(fileURLWithPath: path)))) } catch {
                throw .unreadable(file: path, reason: (error as NSError).localizedDescription)
            }
        }
        return contents
    }

    /// Reads the LEGI files held in memory, in order; `source` names the whole extract in messages.
    static func read(_ contents: [(file: String, data: Data)], source: String,
                     limits: XMLParserLimits = .standard) throws(LegalTextError) -> LegiFiles {
        guard !contents.isEmpty else { throw .unreadable(file: source, reason: "aucun fichier XML LEGI dans ce dossier") }
        var files = LegiFiles()
        var structures: [(LegiElement, String)] = []
        var sections: [(LegiElement, String)] = []
        for (path, data) in contents {
            let root = try LegiElement.read(data, file: path, limits: limits)
            switch root.name {
            case "ARTICLE": files.articles.append(try LegiFiles.article(root, file: path))
            case "TEXTELR": structures.append((root, path))
            case "TEXTE_VERSION": try files.readTextVersion(root, file: path)
            case "SECTION_TA": sections.append((root, path))
            default:
                throw .invalidContent(file: path, line: root.line, element: root.name,
                                      reason: "élément racine inconnu ; un extrait LEGI contient des fichiers ARTICLE, "
                                        + "TEXTELR, TEXTE_VERSION ou SECTION_TA.")
            }
        }
        guard structures.count <= 1 else {
            throw .invalidContent(file: structures[1].1, line: structures[1].0.line, element: "TEXTELR",
                                  reason: "plusieurs structures de texte (TEXTELR) dans l'extrait ; importez un texte à la fois.")
        }
        var counter = 0
        var sectionFiles: [String: LegiElement] = [:]
        for (section, _) in sections {
            if let id = section.value("ID") { sectionFiles[id] = section }
            if let id = section.value("ID"), let title = section.value("TITRE_TA") { files.sectionTitles[id] = title }
        }
        func list(_ container: LegiElement?, depth: Int) {
            guard let container, depth < 32 else { return }
            for link in container.children {
                guard let id = link.attributes["id"], files.order[id] == nil else { continue }
                counter += 1
                files.order[id] = counter
                if link.name == "LIEN_SECTION_TA" {
                    if files.sectionTitles[id] == nil, !link.text.isEmpty { files.sectionTitles[id] = link.text }
                    list(sectionFiles[id]?.first("STRUCTURE_TA"), depth: depth + 1)
                }
            }
        }
        if let (structure, path) = structures.first {
            try files.readStructure(structure, file: path)
            list(structure.first("STRUCT"), depth: 0)
        }
        guard !files.articles.isEmpty else {
            throw .invalidContent(file: source, line: 0, element: "ARTICLE",
                                  reason: "aucun article (fichier LEGIARTI…xml) dans l'extrait.")
        }
        let textIds = Set(files.articles.compactMap(\.textId))
        if textIds.count > 1, let stray = files.articles.first(where: { $0.textId != files.articles[0].textId }) {
            throw .invalidContent(file: stray.file, line: stray.line, element: "CONTEXTE/TEXTE",
                                  reason: "cet article appartient au texte \(stray.textId ?? "?"), les autres à "
                                    + "\(files.articles[0].textId ?? "?") ; importez un texte à la fois.")
        }
        if files.text.file.isEmpty { files.text.file = files.articles[0].file }
        if files.text.title == nil { files.text.title = files.articles.lazy.compactMap(\.textTitle).first }
        if files.text.cid == nil { files.text.cid = files.articles[0].textId }
        // Without the text's own files, take what every article repeats about its text.
        let context = files.articles[0].textAttributes
        func attribute(_ name: String) -> String? { context[name].flatMap { $0.isEmpty ? nil : $0 } }
        files.text.nature = files.text.nature ?? attribute("nature")
        files.text.nor = files.text.nor ?? attribute("nor")
        files.text.ministry = files.text.ministry ?? attribute("ministere")
        if files.text.signature == nil { files.text.signature = attribute("date_signature").flatMap(LegalDate.init(iso:)).flatMap(sentinel) }
        if files.text.publication == nil { files.text.publication = attribute("date_publi").flatMap(LegalDate.init(iso:)).flatMap(sentinel) }
        return files
    }

    // MARK: Text

    private mutating func readStructure(_ root: LegiElement, file: String) throws(LegalTextError) {
        let chronicle = root.at("META/META_SPEC/META_TEXTE_CHRONICLE")
        if text.file.isEmpty { text.file = file }
        text.id = text.id ?? root.value("META/META_COMMUN/ID")
        text.nature = text.nature ?? root.value("META/META_COMMUN/NATURE")
        if let chronicle { try readChronicle(chronicle, file: file) }
    }

    private mutating func readTextVersion(_ root: LegiElement, file: String) throws(LegalTextError) {
        guard text.title == nil else {
            throw .invalidContent(file: file, line: root.line, element: "TEXTE_VERSION",
                                  reason: "plusieurs fichiers TEXTE_VERSION dans l'extrait ; importez un texte à la fois.")
        }
        text.file = file
        text.id = root.value("META/META_COMMUN/ID") ?? text.id
        text.nature = root.value("META/META_COMMUN/NATURE") ?? text.nature
        if let chronicle = root.at("META/META_SPEC/META_TEXTE_CHRONICLE") { try readChronicle(chronicle, file: file) }
        let version = root.at("META/META_SPEC/META_TEXTE_VERSION")
        text.title = version?.value("TITREFULL") ?? version?.value("TITRE")
        text.ministry = version?.value("MINISTERE") ?? version?.value("AUTORITE")
        let content = LegiContent(file: file)
        if let visas = root.at("VISAS/CONTENU") { text.visas = try content.blocks(of: visas) }
        if let signatories = root.at("SIGNATAIRES/CONTENU") { text.signatories = try content.blocks(of: signatories) }
    }

    private mutating func readChronicle(_ chronicle: LegiElement, file: String) throws(LegalTextError) {
        text.cid = chronicle.value("CID") ?? text.cid
        text.nor = chronicle.value("NOR") ?? text.nor
        text.number = chronicle.value("NUM") ?? text.number
        text.signature = try Self.date(chronicle, "DATE_TEXTE", file: file) ?? text.signature
        text.publication = try Self.date(chronicle, "DATE_PUBLI", file: file) ?? text.publication
        text.publicationName = chronicle.value("ORIGINE_PUBLI") ?? text.publicationName
    }

    // MARK: Articles

    static func article(_ root: LegiElement, file: String) throws(LegalTextError) -> LegiArticleVersion {
        let known: Set<String> = ["META", "CONTEXTE", "VERSIONS", "NOTA", "BLOC_TEXTUEL", "LIENS", "SM"]
        if let unknown = root.children.first(where: { !known.contains($0.name) }) {
            throw .invalidContent(file: file, line: unknown.line, element: unknown.name,
                                  reason: "élément inconnu dans <ARTICLE> (format LEGI attendu).")
        }
        guard let meta = root.at("META/META_SPEC/META_ARTICLE") else {
            throw .missingElement(file: file, line: root.line, element: "META/META_SPEC/META_ARTICLE", parent: "ARTICLE")
        }
        guard let id = root.value("META/META_COMMUN/ID") else {
            throw .missingElement(file: file, line: root.line, element: "META/META_COMMUN/ID", parent: "ARTICLE")
        }
        guard id.hasPrefix("LEGIARTI"), id.count == 20, id.dropFirst(8).allSatisfy(\.isNumber) else {
            throw .invalidContent(file: file, line: root.at("META/META_COMMUN/ID")?.line ?? root.line, element: "ID",
                                  reason: "identifiant d'article « \(id) » invalide (attendu LEGIARTI et 12 chiffres).")
        }
        let stateText = meta.value("ETAT") ?? ""
        guard let state = LegiArticleVersion.State(rawValue: stateText) else {
            throw .invalidContent(file: file, line: meta.first("ETAT")?.line ?? meta.line, element: "ETAT",
                                  reason: "état « \(stateText) » inconnu (valeurs LEGI : "
                                    + LegiArticleVersion.State.allCases.map(\.rawValue).joined(separator: ", ") + ").")
        }
        guard let start = try date(meta, "DATE_DEBUT", file: file) else {
            throw .missingElement(file: file, line: meta.line, element: "DATE_DEBUT", parent: "META_ARTICLE")
        }
        let end = try date(meta, "DATE_FIN", file: file)
        if let end, end < start {
            throw .invalidContent(file: file, line: meta.first("DATE_FIN")?.line ?? meta.line, element: "DATE_FIN",
                                  reason: "fin de validité (\(end.iso)) antérieure au début (\(start.iso)).")
        }
        let num = meta.value("NUM") ?? ""
        guard !num.isEmpty || !state.wasInForce else {
            throw .invalidContent(file: file, line: meta.line, element: "NUM",
                                  reason: "article sans numéro ; chaque article importé doit être numéroté.")
        }
        let textElement = root.at("CONTEXTE/TEXTE")
        var sections: [LegiArticleVersion.Section] = []
        var level = textElement?.first("TM")
        while let current = level, sections.count < 32 {
            let titles = current.all("TITRE_TM")
            let valid = titles.first { title in
                guard let from = title.attributes["debut"].flatMap(LegalDate.init(iso:)) else { return false }
                let to = title.attributes["fin"].flatMap(LegalDate.init(iso:)).flatMap(sentinel)
                return from <= start && (to.map { start < $0 } ?? true)
            } ?? titles.last
            if let valid, let sectionId = valid.attributes["id"], !sectionId.isEmpty {
                sections.append(.init(id: sectionId, title: valid.text))
            }
            level = current.first("TM")
        }
        var others: [String] = []
        for version in root.at("VERSIONS")?.all("VERSION") ?? [] {
            for link in version.all("LIEN_ART") { if let other = link.attributes["id"], !other.isEmpty { others.append(other) } }
        }
        let links = (root.at("LIENS")?.all("LIEN") ?? []).map { link in
            LegiArticleVersion.Link(type: link.attributes["typelien"] ?? "", direction: link.attributes["sens"] ?? "",
                                    textId: link.attributes["cidtexte"] ?? "", label: link.text)
        }
        let blocks = try root.at("BLOC_TEXTUEL/CONTENU").map { content throws(LegalTextError) in
            try LegiContent(file: file).blocks(of: content)
        } ?? []
        if blocks.isEmpty && state.wasInForce {
            throw .invalidContent(file: file, line: root.at("BLOC_TEXTUEL")?.line ?? root.line, element: "BLOC_TEXTUEL",
                                  reason: "l'article \(num) n'a pas de texte (BLOC_TEXTUEL/CONTENU vide ou absent).")
        }
        return LegiArticleVersion(
            file: file, line: root.line, id: id, num: num, state: state, start: start, end: end,
            textId: textElement?.attributes["cid"].flatMap { $0.isEmpty ? nil : $0 },
            textTitle: textElement?.value("TITRE_TXT"), textAttributes: textElement?.attributes ?? [:], sections: sections, otherVersions: others, blocks: blocks,
            links: links)
    }

    /// A LEGI date, `YYYY-MM-DD`; nil when absent or the "no date" sentinel (year 2999).
    static func date(_ parent: LegiElement, _ name: String, file: String) throws(LegalTextError) -> LegalDate? {
        guard let element = parent.first(name) else { return nil }
        let text = element.text
        guard !text.isEmpty else { return nil }
        guard let date = LegalDate(iso: text) else {
            throw .invalidContent(file: file, line: element.line, element: name,
                                  reason: "date « \(text) » invalide (attendu AAAA-MM-JJ).")
        }
        return sentinel(date)
    }

    /// Nil for LEGI's "no date" sentinels (2999-01-01 and beyond).
    static func sentinel(_ date: LegalDate) -> LegalDate? { date.year >= 2999 ? nil : date }
}
