/// Checks the rules of the subset that a parser cannot: identifiers, numbering, required metadata and
/// dates. Returns every problem found, in document order, not only the first.
public enum LegalTextValidator {
    /// Whether a wId uses only `A-Z a-z 0-9 _ -`: the register names files after wIds.
    public static func isValidWId(_ wId: String) -> Bool {
        !wId.isEmpty && wId.utf8.allSatisfy { byte in
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x5F || byte == 0x2D
        }
    }

    /// Checks `source` by the rules of `profile`: the suivi profile's (``validate(_:)``), or the Akoma Ntoso
    /// level's for a document from another tool.
    public static func validate(_ source: SourceDocument, profile: DocumentProfile) -> [ValidationProblem] {
        switch profile {
        case .suivi: return validate(source)
        case .akn: return SchemaLevelValidation.validate(source)
        }
    }

    /// Checks a document exactly as it will be stored: written in canonical form, read back by the reader of
    /// its profile (strict for the suivi profile), validated by that profile's rules.
    public static func validateAsStored(_ document: LegalDocument, file: String) throws(LegalTextError) -> [ValidationProblem] {
        let data = CanonicalWriter.data(document)
        switch document.profile {
        case .suivi: return validate(try LegalTextReader.read(data: data, file: file))
        case .akn: return validate(try LegalTextReader.readAny(data: data, file: file), profile: .akn)
        }
    }

    /// Checks `source` by the rules of the suivi profile.
    public static func validate(_ source: SourceDocument) -> [ValidationProblem] {
        var run = ValidationRun(source: source)
        run.checkMetadata()
        run.checkClauses()
        return run.problems
    }
}

/// One validation pass over one document.
private struct ValidationRun {
    let source: SourceDocument
    var problems: [ValidationProblem] = []
    private var eIds: Set<String> = []
    private var wIds: Set<String> = []

    init(source: SourceDocument) {
        self.source = source
    }

    private var document: LegalDocument { source.document }

    private mutating func report(_ rule: ValidationRule, eId: String? = nil, _ message: String) {
        problems.append(ValidationProblem(rule: rule, file: source.file, line: eId.flatMap { source.line(of: $0) },
                                          eId: eId, message: message))
    }

    // MARK: Metadata and dates

    mutating func checkMetadata() {
        let id = document.identification
        if id.work.uri.isEmpty || !id.work.uri.hasPrefix("/") {
            report(.missingMetadata, "l'URI de l'œuvre (FRBRWork/FRBRuri) est absente ou ne commence pas par « / » ; "
                   + "indiquez l'identifiant ELI du texte, par exemple /eli/arrete/2017/1/5/AFSP1638149A/jo/texte.")
        }
        if id.expression.uri.isEmpty {
            report(.missingMetadata, "l'URI de la version (FRBRExpression/FRBRuri) est absente.")
        } else if id.work.uri.hasPrefix("/eli/") {
            checkELI(id)
        }
        if id.expression.language.isEmpty {
            report(.missingMetadata, "la langue de la version (FRBRlanguage) est absente ; indiquez « fra ».")
        }
        if document.title?.isEmpty ?? true {
            report(.missingTitle, "le titre du texte (preface/longTitle) est absent.")
        }
        let signature = document.date(of: .signature)
        let publication = document.date(of: .publication) ?? document.publication?.date
        let entry = document.date(of: .entryIntoForce)
        let draft = document.date(of: .draft)
        let consolidation = document.date(of: .consolidation)
        if signature == nil && draft == nil && consolidation == nil {
            report(.missingMetadata, "aucune date de signature (#signature) ni de projet (#projet) dans lifecycle ; "
                   + "une version adoptée porte sa date de signature, un projet sa date de projet, une version "
                   + "consolidée officielle dont la signature est inconnue sa date de consolidation (#consolidation).")
        }
        if consolidation != nil && entry == nil {
            report(.missingMetadata, "la date d'entrée en vigueur (#entreeEnVigueur) manque pour cette version consolidée.")
        }
        if signature != nil && entry == nil {
            report(.missingMetadata, "la date d'entrée en vigueur (#entreeEnVigueur) manque pour cette version signée.")
        }
        if let signature, let publication, publication < signature {
            report(.inconsistentDates, "la publication (\(publication.french)) précède la signature (\(signature.french)).")
        }
        if let signature, let entry, entry < signature {
            report(.inconsistentDates, "l'entrée en vigueur (\(entry.french)) précède la signature (\(signature.french)).")
        }
        if let publication, let entry, entry < publication {
            report(.inconsistentDates, "l'entrée en vigueur (\(entry.french)) précède la publication (\(publication.french)).")
        }
        for event in document.lifecycle { record(eId: event.eId, holder: .named("l'événement \(event.refersTo)")) }
        for reference in document.references { record(eId: reference.eId, holder: .named("la référence \(reference.showAs)")) }
        for note in document.notes { record(eId: note.eId, holder: .named("la note \(note.eId)")) }
    }

