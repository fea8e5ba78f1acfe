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
        }
    }

    public var errorDescription: String? { description }
}
