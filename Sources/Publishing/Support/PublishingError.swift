import Committee
import Foundation
import LegalText
import Register

/// What can go wrong while building an export, with a French message that says what to do.
public enum PublishingError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible, WordedError {
    case register(RegisterError)
    case committee(CommitteeError)
    /// The review has no draft yet (no branch, no consulted commit, no adopted version); `chair` is the
    /// seat that can move it to drafting.
    case reviewWithoutDraft(review: String, chair: String)
    /// The review has a draft, but the register holds no adopted version of `work` other than the draft
    /// itself to compare it with (tags of adopted versions missing, or never imported).
    case noEarlierVersion(review: String, work: String)
    /// A sentence of an amending order that the parser does not recognise.
    case unrecognisedFormula(article: String, text: String)
    /// A designation ("le deuxième alinéa de l'article 3") that names no clause of the text.
    case clauseNotFound(designation: String)
    /// Words an instruction replaces or deletes that are not found exactly once in the clause.
    case wordsNotFound(designation: String, words: String, occurrences: Int)
    /// An instruction of an amending order that cannot be read or applied, with its line and column.
    case orderProblem(OrderProblem)
    /// An ODT package could not be written.
    case package(String)
    /// The output path is a folder, or cannot be written.
    case output(path: String, reason: String)
    /// An edit of a draft made clause by clause (``DraftEdit``) that cannot apply, with the reason.
    case editRefused(String)
    /// A document to import (ODT, DOCX) cannot be read: not a package, too large, malformed XML…
    case odtUnreadable(file: String, reason: String)
    /// The document still holds tracked changes neither accepted nor rejected.
    case odtTrackedChanges(file: String, count: Int)
    /// The document does not say which commit it was exported from (not an ODT export of a draft).
    case odtNotAnExport(file: String)
    /// The draft moved on since the document was exported: importing it would undo the commits in between.
    case odtStale(file: String, draft: String, exported: String, current: String)
    /// Paragraphs whose mapping to the text is uncertain.
    case odtUncertain(file: String, problems: [ODTProblem])
    /// A DOCX (or other word-processor file) needs LibreOffice to be converted, and it is not installed.
    case converterMissing(file: String)
    /// LibreOffice could not convert the document.
    case conversionFailed(file: String, reason: String)

    public func description(_ wording: ErrorWording) -> String {
        switch self {
        case .register(let error): return error.description(wording)
        case .committee(let error): return error.description(wording)
        case .reviewWithoutDraft(let review, let chair):
            return "la révision « \(review) » n'a pas encore de projet, donc pas de bulletin. Pour en rédiger un : "
                + "(1) la présidence la passe en rédaction : "
                + wording.remedy(.advanceReview(review: review, stages: ["redaction"], seat: chair)) + " ; "
                + "(2) modifiez la copie de travail brouillons/\(review)/ du registre ; "
                + "(3) " + wording.remedy(.commitDraft(draft: review)) + " ; "
                + "puis " + wording.remedy(.exportBulletin(review: review)) + "."
        case .noEarlierVersion(let review, let work):
            return "la révision « \(review) » a un projet, mais le registre ne contient aucune version adoptée de \(work) "
                + "antérieure à laquelle le comparer : le bulletin montre ce qui change par rapport au texte en vigueur. "
                + "D'abord, " + wording.remedy(.importAdoptedVersion) + " ; puis " + wording.remedy(.exportBulletin(review: review)) + "."
        case .unrecognisedFormula(let article, let text):
            return "\(article) : formule non reconnue « \(text) » ; utilisez les formules du Guide de légistique "
                + "(« les mots : « … » sont remplacés par les mots : « … » », « est inséré un alinéa ainsi rédigé : », …)."
        case .clauseNotFound(let designation):
            return "« \(designation) » ne désigne aucun élément du texte modifié ; vérifiez la numérotation."
        case .wordsNotFound(let designation, let words, let occurrences):
            return occurrences == 0
                ? "les mots « \(words) » ne figurent pas dans \(designation) ; la modification ne peut pas s'appliquer."
                : "les mots « \(words) » figurent \(occurrences) fois dans \(designation) ; précisez la citation pour qu'elle soit unique."
        case .orderProblem(let problem): return problem.description + " Rien n'a été enregistré."
        case .package(let reason): return "écriture du fichier ODT impossible : \(reason)."
        case .output(let path, let reason): return "écriture de « \(path) » impossible : \(reason)."
        case .editRefused(let reason): return "modification refusée : " + reason
        case .odtUnreadable(let file, let reason):
            return "« \(file) » ne se lit pas comme un document texte : \(reason). Indiquez l'export ODT du projet "
                + "(ou sa version DOCX) tel que le traitement de texte l'a enregistré. Rien n'a été enregistré."
        case .odtTrackedChanges(let file, let count):
            return "« \(file) » contient encore \(count) modification(s) suivie(s) ni acceptée(s) ni rejetée(s) : "
                + "acceptez-les ou rejetez-les dans le traitement de texte (Édition > Suivi des modifications > Gérer), "
                + "enregistrez, puis importez de nouveau. Rien n'a été enregistré."
        case .odtNotAnExport(let file):
            return "« \(file) » ne dit pas de quel état du projet il a été exporté (métadonnée « \(ODTImport.commitMeta) » absente) : "
                + "seul l'export ODT consolidé d'un projet, modifié puis enregistré, peut être importé. Exportez le projet "
                + "en ODT, faites-y vos modifications, et importez ce fichier. Rien n'a été enregistré."
        case .odtStale(let file, let draft, let exported, let current):
            return "« \(file) » a été exporté du projet \(draft) au commit \(exported.prefix(7)), mais le projet a changé depuis "
                + "(commit \(current.prefix(7))) : l'importer déferait ces changements. Exportez de nouveau le projet en ODT et "
                + "reportez-y vos modifications. Rien n'a été enregistré."
        case .odtUncertain(let file, let problems):
            return "« \(file) » : \(problems.count) paragraphe(s) ne se rattache(nt) pas avec certitude au texte ; "
                + "corrigez le document et importez-le de nouveau. Rien n'a été enregistré.\n"
                + problems.map { "  - " + $0.description }.joined(separator: "\n")
        case .converterMissing(let file):
            return "« \(file) » doit être converti en ODT par LibreOffice (soffice), introuvable sur cette machine : "
                + "installez LibreOffice (paquet libreoffice-writer-nogui), ou enregistrez le document au format ODT "
                + "dans le traitement de texte. Rien n'a été enregistré."
        case .conversionFailed(let file, let reason):
            return "la conversion de « \(file) » en ODT par LibreOffice a échoué : \(reason). Enregistrez le document au "
                + "format ODT dans le traitement de texte et importez ce fichier. Rien n'a été enregistré."
        }
    }

    public var errorDescription: String? { description }
}
