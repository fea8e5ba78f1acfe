import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.CommitteeCommand {
    struct Repair: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reparer",
            abstract: "Répare les enregistrements du comité qui contiennent des caractères interdits en XML.",
            discussion: """
            Un caractère de contrôle (tabulation verticale, caractère nul…), U+FFFE ou U+FFFF rend un \
            enregistrement XML illisible ; suivi le refuse à la saisie, mais un registre écrit par un autre outil \
            peut en contenir (« suivi verifier » les signale, « suivi etat » aussi). Cette commande réécrit chaque \
            enregistrement concerné sans ces caractères, tout le reste à l'identique, en un seul commit dont le \
            message liste chaque caractère retiré (fichier, ligne, colonne, code). Rien à réparer : rien n'est écrit.
              suivi comite reparer --registre registre --auteur "Secrétariat DGS <secretariat@sante.gouv.fr>"
            """)

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: AuthorOptions
        @OptionGroup var format: FormatOption

        func run() async throws {
            let author = try person.identity()
            let committee = Committee(register: try register.open())
            let repaired = try await committeeCall { () async throws(CommitteeError) in try await committee.repair(author: author) }
            switch format.value {
            case .json: print(try jsonDocument("suivi-comite-reparation", list: "enregistrements", repaired))
            case .text:
                if repaired.isEmpty { print("Aucun enregistrement du comité à réparer.") }
                for line in repaired.flatMap(\.lines) { print("\(line) : retiré") }
                if !repaired.isEmpty {
                    print("\(repaired.count) enregistrement\(repaired.count > 1 ? "s" : "") réparé\(repaired.count > 1 ? "s" : "") en un commit.")
                }
            }
        }
    }
}
