/// A document as read from a file, with where each clause stands in the source (for messages).
public struct SourceDocument: Sendable, Hashable {
    /// Where one addressable element starts in the file.
    public struct Location: Sendable, Hashable {
        public let eId: String
        public let line: Int

        public init(eId: String, line: Int) {
            self.eId = eId
            self.line = line
        }
    }

    /// The file the document was read from, as given by the caller.
    public let file: String
    public let document: LegalDocument
    /// The source line of each addressable element, in document order (kept as a list: reading a large
    /// act should not pay for a dictionary that only error messages use).
    public let locations: [Location]

    public init(file: String, document: LegalDocument, locations: [Location] = []) {
        self.file = file
        self.document = document
        self.locations = locations
    }

    public init(file: String, document: LegalDocument, lines: [String: Int]) {
        self.init(file: file, document: document,
                  locations: lines.map { Location(eId: $0.key, line: $0.value) }.sorted { $0.line < $1.line })
    }

    /// The source line of each addressable element, by eId (the first one, if an eId is repeated).
    public var lines: [String: Int] {
        var result: [String: Int] = [:]
        for location in locations where result[location.eId] == nil { result[location.eId] = location.line }
        return result
    }

    /// The source line of the element with this eId (the first one, if it is repeated).
    public func line(of eId: String) -> Int? {
        locations.first { $0.eId == eId }?.line
    }
}
