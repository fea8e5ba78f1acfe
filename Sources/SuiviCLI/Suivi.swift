import ArgumentParser
import Foundation
import Register

/// The `suivi` command: versions the arrêté du 5 janvier 2017 and its annexes as Akoma Ntoso XML,
/// shows what changed, and runs the review committee.
@main
struct Suivi: AsyncParsableCommand {
    /// `suivi --version`. Not ArgumentParser's `version:`, which would take `--version` from every command,
    /// where `--version` names a version of the text.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "suivi",
        abstract: "Suivi et révision de l'arrêté du 5 janvier 2017 (médecins de l'OFII) et de ses annexes.",
        discussion: """
        Les textes sont des documents Akoma Ntoso 3.0 (voir docs/FORMAT.md). Exemples :
          suivi validate corpus                 vérifie chaque version du corpus livré
          suivi afficher corpus/2017-01-05/AFSP1638149A.xml --eid art_3
          suivi diff corpus/2017-01-05/AFSP1638149A.xml corpus/2026-projet/AFSP1638149A.xml
          suivi init registre && suivi importer corpus --registre registre --auteur "Prénom Nom <courriel>"
          suivi versions --registre registre    versions adoptées et projets
          suivi afficher --registre registre --version 2020-06-01 --eid art_3
          suivi exporter modificatif v2017-01-05 draft/2026-projet --registre registre   arrêté modificatif
          suivi web --registre registre         interface web (texte, versions, comité)
          suivi --version                       version de suivi
        Une version s'écrit toujours de la même façon : étiquette (v2017-01-05), projet (draft/<nom>), \
        commit, ou date AAAA-MM-JJ (le texte en vigueur ce jour-là).
        """,
        // Every command states its commandName: without it ArgumentParser derives the name with
        // String(describing:) on the type, a protocol-conformance scan of the whole binary per command,
        // paid on every start (about 5 ms of a 7 ms `suivi --version`).
        subcommands: [Validate.self, Convert.self, Show.self, Diff.self, Init.self, Import.self, Log.self, History.self, Blame.self,
                      Draft.self, CommitteeCommand.self, Status.self, EventCommand.self, ReviewCommand.self, SourcesCommand.self, SynthesesCommand.self, NewsCommand.self,
                      PositionCommand.self, CommentCommand.self, Export.self, Serve.self,
                      Clone.self, Pull.self, Push.self, Verify.self]
    )

    /// Parses and runs like ArgumentParser's own `main`, with suivi's vocabulary and messages: earlier command
    /// and option names are rewritten to the French ones (``Vocabulary``), and every error is printed here,
    /// once, in French: a refused operation (a library error, a ``Refusal``) exits 1, a wrong command line 64.
    static func main() async {
        let arguments = Vocabulary.rewrite(Array(CommandLine.arguments.dropFirst()))
        if arguments == ["--version"] {
            print(version)
            return
        }
        // ArgumentParser keeps the last of a repeated option: two versions (`--at` and `--in-force` of old) are
        // a wrong command line, not a silent choice.
        if arguments.prefix(while: { $0 != "--" }).filter({ $0 == "--version" || $0.hasPrefix("--version=") }).count > 1 {
            commandLineError("une seule version à la fois : --version (ou --at, --in-force) est donné plusieurs fois.", arguments: arguments)
        }
        let command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            fail(error, arguments: arguments)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch {
            fail(error, arguments: arguments)
        }
    }

    /// Prints `error` the one way suivi prints errors, and exits.
    static func fail(_ error: any Error, arguments: [String]) -> Never {
        switch error {
        case let code as ExitCode:
            Foundation.exit(code.rawValue)
        case let refusal as Refusal:
            printError("suivi : \(refusal.message)")
            Foundation.exit(refusal.exitCode)
        case let error as ValidationError:
            commandLineError(error.message, arguments: arguments)
        case let error as any WordedError:
            // Library refusals name fields and remedies as values; the CLI words them as its options and commands.
            printError("suivi : \(cliMessage(error))")
            Foundation.exit(ExitCode.failure.rawValue)
        default:
            break
        }
        let code = exitCode(for: error)
        if code == .success {
            print(CommandLineFrench.help(fullMessage(for: error)))
            Foundation.exit(0)
        }
        if code == .validationFailure {
            if let unknown = Vocabulary.unknownCommand(in: arguments) {
                let command = (["suivi"] + unknown.path).joined(separator: " ")
                let hint = unknown.suggestion.map { " ; vouliez-vous dire « \(command) \($0) » ?" } ?? "."
                printError("suivi : commande inconnue « \(unknown.typed) »\(hint)")
                printError("Aide : \(command) --help")
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
            commandLineError(CommandLineFrench.error(message(for: error)), arguments: arguments)
        }
        let text = message(for: error)
        if !text.isEmpty { printError("suivi : \(text)") }
        Foundation.exit(code.rawValue)
    }

    /// A wrong command line: the message, the command's usage and where its help is; exit 64.
    static func commandLineError(_ message: String, arguments: [String]) -> Never {
        let path = commandPath(arguments)
        printError("suivi : \(message)")
        if let command = subcommand(at: Array(path.dropFirst())), ObjectIdentifier(command) != ObjectIdentifier(Suivi.self) {
            let usage = usageString(for: command).replacingOccurrences(of: "<subcommand>", with: "<sous-commande>")
            printError("Utilisation : \(usage)")
        }
        printError("Aide : \((path + ["--help"]).joined(separator: " "))")
        Foundation.exit(ExitCode.validationFailure.rawValue)
    }

    /// The command at a path of command names (`["exporter", "consolide"]`), if there is one.
    static func subcommand(at path: [String]) -> (any ParsableCommand.Type)? {
        var current: any ParsableCommand.Type = Suivi.self
        for name in path {
            guard let next = current.configuration.subcommands.first(where: { $0._commandName == name }) else { return nil }
            current = next
        }
        return current
    }

    /// The names of the command the arguments select (`suivi exporter consolide`).
    static func commandPath(_ arguments: [String]) -> [String] {
        var path: [String] = []
        for argument in arguments {
            guard subcommand(at: path + [argument]) != nil else { break }
            path.append(argument)
        }
        return [_commandName] + path
    }
}
