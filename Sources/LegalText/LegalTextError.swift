import Foundation

/// Why a file could not be read as a legal text. Every case names the file and, where known, the line.
public enum LegalTextError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file is larger than the reader accepts.
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// The file declares a DTD (`<!DOCTYPE …>`): refused, since a DTD can declare entities.
    case doctypeForbidden(file: String, line: Int)
    /// The file is not well-formed XML (truncated, bad encoding, too deep…).
    case malformed(file: String, line: Int, column: Int, problem: XMLProblem, detail: String)
    /// The root element is not `akomaNtoso` in the Akoma Ntoso 3.0 namespace.
    case wrongRoot(file: String, line: Int, found: String, namespace: String?)
    /// An element of the file is not in the supported subset, or not where it may appear.
    case unsupportedElement(file: String, line: Int, element: String, parent: String)
    /// A required element is missing.
    case missingElement(file: String, line: Int, element: String, parent: String)
    /// A required attribute is missing or has an invalid value.
    case badAttribute(file: String, line: Int, element: String, attribute: String, value: String?)
    /// Text appears where only elements may appear.
    case unexpectedText(file: String, line: Int, parent: String, text: String)
    /// Elements nest deeper than the subset allows.
    case tooDeep(file: String, line: Int, limit: Int)
    /// An element of an imported format (Légifrance LEGI XML) is unknown or holds a value that cannot
    /// be used; `reason` says what and what to do, in French.
    case invalidContent(file: String, line: Int, element: String, reason: String)

    /// The libxml2-level problems that make a file unreadable, named for a drafter.
    public enum XMLProblem: String, Sendable, Equatable {
        case truncated, invalidEncoding, tooDeep, entity, syntax
        /// A character XML 1.0 cannot hold (a control character, U+FFFE, U+FFFF), raw or as a reference.
        case forbiddenCharacter

        var french: String {
            switch self {
            case .truncated: return "le document est tronqué (fin de fichier avant la fin des éléments)"
            case .invalidEncoding: return "le fichier n'est pas en UTF-8 valide"
            case .tooDeep: return "les éléments sont imbriqués trop profondément"
            case .entity: return "le document utilise une entité XML, interdite ici"
            case .syntax: return "le XML est mal formé"
            case .forbiddenCharacter: return "caractère interdit en XML"
            }
        }
    }

    /// The file concerned.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .tooLarge(let file, _, _), .doctypeForbidden(let file, _),
             .malformed(let file, _, _, _, _), .wrongRoot(let file, _, _, _),
             .unsupportedElement(let file, _, _, _), .missingElement(let file, _, _, _),
             .badAttribute(let file, _, _, _, _), .unexpectedText(let file, _, _, _), .tooDeep(let file, _, _),
             .invalidContent(let file, _, _, _):
            return file
        }
    }

    /// The line concerned, when known.
    public var line: Int? {
        switch self {
        case .unreadable, .tooLarge: return nil
        case .doctypeForbidden(_, let line), .malformed(_, let line, _, _, _), .wrongRoot(_, let line, _, _),
             .unsupportedElement(_, let line, _, _), .missingElement(_, let line, _, _),
             .badAttribute(_, let line, _, _, _), .unexpectedText(_, let line, _, _), .tooDeep(_, let line, _),
             .invalidContent(_, let line, _, _):
            return line
        }
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place) : \(reason)"
    }

    /// What went wrong and what to do, without the file and line (which ``description`` puts first).
    public var reason: String {
        switch self {
        case .unreadable(_, let reason):
            return "lecture impossible (\(reason)). Vérifiez le chemin et les droits du fichier."
        case .tooLarge(_, let bytes, let limit):
            return "fichier trop volumineux (\(bytes) octets, limite \(limit)). "
                + "Découpez le texte ou vérifiez qu'il s'agit bien d'un texte juridique."
        case .doctypeForbidden:
            return "déclaration <!DOCTYPE> refusée. Une DTD peut déclarer des entités "
                + "(bombe d'entités, lecture de fichiers ou d'URL) ; supprimez la ligne <!DOCTYPE …>."
        case .malformed(_, _, let column, .forbiddenCharacter, let detail):
            return "colonne \(column) : caractère \(detail) interdit en XML : le fichier serait illisible. Retirez-le "
                + "(ces caractères invisibles viennent souvent d'un copier-coller depuis un diaporama ou un traitement "
                + "de texte) ; rien n'a été enregistré."
        case .malformed(_, _, let column, let problem, let detail):
            return "colonne \(column) : \(problem.french) (libxml2 : \(detail)). "
                + "Corrigez le fichier à cet endroit ; rien n'a été enregistré."
        case .wrongRoot(_, _, let found, let namespace):
            let ns = namespace.map { "dans l'espace de noms « \($0) »" } ?? "sans espace de noms"
            return "l'élément racine est <\(found)> \(ns) ; attendu <akomaNtoso> dans l'espace "
                + "de noms \(AKN.namespace). Ce fichier n'est pas un document Akoma Ntoso 3.0."
        case .unsupportedElement(_, _, let element, let parent):
            return "élément <\(element)> non pris en charge dans <\(parent)>. "
                + "Voir docs/FORMAT.md pour les éléments admis."
        case .missingElement(_, _, let element, let parent):
            return "élément <\(element)> manquant dans <\(parent)>."
        case .badAttribute(_, _, let element, let attribute, let value):
            if let value {
                return "valeur « \(value) » invalide pour l'attribut \(attribute) de <\(element)>."
            }
            return "attribut \(attribute) manquant sur <\(element)>."
        case .unexpectedText(_, _, let parent, let text):
            return "texte « \(text) » hors d'un paragraphe, dans <\(parent)>. "
                + "Placez le texte dans un élément <p>."
        case .tooDeep(_, _, let limit):
            return "plus de \(limit) niveaux d'éléments imbriqués ; structure refusée."
        case .invalidContent(_, _, let element, let reason):
            return "<\(element)> : \(reason) Rien n'a été enregistré."
        }
    }

    public var errorDescription: String? { description }
}
