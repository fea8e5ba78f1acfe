import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi comite`: the roster of the review committee.
    struct CommitteeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "comite",
            abstract: "Comité de suivi : sièges, membres, import des enregistrements livrés.",
            discussion: """
            Le comité est présidé par le siège de la DGS ; il est consultatif (positions rapportées, pas de vote).
              suivi comite importer committee --auteur "Secrétariat DGS <secretariat@sante.gouv.fr>"
              suivi comite lister
              suivi comite ajouter-membre dgs --nom "Prénom Nom" --courriel p.nom@sante.gouv.fr --debut 2026-12-01
            """,
            subcommands: [List.self, AddSeat.self, AddMember.self, RemoveMember.self, ImportRecords.self, Repair.self, SetPassword.self,
                          SetKey.self, SetServerKey.self, AllowedSigners.self]
        )
    }
}
