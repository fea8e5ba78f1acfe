/// The checks of the Akoma Ntoso level (``DocumentProfile/akn``) for a document from another tool: what
/// the schema and the naming convention require and the reader has not already enforced (a body that holds
/// something, eIds unique in the document), and what the register needs to store the document (a valid,
/// unique wId for each clause, since files are named after them). The suivi profile's own rules (ELI,
/// French dates, numbering of articles) are not applied.
enum SchemaLevelValidation {
    static func validate(_ source: SourceDocument) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        let document = source.document
        func report(_ rule: ValidationRule, eId: String?, _ message: String) {
            problems.append(ValidationProblem(rule: rule, file: source.file, line: eId.flatMap { source.line(of: $0) },
                                              eId: eId, message: message))
        }
        if document.body.isEmpty {
            report(.emptyBody, eId: nil, "le corps du texte (body) ne contient aucun élément hiérarchique.")
        }
        var eIds: Set<String> = []
        var wIds: Set<String> = []
        let clauses = document.allClauses
        for clause in clauses {
            if !eIds.insert(clause.eId).inserted {
                report(.duplicateEId, eId: clause.eId, "l'eId \(clause.eId) (\(clause.kind.frenchName)) est déjà porté par "
                       + "un autre élément ; chaque eId doit être unique dans le document.")
            }
            if !LegalTextValidator.isValidWId(clause.wId) {
                report(.invalidWId, eId: clause.eId, "le wId « \(clause.wId) » de \(clause.eId) contient des caractères que le "
                       + "registre ne peut pas prendre comme nom de fichier ; n'utilisez que A-Z, a-z, 0-9, « _ » et « - ».")
            }
            if !wIds.insert(clause.wId).inserted {
                report(.duplicateWId, eId: clause.eId, "le wId \(clause.wId) (élément \(clause.eId)) est déjà utilisé ; "
                       + "un wId désigne un seul élément.")
            }
        }
        for annex in document.annexes {
            if !eIds.insert(annex.eId).inserted {
                report(.duplicateEId, eId: annex.eId, "l'eId \(annex.eId) de l'annexe est déjà porté par un autre élément.")
            }
            if !LegalTextValidator.isValidWId(annex.wId) {
                report(.invalidWId, eId: annex.eId, "le wId « \(annex.wId) » de l'annexe \(annex.eId) contient des caractères "
                       + "que le registre ne peut pas prendre comme nom de dossier ; n'utilisez que A-Z, a-z, 0-9, « _ » et « - ».")
            }
        }
        return problems
    }
}
