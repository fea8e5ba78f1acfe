import LegalText

/// One operation of an amending order with where its instruction was written, so that an instruction that
/// cannot be applied is reported at its line and column.
public struct AmendingInstruction: Sendable, Hashable {
    public let operation: AmendingOperation
    /// Line and column of the instruction's sentence in the order's text, from 1 (0 when read from XML).
    public let line: Int
    public let column: Int
    /// The line as written (empty when read from XML).
    public let source: String

    public init(operation: AmendingOperation, line: Int = 0, column: Int = 0, source: String = "") {
        self.operation = operation
        self.line = line
        self.column = column
        self.source = source
    }

    /// The column (from 1) where `text` first appears in the line, else the instruction's own column.
    func column(of text: String) -> Int {
        guard !text.isEmpty, let range = source.range(of: text) else { return column }
        return source.distance(from: source.startIndex, to: range.lowerBound) + 1
    }
}

extension AmendingOrderParser.Paragraph {
    func instruction(_ operation: AmendingOperation) -> AmendingInstruction {
        AmendingInstruction(operation: operation, line: line, column: column, source: source)
    }
}
