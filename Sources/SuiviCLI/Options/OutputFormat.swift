import ArgumentParser

/// How a command prints its result.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
