import ArgumentParser
import Foundation
import Register

extension Suivi {
    /// `suivi log`: the versions, adopted and drafts.
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liste les versions du registre : versions adoptées (avec leurs dates) et projets.",
            discussion: "  suivi log --repo registre\n  suivi log --format json"
        )

        @OptionGroup var register: RegisterOptions

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let registry = try register.open()
            let versions = try await registerCall { () async throws(RegisterError) in try await registry.versions() }
            switch format {
            case .json: print(try jsonString(versions))
            case .text:
                if versions.isEmpty { print("Aucune version : importez le corpus (suivi import corpus).") }
                for version in versions {
                    switch version.kind {
                    case .adopted:
                        let record = version.record
                        var line = "\(version.name)  adoptée  \(version.commit.abbreviated)  signée le \(record?.signature?.french ?? "—")"
                        if let date = record?.entryIntoForce { line += ", en vigueur le \(date.french)" }
                        if let reference = record?.publicationReference { line += " — \(reference)" }
                        print(line)
                    case .draft:
                        print("\(version.name)  projet  \(version.commit.abbreviated)  du \(version.draftDate?.french ?? "—") — \(version.summary)")
                    }
                }
            }
        }
    }
}
