import Committee
import Foundation
import Register

/// Why an account could not be created or read.
public enum AccountError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible, WordedError {
    /// The password is too short.
    case weakPassword(minimum: Int)
    /// The accounts file cannot be read or written.
    case file(path: String, reason: String)
    /// The committee's records could not be read.
    case committee(CommitteeError)

    public func description(_ wording: ErrorWording) -> String {
        switch self {
        case .weakPassword(let minimum):
            return "mot de passe trop court : au moins \(minimum) caractères."
        case .file(let path, let reason):
            return "\(path) : fichier des comptes illisible ou impossible à écrire : \(reason)."
        case .committee(let error):
            return error.description(wording)
        }
    }

    public var errorDescription: String? { description }
}
