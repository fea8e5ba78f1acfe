import ArgumentParser
import Committee
import Foundation
import Register

extension Suivi {
    /// `suivi draft`: revision drafts on branches `draft/<name>`.
    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "draft",
            abstract: "Projets de révision : branches draft/<nom> et leurs copies de travail.",
            subcommands: [Start.self, Commit.self, Update.self, List.self, Checkout.self]
        )
    }
}

extension Suivi.Draft {
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Ouvre un projet : branche draft/<nom> à partir du texte en vigueur, et copie de travail.",
            discussion: """
            Le texte du projet est daté du jour (#projet) et porte l'URI de version …/<nom>/fr ; la date de \
            signature et de publication ne lui sont données qu'à l'adoption.
              suivi draft start revision-2026
              puis modifiez <registre>/brouillons/revision-2026/<NOR>.xml
            """
        )

        @Argument(help: "Nom du projet (lettres, chiffres, « - », « _ »).")
        var name: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        func run() async throws {
            // Who opens the draft, when known; the first commit only restates the text in force as a draft.
            let identity = try? author.identity()
            let registry = try register.open()
            let name = self.name
            let draft = try await registerCall { () async throws(RegisterError) in
                try await registry.startDraft(name, author: identity)
            }
            print("Projet \(draft.name) ouvert sur la branche draft/\(draft.name) (\(draft.tip.abbreviated)).")
            print("Copie de travail : \(draft.workingCopy) — modifiez-la puis « suivi draft commit \(draft.name) -m … ».")
        }
    }

    struct Commit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "commit",
            abstract: "Vérifie la copie de travail d'un projet et enregistre ses changements sur sa branche.",
            discussion: """
            Les fichiers sont d'abord vérifiés (comme suivi validate) : au moindre problème, rien n'est \
            enregistré. Seuls les éléments changés sont écrits, par-dessus la branche telle qu'elle est : \
            les enregistrements d'autres personnes sur d'autres éléments sont conservés.
              suivi draft commit revision-2026 -m "Article 3 : continuité des soins" --as "Prénom Nom <p.nom@sante.gouv.fr>"
            """
        )

        @Argument(help: "Nom du projet.")
        var name: String

        @Option(name: .shortAndLong, help: "Message décrivant le changement.")
        var message: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        func run() async throws {
            let identity = try author.identity()
            let registry = try register.open()
            let (name, message) = (self.name, self.message)
            let commit = try await registerCall { () async throws(RegisterError) in
                try await registry.commitDraft(name, message: message, author: identity)
            }
            if let commit {
                print("Projet \(name) : enregistré (\(commit.abbreviated)).")
            } else {
                print("Projet \(name) : aucun changement dans la copie de travail.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Liste les projets en cours.",
            discussion: "Un projet que le comité a adopté tel quel n'est plus en cours : --tous le montre aussi.")

        @OptionGroup var register: RegisterOptions

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        @Flag(name: .customLong("tous"), help: "Liste aussi les projets déjà adoptés.")
        var all = false

        func run() async throws {
            let registry = try register.open()
            var drafts = try await registerCall { () async throws(RegisterError) in try await registry.drafts() }
            if !all {
                let versions = try await registerCall { () async throws(RegisterError) in try await registry.versions() }
                // The committee's records only mark adopted drafts: unreadable records never hide a draft.
                let adopted = ((try? await Committee(register: registry).state()) ?? CommitteeState()).adoptedDrafts(among: versions)
                drafts.removeAll { adopted["draft/" + $0.name] != nil }
            }
            switch format {
            case .json: print(try jsonString(drafts))
            case .text:
                if drafts.isEmpty { print("Aucun projet en cours.") }
                for draft in drafts { print("draft/\(draft.name)  \(draft.tip.abbreviated)  \(draft.workingCopy)") }
            }
        }
    }

    struct Checkout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkout",
            abstract: "Recrée la copie de travail d'un projet à partir de sa branche (les modifications non enregistrées sont perdues).")

        @Argument(help: "Nom du projet.")
        var name: String

        @OptionGroup var register: RegisterOptions

        func run() async throws {
            let registry = try register.open()
            let name = self.name
            try await registerCall { () async throws(RegisterError) in
                let draft = try DraftName(name)
                guard let tip = try await registry.tip(of: draft) else { throw RegisterError.notFound(revision: draft.branch) }
                try await registry.writeWorkingCopy(name: name, at: tip)
            }
            print("Copie de travail de \(name) recréée : \(registry.workingCopy(ofDraft: name).path)")
        }
    }
}
