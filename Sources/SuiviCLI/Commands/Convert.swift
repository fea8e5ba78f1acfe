import ArgumentParser
import Foundation
import LegalText

extension Suivi {
    /// `suivi convertir <fichier>`: brings an Akoma Ntoso 3.0 document from another tool into the suivi profile.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convertir",
            abstract: "Convertit un document Akoma Ntoso 3.0 d'un autre outil au profil suivi et dit ce qui a changé.",
            discussion: """
            Le document est lu en sécurité (sans réseau, entité ni DTD), puis amené au profil suivi \
            (docs/FORMAT.md) : métadonnées réécrites dans la forme de suivi, conteneurs hors du profil \
            (hcontainer, subparagraph…) rapportés sur ceux du profil, tableaux et autres éléments non \
            modélisés remplacés par un paragraphe de leur texte, eId recalculés selon la convention de \
            nommage. Chaque changement est dit. Rien n'est inventé : une date de signature, un identifiant \
            ELI ou un titre absents restent à compléter, et « suivi validate --profil suivi » les liste \
            (ils sont aussi listés ici). Le fichier converti est écrit même s'il reste des problèmes ; le \
            code de sortie est alors 1. Le fichier d'origine n'est jamais modifié.
              suivi convertir loi.xml --sortie loi-suivi.xml
            """
        )

        @Argument(help: "Document Akoma Ntoso 3.0 à convertir.")
        var file: String

        @Option(name: [.customShort("o"), .customLong("sortie")], help: "Fichier à écrire (par défaut : sortie standard).")
        var output: String?

        func run() throws {
            let source: SourceDocument
            do {
                source = try LegalTextReader.readInItsProfile(contentsOf: file)
            } catch {
                printError("suivi : \(error.description)")
                throw ExitCode.failure
            }
            // What the command says goes to standard output when the document goes to a file.
            let toFile = output != nil
            let say: (String) -> Void = { line in
                if toFile { print(line) } else { printError(line) }
            }
            let conversion = ProfileConversion.convert(source.document)
            let data = CanonicalWriter.data(conversion.document)
            if let output {
                if URL(fileURLWithPath: output).standardizedFileURL == URL(fileURLWithPath: file).standardizedFileURL {
                    throw ValidationError("--sortie désigne le fichier d'origine, qui n'est jamais modifié ; choisissez un autre fichier.")
                }
                do {
                    try data.write(to: URL(fileURLWithPath: output))
                } catch {
                    printError("suivi : écriture impossible de \(output) (\(error.localizedDescription)).")
                    throw ExitCode.failure
                }
            } else {
                FileHandle.standardOutput.write(data)
            }
            if conversion.changes.isEmpty {
                say("\(file) : déjà au profil suivi, aucun changement.")
            } else {
                say("\(file) : converti au profil suivi, \(conversion.changes.count) changement(s) :")
                for change in conversion.changes { say("  - \(change)") }
            }
            let written = output ?? "\(file) (converti)"
            let problems: [ValidationProblem]
            do {
                problems = LegalTextValidator.validate(try LegalTextReader.read(data: data, file: written))
            } catch {
                problems = [ValidationProblem(rule: .unreadable, file: written, line: error.line, eId: nil, message: error.reason)]
            }
            guard !problems.isEmpty else {
                say("Le document converti suit le profil suivi.")
                return
            }
            say("Reste à faire à la main pour suivre le profil suivi (\(problems.count) problème(s)) :")
            for problem in problems { say("  \(problem)") }
            throw ExitCode.failure
        }
    }
}
