/// One reference move of ``GitStore/updateReferences(_:)``: point `ref` at `target` if it is at
/// `expected` (`nil`: only if it does not exist yet).
public struct ReferenceUpdate: Sendable, Hashable {
    /// The full name (`refs/heads/main`, `refs/tags/AFSP1638149A/v2017-01-05`).
    public let ref: String
    public let target: ObjectID
    public let expected: ObjectID?
    /// The reflog line.
    public let logMessage: String

    public init(ref: String, target: ObjectID, expected: ObjectID?, logMessage: String) {
        self.ref = ref
        self.target = target
        self.expected = expected
        self.logMessage = logMessage
    }
}
