import Foundation

/// Why the sessions kept on disk (``SessionFolder``) could not be written or removed.
public enum SessionStorageError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// The folder of sessions cannot be created or is not a folder.
    case folder(path: String, reason: String)
    /// A session's file cannot be written.
    case write(path: String, reason: String)
    /// A session's file cannot be removed: the session would come back at the next start.
    case remove(path: String, reason: String)

    public var description: String {
        switch self {
        case .folder(let path, let reason):
            return "dossier des sessions « \(path) » impossible à créer ou à utiliser : \(reason). Le service doit pouvoir écrire "
                + "dans le dossier du registre (unité systemd : ReadWritePaths)."
        case .write(let path, let reason):
            return "session impossible à enregistrer dans « \(path) » : \(reason)."
        case .remove(let path, let reason):
            return "session impossible à clore : le fichier « \(path) » ne peut pas être supprimé (\(reason))."
        }
    }

    public var errorDescription: String? { description }
}
