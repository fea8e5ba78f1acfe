import ArgumentParser
import Foundation
import Register

/// A member's or server's public SSH key, read from its `.pub` file (`--cle-publique <fichier.pub>`).
struct PublicKeyFile {
    /// Reads and checks the key; the refusal says what is wrong with the file in French.
    static func read(_ path: String) throws -> SSHPublicKey {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw Refusal("clé publique « \(path) » illisible : \(error.localizedDescription). Donnez le fichier .pub "
                          + "que « ssh-keygen -t ed25519 » a créé à côté de la clé privée.")
        }
        return try SSHPublicKey(openSSH: text, source: path)
    }
}
