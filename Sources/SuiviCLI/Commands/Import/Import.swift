import ArgumentParser
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi importer`: brings texts into the register: a folder of versions (the default), a
    /// Légifrance LEGI XML extract, or one Akoma Ntoso file.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "importer",
            abstract: "Importe des textes dans le registre : dossier de versions, extrait LEGI ou fichier Akoma Ntoso.",
            discussion: """
            Sans sous-commande, le chemin donné est un dossier de versions (comme corpus) ;
            un dossier nommé « legi » ou « akn » s'importe avec « suivi importer dossier legi ».
              suivi importer corpus --auteur "Prénom Nom <courriel>"   versions du corpus
              suivi importer legi LEGITEXT000033879000/           texte officiel (LEGI)
              suivi importer akn texte.xml                        Akoma Ntoso 3.0
            """,
            subcommands: [ImportFolder.self, ImportLegi.self, ImportAkn.self],
            defaultSubcommand: ImportFolder.self
        )
    }
}
