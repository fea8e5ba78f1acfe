import Committee
import Foundation

/// Why an account could not be created or read.
public enum AccountError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// The password is too short.
    case weakPassword(minimum: Int)
    /// No seat of that id and no member of that e-mail in office.
    case unknownLogin(String)
    /// The seat has several members in office: each needs their own account.
    case severalMembers(seat: String, emails: [String])
    /// A seat with no member recorded needs the person acting for it.
    case noPerson(seat: String)
    /// The accounts file cannot be read or written.
    case file(path: String, reason: String)
    /// The committee's records could not be read.
    case committee(CommitteeError)

    public var description: String {
        switch self {
        case .weakPassword(let minimum):
            return "mot de passe trop court : au moins \(minimum) caractères."
        case .unknownLogin(let login):
            return "« \(login) » n'est ni un siège du comité ni le courriel d'un membre en fonction : "
                + "voyez « suivi committee list »."
        case .severalMembers(let seat, let emails):
            return "le siège « \(seat) » a plusieurs membres en fonction (\(emails.joined(separator: ", "))) : "
                + "créez un compte par membre, avec son courriel."
        case .noPerson(let seat):
            return "le siège « \(seat) » n'a pas de membre en fonction : indiquez qui l'occupe avec "
                + "--auteur \"Prénom Nom <courriel>\" (ou ajoutez le membre avec « suivi committee add-member »)."
        case .file(let path, let reason):
            return "\(path) : fichier des comptes illisible ou impossible à écrire : \(reason)."
        case .committee(let error):
            return error.description
        }
    }

    public var errorDescription: String? { description }
}
