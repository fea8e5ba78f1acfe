import ArgumentParser

/// The `suivi` command: versions the arrêté du 5 janvier 2017 and its annexes as Akoma Ntoso XML,
/// shows what changed, and runs the review committee.
@main
struct Suivi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suivi",
        abstract: "Suivi et révision de l'arrêté du 5 janvier 2017 (médecins de l'OFII) et de ses annexes.",
        discussion: """
        Les textes sont des documents Akoma Ntoso 3.0 (voir docs/FORMAT.md). Exemples :
          suivi validate corpus                 vérifie chaque version du corpus livré
          suivi show corpus/2017-01-05/AFSP1638149A.xml --eid art_3
          suivi diff corpus/2017-01-05/AFSP1638149A.xml corpus/2026-projet/AFSP1638149A.xml
          suivi init registre && suivi import corpus --repo registre --as "Prénom Nom <courriel>"
          suivi log --repo registre             versions adoptées et projets
          suivi show --repo registre --in-force 2020-06-01 --eid art_3
          suivi export amending v2017-01-05 draft/2026-projet --repo registre   arrêté modificatif
          suivi bench parse --megabytes 10      mesure la vitesse de lecture et de validation
          suivi serve --repo registre           interface web (texte, versions, comité)
        """,
        version: "0.1.0",
        subcommands: [Validate.self, Show.self, Diff.self, Init.self, Import.self, Log.self, History.self, Blame.self,
                      Draft.self, Bench.self, CommitteeCommand.self, Status.self, EventCommand.self, ReviewCommand.self,
                      PositionCommand.self, CommentCommand.self, Export.self, Serve.self,
                      Clone.self, Pull.self, Push.self, Verify.self]
    )
}