    /// French ELI URIs: work `/eli/{type}/{year}/{month}/{day}/{NOR}/jo/texte` (no leading zeros),
    /// expression `{work}/fr` (as published) or `{work}/{point in time}/fr` (consolidated at a date,
    /// or a draft's name).
    private mutating func checkELI(_ id: Identification) {
        let parts = id.work.uri.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let isNumber = { (text: String) in !text.isEmpty && !text.hasPrefix("0") && text.allSatisfy { $0.isASCII && $0.isNumber } }
        if parts.count != 9 || !isNumber(parts[3]) || !isNumber(parts[4]) || !isNumber(parts[5]) || parts[6].isEmpty
            || parts[7] != "jo" || parts[8] != "texte" {
            report(.eliMismatch, "l'URI de l'œuvre « \(id.work.uri) » ne suit pas le modèle ELI "
                   + "/eli/{type}/{année}/{mois}/{jour}/{NOR}/jo/texte (mois et jour sans zéro initial), "
                   + "par exemple /eli/arrete/2017/1/5/AFSP1638149A/jo/texte.")
            return
        }
        let expression = id.expression.uri
        let rest = expression.hasPrefix(id.work.uri + "/") ? String(expression.dropFirst(id.work.uri.count + 1)) : nil
        let segments = rest?.split(separator: "/", omittingEmptySubsequences: false) ?? []
        if rest == nil || segments.last != "fr" || segments.count > 2 || segments.contains(where: \.isEmpty) {
            report(.eliMismatch, "l'URI de la version « \(expression) » ne suit pas le modèle ELI : attendu "
                   + "\(id.work.uri)/fr (version publiée au Journal officiel) ou \(id.work.uri)/AAAA-MM-JJ/fr "
                   + "(version consolidée à cette date).")
        }
    }

    // MARK: Clauses

    mutating func checkClauses() {
        if document.body.isEmpty {
            report(.emptyBody, "le corps du texte (body) ne contient aucun article.")
        }
        for (index, citation) in document.citations.enumerated() {
            checkIdentity(citation, expected: ExpectedEId(parent: nil, prefix: "cit", component: String(index + 1)),
                          what: .named("le visa n° \(index + 1)"))
            if citation.content.allSatisfy({ $0.plainText.isEmpty }) {
                report(.emptyClause, eId: citation.eId, "le visa \(citation.eId) est vide.")
            }
        }
        check(document.body, parentEId: nil)
        for (index, annex) in document.annexes.enumerated() {
            let component = annex.number.flatMap(ClauseNumbering.annexComponent) ?? String(index + 1)
            let expected = "annex_" + component
            record(eId: annex.eId, holder: .named("l'annexe \(annex.number ?? annex.eId)"))
            recordWId(annex.wId, eId: annex.eId)
            if annex.eId != expected {
                report(.eIdMismatch, eId: annex.eId, "l'annexe « \(annex.number ?? "sans numéro") » a l'eId \(annex.eId) ; "
                       + "attendu \(expected).")
            }
            if annex.clauses.isEmpty {
                report(.emptyClause, eId: annex.eId, "l'annexe \(annex.eId) ne contient aucun alinéa ni section.")
            }
            check(annex.clauses, parentEId: annex.eId)
        }
    }

    private mutating func check(_ clauses: [Clause], parentEId: String?) {
        var positions: [ClauseKind: Int] = [:]
        for clause in clauses {
            positions[clause.kind, default: 0] += 1
            let position = positions[clause.kind] ?? 1
            let what = Description(clause: clause, position: position)
            let expected = expectedEId(of: clause, position: position, parentEId: parentEId)
            if clause.kind == .article && (clause.num?.isEmpty ?? true) {
                report(.articleWithoutNumber, eId: clause.eId, "\(what) n'a pas de numéro (<num>) ; "
                       + "chaque article est numéroté, par exemple « Article 3 ».")
            }
            checkIdentity(clause, expected: expected, what: .clause(what))
            if clause.children.isEmpty {
                if clause.content.allSatisfy({ $0.plainText.isEmpty }) {
                    report(.emptyClause, eId: clause.eId, "\(what) (\(clause.eId)) n'a aucun texte.")
                }
            } else if clause.kind == .list && !clause.children.contains(where: { $0.kind == .point }) {
                report(.emptyClause, eId: clause.eId, "l'énumération \(clause.eId) ne contient aucun point.")
            }
            check(clause.children, parentEId: clause.eId)
        }
    }

