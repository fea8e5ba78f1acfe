/// A branch of the register and the commit it points at.
public struct Branch: Sendable, Hashable, Codable {
    /// The full reference name (`refs/heads/main`, `refs/heads/draft/2026-revision`).
    public let ref: String
    public let tip: ObjectID

    public init(ref: String, tip: ObjectID) {
        self.ref = ref
        self.tip = tip
    }

    /// The name without `refs/heads/` (`draft/2026-revision`).
    public var shortName: String {
        ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : ref
    }
}
