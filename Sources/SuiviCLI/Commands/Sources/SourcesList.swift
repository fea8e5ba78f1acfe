import ArgumentParser
import Committee
import Foundation
import LegalText

extension Suivi.SourcesCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lister", abstract: "Liste les références documentaires, leur dernière vérification et si elles sont à vérifier.")

        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func run() async throws {
            let committee = Committee(register: try register.openForReading())
            let day = try today.date()
            let references = try await committeeCall { () async throws(CommitteeError) in try await committee.references() }
            switch format.value {
            case .json: print(try jsonDocument("suivi-sources", list: "references", references))
            case .text:
                if references.isEmpty { print("Aucune référence documentaire.") }
                let freshness = ReferenceFreshness()
                for reference in references {
                    print("\(reference.id)  \(reference.kind.label)  \(reference.publisher) — \(reference.title)")
                    if let address = reference.address { print("  adresse : \(address)") }
                    if let last = reference.lastCheck {
                        let how = last.method == .automatic ? " (automatique" + (last.httpStatus.map { ", HTTP \($0)" } ?? "") + ")" : ""
                        print("  dernière vérification : \(last.date.french), \(last.outcome.label)\(how), par \(last.person)"
                              + (last.note.isEmpty ? "" : " — \(last.note)"))
                    }
                    if let reason = freshness.staleness(of: reference, on: day) { print("  À VÉRIFIER : \(reason.label)") }
                    print("  citée par : " + (reference.citations.isEmpty ? "aucune clause" : reference.citations.map(\.wId).joined(separator: ", ")))
                }
            }
        }
    }
}
