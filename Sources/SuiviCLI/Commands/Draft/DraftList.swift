import ArgumentParser
import Committee
import Foundation
import Register

extension Suivi.Draft {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lister",
            abstract: "Liste les projets en cours.",
            discussion: "Un projet que le comité a adopté tel quel n'est plus en cours : --tous le montre aussi.")

        @OptionGroup var register: RegisterOptions

        @OptionGroup var format: FormatOption

        @Flag(name: .customLong("tous"), help: "Liste aussi les projets déjà adoptés.")
        var all = false

        func run() async throws {
            let registry = try register.openForReading()
            var drafts = try await registerCall { () async throws(RegisterError) in try await registry.drafts() }
            if !all {
                let versions = try await registerCall { () async throws(RegisterError) in try await registry.versions() }
                // The committee's records only mark adopted drafts: unreadable records never hide a draft.
                let adopted = ((try? await Committee(register: registry).state()) ?? CommitteeState()).adoptedDrafts(among: versions)
                // `drafts()` lists only branches whose name is a valid DraftName; one that were not stays listed.
                drafts.removeAll { draft in (try? DraftName(draft.name)).map { adopted[$0.branch] != nil } ?? false }
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-projets", list: "projets", drafts))
            case .text:
                if drafts.isEmpty { print("Aucun projet en cours.") }
                for draft in drafts {
                    let branch = (try? DraftName(draft.name))?.branch ?? draft.branch
                    print("\(branch)  \(draft.tip.abbreviated)  \(draft.workingCopy)")
                }
            }
        }
    }
}
