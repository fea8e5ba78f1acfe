/// Bounds the reader puts on a file before and while parsing it.
public struct XMLParserLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Deepest element nesting accepted when building the model (libxml2 itself stops at 256).
    public var maxDepth: Int

    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    public static let standard = XMLParserLimits()
}
