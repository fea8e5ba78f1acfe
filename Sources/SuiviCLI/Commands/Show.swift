import ArgumentParser
import LegalText
import Register

extension Suivi {
    /// `suivi afficher`: a text, or one clause, as readable plain text — from a file or from the register.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "afficher",
            abstract: "Affiche un texte, ou un seul de ses éléments, en texte lisible.",
            discussion: """
            Depuis un fichier, ou depuis le registre à une version (--version) : étiquette, projet, commit, ou \
            date AAAA-MM-JJ (le texte tel qu'en vigueur ce jour-là, d'après les dates d'entrée en vigueur).
              suivi afficher corpus/2017-01-05/AFSP1638149A.xml --eid art_3__para_2
              suivi afficher --version v2017-01-05 --eid annex_2 --ids
              suivi afficher --version draft/2026-projet --eid art_6-1
              suivi afficher --version 2020-06-01
            """
        )

        @Argument(help: ArgumentHelp("Fichier XML du texte (sans --version).", valueName: "fichier"))
        var file: String?

        @OptionGroup var version: VersionOption

        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?

        @Option(help: "Identifiant (eId) de l'élément à afficher, par exemple art_3 ou annex_2__sec_C.")
        var eid: String?

        @Flag(help: "Affiche l'eId de chaque élément dans la marge.")
        var ids = false

        @OptionGroup var register: RegisterOptions

        func validate() throws {
            guard (file != nil) != (version.revision != nil) else {
                throw ValidationError("indiquez soit un fichier, soit --version <version> (étiquette, projet, commit ou date).")
            }
        }

        func run() async throws {
            let document: LegalDocument
            let label: String
            if let file {
                document = try LegalTextReader.readInItsProfile(contentsOf: file).document
                label = file
            } else {
                let registry = try register.openForReading()
                let work = self.work
                if let date = version.date {
                    let version = try await registerCall { () async throws(RegisterError) in
                        try await registry.versionInForce(on: date, work: work)
                    }
                    document = try await registerCall { () async throws(RegisterError) in
                        try await registry.document(at: version.commit, work: work)
                    }
                    label = version.name
                    printError("Version en vigueur le \(date.french) : \(version.name).")
                } else {
                    let revision = version.revision ?? "main"
                    document = try await registerCall { () async throws(RegisterError) in
                        try await registry.document(at: revision, work: work)
                    }
                    label = revision
                }
            }
            try render(document, label: label)
        }

        private func render(_ document: LegalDocument, label: String) throws {
            let renderer = PlainTextRenderer(showIdentifiers: ids)
            guard let eid else {
                print(renderer.render(document), terminator: "")
                return
            }
            if let annex = document.annex(eId: eid) {
                print(renderer.render(annex).joined(separator: "\n"))
            } else if let clause = document.clause(eId: eid) {
                print(renderer.render(clause, indent: 0).joined(separator: "\n"))
            } else {
                let stem = eid.components(separatedBy: "__").first ?? eid
                let known = document.allClauses.map(\.eId).filter { $0.hasPrefix(stem) }
                let hint = known.isEmpty ? "" : " Identifiants proches : " + known.prefix(8).joined(separator: ", ") + "."
                throw Refusal("aucun élément d'eId « \(eid) » dans \(label).\(hint) Utilisez --ids pour voir les identifiants.")
            }
        }
    }
}
