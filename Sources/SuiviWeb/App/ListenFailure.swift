import Foundation
import NIOCore

/// Why `suivi web` could not start listening, in French: the port is taken, the address is not this machine's, or
/// it cannot be resolved. These are configuration errors (the unit file does not restart the server in a loop),
/// not failures to report in the network library's English.
public enum ListenFailure {
    /// The sentence for `error` thrown while binding `host:port`; `nil` when it is no listening failure.
    public static func message(for error: any Error, host: String, port: Int) -> String? {
        if let error = error as? IOError {
            switch error.errnoCode {
            case EADDRINUSE:
                return "le port \(port) est déjà utilisé sur \(host) : un autre serveur (peut-être un autre « suivi web ») "
                    + "l'occupe. Choisissez un autre port (--port, « port = … » ou SUIVI_PORT) ou arrêtez l'autre serveur."
            case EADDRNOTAVAIL:
                return "l'adresse d'écoute « \(host) » n'est pas une adresse de cette machine : donnez 127.0.0.1 (cette machine "
                    + "seulement), 0.0.0.0 (toutes ses adresses) ou l'une de ses adresses (--hote, « hote = … » ou SUIVI_HOTE)."
            case EACCES:
                return "le port \(port) est réservé à l'administrateur : choisissez un port au-dessus de 1023 (--port, « port = … » "
                    + "ou SUIVI_PORT) et laissez le proxy HTTPS écouter sur 443 (docs/DEPLOYMENT.md)."
            default:
                return nil
            }
        }
        if error is SocketAddressError || error is SocketAddressError.UnknownHost {
            return "l'adresse d'écoute « \(host) » est introuvable : donnez une adresse IP (127.0.0.1, 0.0.0.0, ::1) ou un nom "
                + "de cette machine (--hote, « hote = … » ou SUIVI_HOTE)."
        }
        return nil
    }
}
