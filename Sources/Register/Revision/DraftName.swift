import LegalText

/// The name of a draft (`2026-projet`): letters, digits, `-` and `_`, as a clause's wId. The one place that
/// knows a draft lives on the branch `refs/heads/draft/<name>` and is shown as `draft/<name>`.
public struct DraftName: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The name alone (`2026-projet`).
    public let name: String

    /// The namespace of draft branches.
    static let refPrefix = "refs/heads/draft/"
    /// The branch name without `refs/heads/`, as users write it.
    static let branchPrefix = "draft/"

    /// The longest draft name (a review id, a year and a word are far shorter).
    public static let maximumLength = 100

    /// A draft's name alone (`2026-projet`).
    /// - Throws: ``RegisterError/invalidDraftName(_:)`` when it is empty, too long, starts with `-` or `_` (a
    ///   command line would take it for an option), or holds anything but ASCII letters, digits, `-` and `_` (no
    ///   `/`, space, `.`, accent, control character…).
    public init(_ name: String) throws(RegisterError) {
        guard let first = name.utf8.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "_"),
              name.utf8.count <= Self.maximumLength, LegalTextValidator.isValidWId(name) else {
            throw .invalidDraftName(name)
        }
        self.name = name
    }

    /// A draft as records and versions name it (`draft/2026-projet`), or by its name alone.
    /// - Throws: ``RegisterError/invalidDraftName(_:)``.
    public init(branch: String) throws(RegisterError) {
        let bare = branch.hasPrefix(Self.branchPrefix) ? String(branch.dropFirst(Self.branchPrefix.count)) : branch
        do {
            try self.init(bare)
        } catch {
            throw .invalidDraftName(branch)
        }
    }

    /// The draft a full reference names (`refs/heads/draft/2026-projet`); nil for any other reference.
    public init?(ref: String) {
        guard ref.hasPrefix(Self.refPrefix), let name = try? DraftName(String(ref.dropFirst(Self.refPrefix.count))) else {
            return nil
        }
        self = name
    }

    /// The full reference of its branch (`refs/heads/draft/2026-projet`).
    public var ref: String { Self.refPrefix + name }

    /// The branch as users write it (`draft/2026-projet`), as versions and records name it.
    public var branch: String { Self.branchPrefix + name }

    public var description: String { branch }

    public static func < (lhs: DraftName, rhs: DraftName) -> Bool { lhs.name < rhs.name }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try DraftName(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
