import Foundation
import LegalText

/// A committee record holding characters XML cannot hold (written by a tool other than suivi, or by an older
/// suivi): unreadable as it stands, it is read without them so that the committee stays usable, reported by
/// `suivi status` and `suivi verify`, and rewritten without them by ``Committee/repair(author:)``.
public struct DamagedRecord: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The record's path in the register (`committee/comments/<review>/<id>.xml`).
    public let path: String
    /// Each character XML cannot hold, where it is in the file.
    public let characters: [XMLCharacters.Finding]

    public init(path: String, characters: [XMLCharacters.Finding]) {
        self.path = path
        self.characters = characters
    }

    /// `committee/comments/r/c1.xml, ligne 3, colonne 12 : U+000B (tabulation verticale)`, one per character.
    public var lines: [String] { characters.map { "\(path), \($0.description)" } }

    public var description: String { lines.joined(separator: " ; ") }
}
