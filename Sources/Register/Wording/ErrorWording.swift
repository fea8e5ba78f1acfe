/// How a front end names, in an error message, what the user gives and what to do: the CLI by its options and
/// commands, the web by its form labels and pages. The libraries' errors hold ``InputField`` and ``Remedy``
/// values, never a front end's words; ``neutral`` is their plain French.
public struct ErrorWording: Sendable {
    /// How to point at a field in parentheses after the sentence that names it (`--motif`, `champ « Motif »`);
    /// nil to say nothing more.
    public let field: @Sendable (InputField) -> String?
    /// How to say a remedy.
    public let remedy: @Sendable (Remedy) -> String
    /// How to name a stage of a review given by its identifier (`redaction`): the CLI by the identifier it takes, the
    /// web by its label (« en rédaction »).
    public let stage: @Sendable (String) -> String

    public init(field: @escaping @Sendable (InputField) -> String?, remedy: @escaping @Sendable (Remedy) -> String,
                stage: @escaping @Sendable (String) -> String = { $0 }) {
        self.field = field
        self.remedy = remedy
        self.stage = stage
    }

    /// Plain French, for a reader of no particular front end (a log, a library caller).
    public static let neutral = ErrorWording(field: { _ in nil }, remedy: { $0.french })

    /// " (--signature, --entree-en-vigueur)": the fields as this front end points at them, or "" when it says nothing.
    public func pointing(at fields: [InputField]) -> String {
        let names = fields.compactMap(field)
        return names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"
    }
}

/// An error whose message a front end words its own way.
public protocol WordedError: Error, CustomStringConvertible {
    /// The message, with fields and remedies as `wording` says them.
    func description(_ wording: ErrorWording) -> String
}

extension WordedError {
    /// The neutral message.
    public var description: String { description(.neutral) }
}
