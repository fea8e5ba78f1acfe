import ArgumentParser
import Committee
import Foundation
import Register

extension Suivi {
    /// `suivi verifier`: checks the managed repository and that its history was not rewritten.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verifier",
            abstract: "Vérifie le registre : versions adoptées valides, étiquettes et enregistrements cohérents, historique non réécrit.",
            discussion: """
            Chaque version étiquetée est relue et validée ; chaque étiquette doit désigner ce que disent son \
            message et les enregistrements du comité ; chaque position, commentaire et projet soumis au comité \
            doit désigner un commit présent. Les étiquettes et têtes de branches vues sont notées dans \
            register.git/suivi-verify : à la vérification suivante, une étiquette déplacée ou supprimée, ou un \
            commit de main sorti de l'historique, est signalé comme une falsification. Code de sortie 0 si tout \
            est en ordre, 1 sinon (2 en cas de falsification).
              suivi verifier --registre registre
            """
        )

        @OptionGroup var register: RegisterOptions

        @Flag(name: .customLong("sans-enregistrer"), help: "Vérifie sans noter l'état vu dans register.git/suivi-verify.")
        var dryRun = false

        @OptionGroup var format: FormatOption

        func run() async throws {
            let registry = try register.openForReading()
            let report = try await committeeCall { () async throws(CommitteeError) in
                try await RegisterVerifier(register: registry).verify(record: !dryRun)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-verification", report))
            case .text:
                print("Versions vérifiées : \(report.versionsChecked.isEmpty ? "aucune" : report.versionsChecked.joined(separator: ", ")) ; "
                      + "enregistrements du comité vérifiés : \(report.recordsChecked).")
                if let previous = report.previousVerification { print("Dernière vérification : \(previous).") }
                for finding in report.tampering { print("FALSIFICATION (\(finding.subject)) : \(finding.message)") }
                for finding in report.findings where !finding.kind.isTampering { print("PROBLÈME (\(finding.subject)) : \(finding.message)") }
                if report.isClean { print("Registre vérifié : aucun problème.") }
                if report.recorded { print("État noté dans register.git/suivi-verify pour la prochaine vérification.") }
            }
            if !report.tampering.isEmpty { throw ExitCode(2) }
            if !report.isClean { throw ExitCode.failure }
        }
    }
}
