import ArgumentParser

extension Suivi {
    /// `suivi sources`: the documentary references of Annexe II.
    struct SourcesCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "Références documentaires de l'annexe II : liste, date et résultat de leur dernière vérification.",
            discussion: """
            Chaque référence est un enregistrement committee/references/<id>.xml. Une référence jamais vérifiée, \
            trouvée déplacée, disparue, injoignable ou périmée, ou dont le contenu n'a pas été confirmé par une \
            personne depuis plus de 12 mois, est à vérifier (suivi etat).
              suivi sources lister
              suivi sources verifier --tout --auteur "Prénom Nom <courriel>"
              suivi sources confirmer onusida-aidsinfo --motif "Données 2026 en ligne, conformes à l'annexe."
              suivi sources verifier oms-aide-memoire --resultat deplacee --note "Nouvelle adresse : …"
              suivi sources evaluer --siege dgs --auteur "Prénom Nom <courriel>"
            """,
            subcommands: [List.self, Check.self, Confirm.self, Assess.self]
        )
    }
}
