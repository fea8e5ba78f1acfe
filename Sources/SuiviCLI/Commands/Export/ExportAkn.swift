import ArgumentParser
import Foundation
import LegalText
import Register

/// `suivi exporter akn`: a version of a text from the register as one whole Akoma Ntoso 3.0 document.
struct ExportAkn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akn",
        abstract: "Exporte une version d'un texte du registre en un document Akoma Ntoso 3.0 complet.",
        discussion: """
        Le document est réassemblé à partir des fichiers du registre, sous forme canonique, valide \
        selon le schéma OASIS Akoma Ntoso 3.0. Par défaut : le dernier état de main, sur la sortie standard.
          suivi exporter akn --version v2017-01-05 --sortie arrete-2017.xml
          suivi exporter akn --version draft/2026-projet
          suivi exporter akn --version 2020-06-01
        """
    )

    @OptionGroup var version: VersionOption

    @Option(name: .customLong("texte"), help: "Texte à exporter (NOR) quand le registre en contient plusieurs.")
    var work: String?

    @OptionGroup var output: OutputFileOptions

    @OptionGroup var register: RegisterOptions

    func run() async throws {
        let registry = try register.openForReading()
        let (date, revision, work) = (version.date, version.revision, self.work)
        let document = try await registerCall { () async throws(RegisterError) in
            if let date {
                let version = try await registry.versionInForce(on: date, work: work)
                return try await registry.document(at: version.commit, work: work ?? version.record?.work)
            }
            return try await registry.document(at: revision ?? "main", work: work)
        }
        try output.write(CanonicalWriter.string(document))
    }
}
