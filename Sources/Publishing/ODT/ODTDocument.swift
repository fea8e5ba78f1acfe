import Foundation

/// A text document to be written as OpenDocument (ODT): a title, paragraphs and two-column tables.
public struct ODTDocument: Sendable {
    /// A table of the document: a header row, then rows of cells, each cell a list of paragraphs.
    public struct Table: Sendable {
        public var headers: [String]
        public var rows: [[[FlowParagraph]]]

        public init(headers: [String], rows: [[[FlowParagraph]]]) {
            self.headers = headers
            self.rows = rows
        }
    }

    public enum Item: Sendable {
        case paragraph(FlowParagraph)
        case table(Table)
    }

    public var title: String
    public var items: [Item]
    /// Landscape pages (for wide tables).
    public var landscape: Bool
    /// User-defined metadata (`meta:user-defined`), name and value: what the import of an edited export reads back
    /// (the commit the document was exported from).
    public var userMeta: [(name: String, value: String)] = []

    public init(title: String, items: [Item], landscape: Bool = false) {
        self.title = title
        self.items = items
        self.landscape = landscape
    }

    public init(title: String, paragraphs: [FlowParagraph]) {
        self.init(title: title, items: paragraphs.map { .paragraph($0) })
    }
}
