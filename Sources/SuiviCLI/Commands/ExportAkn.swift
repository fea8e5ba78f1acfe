import ArgumentParser
import Foundation
import LegalText
import Register

/// `suivi export akn`: a version of a text from the register as one whole Akoma Ntoso 3.0 document.
struct ExportAkn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akn",
        abstract: "Exporte une version d'un texte du registre en un document Akoma Ntoso 3.0 complet.",
        discussion: """
        Le document est réassemblé à partir des fichiers du registre, sous forme canonique, valide \
        selon le schéma OASIS Akoma Ntoso 3.0. Par défaut : le dernier état de main, sur la sortie standard.
          suivi export akn --at v2017-01-05 --output arrete-2017.xml
          suivi export akn --at draft/2026-projet
          suivi export akn --in-force 2020-06-01
        """
    )

    @Option(name: .customLong("at"), help: "Version : étiquette (v2017-01-05), projet (draft/…), branche ou commit. Par défaut : main.")
    var revision: String?

    @Option(name: .customLong("in-force"), help: "Exporter plutôt la version en vigueur à cette date (AAAA-MM-JJ).")
    var inForce: String?

    @Option(name: .customLong("texte"), help: "Texte à exporter (NOR) quand le registre en contient plusieurs.")
    var work: String?

    @Option(name: .shortAndLong, help: "Fichier à écrire (par défaut : sortie standard).")
    var output: String?

    @OptionGroup var register: RegisterOptions

    func validate() throws {
        if revision != nil && inForce != nil {
            throw ValidationError("--at et --in-force s'excluent : choisissez une version ou une date.")
        }
        if let inForce, LegalDate(iso: inForce) == nil {
            throw ValidationError("date « \(inForce) » invalide : écrivez AAAA-MM-JJ.")
        }
    }

    func run() async throws {
        let registry = try register.open()
        let document = try await registerCall { () async throws(RegisterError) in
            if let inForce, let date = LegalDate(iso: inForce) {
                let version = try await registry.versionInForce(on: date, work: work)
                return try await registry.document(at: version.commit, work: work ?? version.record?.work)
            }
            return try await registry.document(at: revision ?? "main", work: work)
        }
        let text = CanonicalWriter.string(document)
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                printError("suivi : écriture impossible de \(output) (\(error.localizedDescription)).")
                throw ExitCode.failure
            }
        } else {
            print(text, terminator: "")
        }
    }
}
