import ArgumentParser
import Foundation
import LegalText
import Publishing
import Register

extension Suivi {
    /// `suivi exporter`: publications built from the register.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exporter",
            abstract: "Publications : texte consolidé, tableau comparatif, arrêté modificatif, bulletin, flux Atom.",
            discussion: """
            Chaque publication s'écrit sur la sortie standard, ou dans un fichier avec --sortie (écriture \
            atomique ; un dossier est refusé). L'ODT exige --sortie.
              suivi exporter consolide --version draft/2026-projet --format html --sortie consolide.html --registre registre
              suivi exporter comparatif v2017-01-05 draft/2026-projet --format odt --sortie tableau.odt --registre registre
              suivi exporter modificatif v2017-01-05 draft/2026-projet --registre registre
              suivi exporter bulletin --revision periodique-2020 --format markdown --registre registre
              suivi exporter flux --adresse https://exemple.gouv.fr/suivi --registre registre
            """,
            subcommands: [ExportConsolidated.self, ExportComparison.self, ExportAmending.self, ExportBulletin.self, ExportFeed.self,
                          ExportAkn.self]
        )
    }
}
