import ArgumentParser

extension Suivi {
    /// `suivi sources`: the documentary references of Annexe II.
    struct SourcesCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "Références documentaires de l'annexe II : liste, date et résultat de leur dernière vérification.",
            discussion: """
            Chaque référence est un enregistrement committee/references/<id>.xml. Une référence jamais vérifiée, \
            vérifiée depuis plus de 12 mois, ou trouvée déplacée, disparue ou périmée, est à vérifier (suivi etat).
              suivi sources lister
              suivi sources verifier onusida-aidsinfo --resultat joignable --auteur "Prénom Nom <courriel>"
              suivi sources verifier oms-aide-memoire --resultat deplacee --note "Nouvelle adresse : …"
            """,
            subcommands: [List.self, Check.self]
        )
    }
}
