import ArgumentParser
import LegalText
import Register

extension Suivi {
    /// `suivi show`: a text, or one clause, as readable plain text — from a file or from the register.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Affiche un texte, ou un seul de ses éléments, en texte lisible.",
            discussion: """
            Depuis un fichier, ou depuis le registre : à une version (--at) ou tel qu'en vigueur à une \
            date (--in-force, d'après les dates d'entrée en vigueur).
              suivi show corpus/2017-01-05/AFSP1638149A.xml --eid art_3__para_2
              suivi show --at v2017-01-05 --eid annex_2 --ids
              suivi show --at draft/2026-projet --eid art_6-1
              suivi show --in-force 2020-06-01
            """
        )

        @Argument(help: "Fichier XML du texte (sans --at ni --in-force).")
        var file: String?

        @Option(help: "Version du registre : étiquette (v2017-01-05), projet (draft/2026-projet) ou commit.")
        var at: String?

        @Option(name: .customLong("in-force"), help: "Date (AAAA-MM-JJ) : le texte tel qu'en vigueur ce jour-là.")
        var inForce: String?

        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?

        @Option(help: "Identifiant (eId) de l'élément à afficher, par exemple art_3 ou annex_2__sec_C.")
        var eid: String?

        @Flag(help: "Affiche l'eId de chaque élément dans la marge.")
        var ids = false

        @OptionGroup var register: RegisterOptions

        func validate() throws {
            let sources = [file != nil, at != nil, inForce != nil].filter { $0 }.count
            guard sources == 1 else {
                throw ValidationError("indiquez soit un fichier, soit --at <version>, soit --in-force <date>.")
            }
            if let inForce, LegalDate(iso: inForce) == nil {
                throw ValidationError("--in-force « \(inForce) » : date attendue au format AAAA-MM-JJ.")
            }
        }

        func run() async throws {
            let document: LegalDocument
            let label: String
            if let file {
                do {
                    document = try LegalTextReader.readInItsProfile(contentsOf: file).document
                } catch {
                    printError("suivi : \(error.description)")
                    throw ExitCode.failure
                }
                label = file
            } else {
                let registry = try register.open()
                let work = self.work
                if let at {
                    document = try await registerCall { () async throws(RegisterError) in
                        try await registry.document(at: at, work: work)
                    }
                    label = at
                } else {
                    guard let date = LegalDate(iso: inForce ?? "") else {
                        throw ValidationError("--in-force : date attendue au format AAAA-MM-JJ.")
                    }
                    let version = try await registerCall { () async throws(RegisterError) in
                        try await registry.versionInForce(on: date, work: work)
                    }
                    document = try await registerCall { () async throws(RegisterError) in
                        try await registry.document(at: version.commit, work: work)
                    }
                    label = version.name
                    printError("Version en vigueur le \(date.french) : \(version.name).")
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
                printError("suivi : aucun élément d'eId « \(eid) » dans \(label).\(hint) Utilisez --ids pour voir les identifiants.")
                throw ExitCode.failure
            }
        }
    }
}
