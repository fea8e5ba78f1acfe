import ArgumentParser
import LegalText
import Register

/// `--version`: one version of a text of the register, named the one way suivi names versions: a tag
/// (v2017-01-05), a draft (draft/<nom>), a commit, or a date AAAA-MM-JJ (the version in force that day).
/// Commands comparing two versions take them as two arguments, named the same way.
struct VersionOption: ParsableArguments {
    @Option(name: .customLong("version"),
            help: ArgumentHelp("Version : étiquette (v2017-01-05), projet (draft/<nom>), commit, ou date AAAA-MM-JJ (le texte en vigueur ce jour-là).",
                               valueName: "version"))
    var revision: String?

    /// The date, when the version is named by one.
    var date: LegalDate? { revision.flatMap { LegalDate(iso: $0) } }
}

/// The commit of a version named the one way (``VersionOption``): a date is the version in force that day.
func resolveVersion(_ revision: String, in registry: TextRegister, work: String?) async throws -> ObjectID {
    try await registry.resolve(revision, work: work)
}