    /// The eId the clause should have, from its kind, number or position, and its parent; nil when
    /// its number gives no eId component (then nothing is checked).
    private func expectedEId(of clause: Clause, position: Int, parentEId: String?) -> ExpectedEId? {
        var component = String(position)
        if clause.kind.isNumberedByItsNum, let num = clause.num {
            guard let fromNum = ClauseNumbering.component(of: num, kind: clause.kind) else { return nil }
            component = fromNum
        }
        return ExpectedEId(parent: clause.kind == .article ? nil : parentEId, prefix: clause.kind.eIdPrefix,
                           component: component)
    }

    private mutating func checkIdentity(_ clause: Clause, expected: ExpectedEId?, what: Holder) {
        record(eId: clause.eId, holder: what)
        recordWId(clause.wId, eId: clause.eId)
        if let expected, !expected.matches(clause.eId) {
            report(.eIdMismatch, eId: clause.eId, "\(what) a l'eId \(clause.eId) ; attendu \(expected) "
                   + "(l'eId suit la hiérarchie et la numérotation ; le wId, lui, ne change pas).")
        }
    }

    private mutating func record(eId: String, holder: @autoclosure () -> Holder) {
        guard !eIds.insert(eId).inserted else { return }
        report(.duplicateEId, eId: eId, "l'eId \(eId) de \(holder()) est déjà porté par \(firstHolder(of: eId)) ; "
               + "chaque eId doit être unique dans le document.")
    }

    /// What first carries `eId`, looked up again only when a duplicate is reported.
    private func firstHolder(of eId: String) -> String {
        if let event = document.lifecycle.first(where: { $0.eId == eId }) { return "l'événement \(event.refersTo)" }
        if let reference = document.references.first(where: { $0.eId == eId }) { return "la référence \(reference.showAs)" }
        if document.notes.contains(where: { $0.eId == eId }) { return "la note \(eId)" }
        if let annex = document.annex(eId: eId) { return "l'annexe \(annex.number ?? eId)" }
        if let clause = document.clause(eId: eId) {
            if let num = clause.num, !num.isEmpty { return Description(clause: clause, position: 1).description }
            return source.line(of: eId).map { "\(clause.kind.frenchName) de la ligne \($0)" } ?? clause.kind.frenchName
        }
        return eId
    }

    private mutating func recordWId(_ wId: String, eId: String) {
        if !LegalTextValidator.isValidWId(wId) {
            report(.invalidWId, eId: eId, "le wId « \(wId) » de \(eId) contient des caractères interdits ; "
                   + "n'utilisez que A-Z, a-z, 0-9, « _ » et « - ».")
        }
        if !wIds.insert(wId).inserted {
            report(.duplicateWId, eId: eId, "le wId \(wId) (élément \(eId)) est déjà utilisé ; un wId désigne un seul "
                   + "élément pour toute la vie du texte.")
        }
    }

}

/// How a clause is named in messages ("l'article « Article 3 »", "l'alinéa n° 2"), built only when a
/// message needs it: validation of a large act must not pay for thousands of unused strings.
private struct Description: CustomStringConvertible {
    let clause: Clause
    let position: Int

    var description: String {
        if let num = clause.num, !num.isEmpty {
            return clause.kind == .article ? "l'article « \(num) »" : "\(clause.kind.frenchName) « \(num) »"
        }
        return "\(clause.kind.frenchName) n° \(position)"
    }
}

/// What holds an eId, named in a message only when one is written.
private enum Holder: CustomStringConvertible {
    case clause(Description)
    case named(String)

    var description: String {
        switch self {
        case .clause(let clause): return clause.description
        case .named(let name): return name
        }
    }
}

/// The eId a clause should have, `parent__prefix_component`, compared without building the string.
private struct ExpectedEId: CustomStringConvertible {
    let parent: String?
    let prefix: String
    let component: String

    func matches(_ eId: String) -> Bool {
        let parentLength = parent.map { $0.utf8.count + 2 } ?? 0
        guard eId.utf8.count == parentLength + prefix.utf8.count + 1 + component.utf8.count else { return false }
        var eId = eId
        return eId.withUTF8 { actual in
            var offset = 0
            func consume(_ part: String) -> Bool {
                var part = part
                return part.withUTF8 { expected in
                    for byte in expected {
                        guard actual[offset] == byte else { return false }
                        offset += 1
                    }
                    return true
                }
            }
            if let parent {
                guard consume(parent), consume("__") else { return false }
            }
            return consume(prefix) && consume("_") && consume(component)
        }
    }

    var description: String {
        (parent.map { $0 + "__" } ?? "") + prefix + "_" + component
    }
}
