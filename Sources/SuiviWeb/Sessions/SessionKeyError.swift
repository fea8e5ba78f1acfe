import Foundation

/// Why the key of the sessions (`suivi web --cle-sessions`) cannot be used or made.
public enum SessionKeyError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// No file there.
    case missing(path: String)
    /// A folder, a device…: not a plain file.
    case notAFile(path: String)
    /// Readable or writable by other users than its owner (the mode found, in octal).
    case exposed(path: String, mode: String)
    /// Fewer than ``SessionKey/minimumLength`` bytes.
    case tooShort(path: String, length: Int)
    /// Larger than a key file can be.
    case tooLong(path: String, length: Int)
    /// The system refused to read or write it.
    case unreadable(path: String, reason: String)
    /// `--generer-cle-sessions` never replaces a key (every session would end).
    case alreadyExists(path: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "clé des sessions « \(path) » introuvable : créez-la avec « suivi web --generer-cle-sessions \(path) » "
                + "(ou « head -c 32 /dev/urandom > \(path) && chmod 600 \(path) »)."
        case .notAFile(let path):
            return "clé des sessions « \(path) » : ce n'est pas un fichier ordinaire ; indiquez le fichier de la clé."
        case .exposed(let path, let mode):
            return "clé des sessions « \(path) » lisible ou modifiable par d'autres utilisateurs (droits \(mode)) : quiconque la lit "
                + "peut fabriquer des sessions. Restreignez-la à son propriétaire : « chmod 600 \(path) » (propriétaire : "
                + "l'utilisateur du service)."
        case .tooShort(let path, let length):
            return "clé des sessions « \(path) » trop courte (\(length) octets) : il en faut au moins \(SessionKey.minimumLength), "
                + "tirés au hasard ; recréez-la avec « suivi web --generer-cle-sessions <fichier> »."
        case .tooLong(let path, let length):
            return "clé des sessions « \(path) » trop longue (\(length) octets, au plus \(SessionKey.maximumLength)) : est-ce bien "
                + "le fichier de la clé ? Créez-en une avec « suivi web --generer-cle-sessions <fichier> »."
        case .unreadable(let path, let reason):
            return "clé des sessions « \(path) » illisible ou impossible à écrire : \(reason)."
        case .alreadyExists(let path):
            return "« \(path) » existe déjà : suivi ne remplace jamais une clé des sessions (toutes les sessions ouvertes prendraient "
                + "fin). Pour en changer, supprimez d'abord l'ancienne, puis recommencez."
        }
    }

    public var errorDescription: String? { description }
}
