import ArgumentParser
import Foundation

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
          suivi serve --repo registre           interface web (texte, versions, comité)
        """,
        version: "0.1.0",
        // Every command states its commandName: without it ArgumentParser derives the name with
        // String(describing:) on the type, a protocol-conformance scan of the whole binary per command,
        // paid on every start (about 5 ms of a 7 ms `suivi --version`).
        subcommands: [Validate.self, Show.self, Diff.self, Init.self, Import.self, Log.self, History.self, Blame.self,
                      Draft.self, CommitteeCommand.self, Status.self, EventCommand.self, ReviewCommand.self,
                      PositionCommand.self, CommentCommand.self, Export.self, Serve.self,
                      Clone.self, Pull.self, Push.self, Verify.self]
    )

    /// Parses and runs like ArgumentParser's own `main`, except for a wrong command line detected while a
    /// command runs (a `ValidationError` thrown from `run()`, such as ODT without `--output`): ArgumentParser
    /// would print it after an English "Error:" with the usage of `suivi` itself, not of the command. It is
    /// printed like every other message of suivi, with the command's help to read, and still exits 64.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch let error as ValidationError {
            printError("suivi : \(error.message)")
            printError("Aide : \((commandPath(arguments) + ["--help"]).joined(separator: " "))")
            exit(withError: ExitCode.validationFailure)
        } catch {
            exit(withError: error)
        }
    }

    /// The names of the command the arguments select (`suivi export consolidated`).
    static func commandPath(_ arguments: [String]) -> [String] {
        var path = [_commandName]
        var current: any ParsableCommand.Type = Suivi.self
        for argument in arguments {
            guard let next = current.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            path.append(argument)
            current = next
        }
        return path
    }
}
