/// A document as read from a file, with where each clause stands in the source (for messages).
public struct SourceDocument: Sendable, Hashable {
    /// The file the document was read from, as given by the caller.
    public let file: String
    public let document: LegalDocument
    /// The source line of each addressable element, by eId.
    public let lines: [String: Int]

    public init(file: String, document: LegalDocument, lines: [String: Int] = [:]) {
        self.file = file
        self.document = document
        self.lines = lines
    }
}
