/// A note of the `notes` block of the metadata; `class="transcription"` marks a working transcription.
public struct Note: Sendable, Hashable, Codable {
    public var eId: String
    public var attributes: [String: String]
    public var blocks: [Block]

    public init(eId: String, attributes: [String: String] = [:], blocks: [Block]) {
        self.eId = eId
        self.attributes = attributes
        self.blocks = blocks
    }

    public var className: String? { attributes["class"] }

    /// The class of the note that says the file is a working transcription, not the official text.
    public static let transcriptionClass = "transcription"
}
