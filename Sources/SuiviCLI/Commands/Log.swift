import ArgumentParser
import Committee
import Foundation
import Register

extension Suivi {
    /// `suivi versions`: the versions, adopted and drafts.
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "versions",
            abstract: "Liste les versions du registre : versions adoptées (avec leurs dates) et projets.",
            discussion: """
            Un projet adopté tel quel par le comité (sa branche est restée sur le commit soumis à la \
            consultation et devenu une version adoptée) n'est plus listé ; --tous le montre, marqué « adopté ».
              suivi versions --registre registre
              suivi versions --tous
              suivi versions --format json
            """
        )

        @OptionGroup var register: RegisterOptions

        @OptionGroup var format: FormatOption

        @Flag(name: .customLong("tous"), help: "Liste aussi les projets déjà adoptés.")
        var all = false

        func run() async throws {
            let registry = try register.openForReading()
            let allVersions = try await registerCall { () async throws(RegisterError) in try await registry.versions() }
            // The committee's records only mark adopted drafts: unreadable records never hide the versions.
            let state = (try? await Committee(register: registry).state()) ?? CommitteeState()
            let adopted = state.adoptedDrafts(among: allVersions)
            let versions = all ? allVersions : allVersions.filter { adopted[$0.name] == nil }
            switch format.value {
            case .json: print(try jsonDocument("suivi-versions", list: "versions", versions))
            case .text:
                if versions.isEmpty { print("Aucune version : importez le corpus (suivi importer corpus).") }
                for version in versions {
                    switch version.kind {
                    case .adopted:
                        let record = version.record
                        let signed = record?.signature.map { "signée le \($0.french)" } ?? "date de signature inconnue"
                        var line = "\(version.name)  adoptée  \(version.commit.abbreviated)  \(signed)"
                        if let date = record?.entryIntoForce { line += ", en vigueur le \(date.french)" }
                        if let repeal = record?.repeal { line += ", texte abrogé à compter du \(repeal.french)" }
                        if let reference = record?.publicationReference { line += " — \(reference)" }
                        print(line)
                    case .draft:
                        let date = version.draftDate.map { "du \($0.french) — " } ?? ""
                        if let adoption = adopted[version.name] {
                            print("\(version.name)  projet adopté (\(adoption.tag), révision \(adoption.review))  \(version.commit.abbreviated)  \(date)\(version.summary)")
                        } else {
                            print("\(version.name)  projet  \(version.commit.abbreviated)  \(date)\(version.summary)")
                        }
                    }
                }
                let hidden = allVersions.count - versions.count
                if hidden > 0 {
                    print("(\(hidden) projet(s) déjà adopté(s) non listé(s) : suivi versions --tous pour les voir.)")
                }
            }
        }
    }
}
