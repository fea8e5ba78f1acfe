import ArgumentParser

/// How a command prints its result: `texte` (for a person) or `json` (for a program, docs/JSON.md).
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text = "texte", json

    init?(argument: String) { self.init(rawValue: formatName(argument)) }
}

/// A format's name as typed, with the earlier names still read: `text` is `texte`, `md` is `markdown`.
func formatName(_ argument: String) -> String {
    ["text": "texte", "md": "markdown"][argument] ?? argument
}

/// `--format texte|json`, the same in every command that prints a result.
struct FormatOption: ParsableArguments {
    @Option(name: .customLong("format"), help: "Format de sortie.")
    var value: OutputFormat = .text
}
