import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi revision`: reviews of a text, periodic or triggered by an event.
    struct ReviewCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revision",
            abstract: "Révisions : ouverture, suivi, passage d'étape (ouverte → redaction → consultation → adoptee | close-sans-modification → diffusee).",
            discussion: """
              suivi revision ouvrir periodique-2020 --periodique --siege dgs
              suivi revision avancer periodique-2020 redaction --siege dgs
              suivi projet enregistrer periodique-2020 -m "Projet de révision" --auteur "Prénom Nom <courriel>"
              suivi revision avancer periodique-2020 consultation --siege dgs
              suivi revision avancer periodique-2020 adoptee --siege dgs --signature 2027-03-01 --entree-en-vigueur 2027-03-15 --confirmer
            """,
            subcommands: [Open.self, Show.self, List.self, Advance.self]
        )
    }
}
