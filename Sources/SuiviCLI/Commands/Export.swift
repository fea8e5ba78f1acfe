import ArgumentParser
import Foundation
import LegalText
import Publishing
import Register

extension Suivi {
    /// `suivi export`: publications built from the register.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Publications : texte consolidé, tableau comparatif, arrêté modificatif, bulletin, flux Atom.",
            discussion: """
            Chaque publication s'écrit sur la sortie standard, ou dans un fichier avec --output (écriture \
            atomique ; un dossier est refusé). L'ODT exige --output.
              suivi export consolidated --at draft/2026-projet --to html --output consolide.html --repo registre
              suivi export comparison v2017-01-05 draft/2026-projet --to odt --output tableau.odt --repo registre
              suivi export amending v2017-01-05 draft/2026-projet --repo registre
              suivi export bulletin --review periodique-2020 --to md --repo registre
              suivi export feed --base-url https://exemple.gouv.fr/suivi --repo registre
            """,
            subcommands: [ExportConsolidated.self, ExportComparison.self, ExportAmending.self, ExportBulletin.self, ExportFeed.self,
                          ExportAkn.self]
        )
    }
}

/// Where an export goes: `--output <file>` or standard output.
struct ExportOutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Fichier à écrire (remplacé atomiquement). Par défaut : la sortie standard.")
    var output: String?

    /// Writes the export; refuses a folder; binary formats need a file.
    func write(_ data: Data, binary: Bool = false) throws {
        guard let output else {
            if binary { throw ValidationError("ce format est binaire : indiquez --output <fichier>.") }
            FileHandle.standardOutput.write(data)
            return
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            printError("suivi : « \(output) » est un dossier ; indiquez un nom de fichier.")
            throw ExitCode.failure
        }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            printError("suivi : écriture de « \(output) » impossible : \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }

    func write(_ text: String) throws { try write(Data(text.utf8)) }
}

/// `--format json`, the form every command accepts, as another way to say `--to json`.
struct JSONFormatOption: ParsableArguments {
    @Option(help: "« json » : même effet que --to json.")
    var format: String?

    var isJSON: Bool { format == "json" }

    func validate() throws {
        if let format, format != "json" { throw ValidationError("--format n'accepte que « json » ici ; les autres formats se choisissent avec --to.") }
    }
}

/// Runs a publishing call, printing its error in French and exiting 1 on failure.
func publishingCall<T>(_ body: () async throws(PublishingError) -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        printError("suivi : \(cliMessage(error))")
        throw ExitCode.failure
    }
}

extension Suivi {
    struct ExportConsolidated: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consolidated",
            abstract: "Texte consolidé : le texte entier tel qu'il se lirait après adoption, annexes comprises.",
            discussion: "En-tête : révision, commit du projet et statut (projet, soumis à consultation, adopté).")

        enum Format: String, CaseIterable, ExpressibleByArgument { case html, md, odt, akn, json }

        @Option(help: "Version : projet (draft/<nom> ou <nom>), étiquette, commit, ou date AAAA-MM-JJ (texte en vigueur).")
        var at: String
        @Option(name: .customLong("to"), help: "Format.")
        var to: Format = .html
        @OptionGroup var json: JSONFormatOption
        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?
        @OptionGroup var register: RegisterOptions
        @OptionGroup var output: ExportOutputOptions

        func run() async throws {
            let publisher = Publisher(register: try register.open())
            let (at, work) = (self.at, self.work)
            let draft = try await publishingCall { () async throws(PublishingError) in try await publisher.consolidated(at: at, work: work) }
            switch json.isJSON ? .json : to {
            case .html: try output.write(ConsolidatedRenderer.html(draft))
            case .md: try output.write(ConsolidatedRenderer.markdown(draft))
            case .akn: try output.write(ConsolidatedRenderer.akomaNtoso(draft))
            case .json: try output.write(try ConsolidatedRenderer.json(draft))
            case .odt:
                let data = try await publishingCall { () async throws(PublishingError) in try ConsolidatedRenderer.odt(draft) }
                try output.write(data, binary: true)
            }
        }
    }

    struct ExportComparison: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "comparison",
            abstract: "Tableau comparatif : texte en vigueur et texte proposé, élément par élément, changements marqués.")

        enum Format: String, CaseIterable, ExpressibleByArgument { case html, odt, json }

        @Argument(help: "Version en vigueur (étiquette, projet, commit, date).")
        var old: String
        @Argument(help: "Version proposée.")
        var new: String
        @Option(name: .customLong("to"), help: "Format.")
        var to: Format = .html
        @OptionGroup var json: JSONFormatOption
        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?
        @OptionGroup var register: RegisterOptions
        @OptionGroup var output: ExportOutputOptions

        func run() async throws {
            let publisher = Publisher(register: try register.open())
            let (old, new, work) = (self.old, self.new, self.work)
            let table = try await publishingCall { () async throws(PublishingError) in try await publisher.comparison(from: old, to: new, work: work) }
            if let warning = try await publishingCall({ () async throws(PublishingError) in
                try await publisher.baseWarning(old: old, new: new, work: work)
            }) {
                printError("suivi : \(warning)")
            }
            switch json.isJSON ? .json : to {
            case .html: try output.write(ComparisonRenderer.html(table))
            case .json: try output.write(try ComparisonRenderer.json(table))
            case .odt:
                let data = try await publishingCall { () async throws(PublishingError) in try ComparisonRenderer.odt(table) }
                try output.write(data, binary: true)
            }
        }
    }

    struct ExportAmending: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "amending",
            abstract: "Arrêté modificatif : les articles qui font passer de la version A à la version B (formules du Guide de légistique).",
            discussion: """
            Le projet est vérifié en le relisant et en l'appliquant à A : le résultat doit avoir exactement le contenu \
            normatif de B (intitulé, visas, articles, annexes ; ni identifiants internes, ni métadonnées, ni notes \
            éditoriales). Si une modification ne peut pas s'écrire avec les formules du Guide de légistique, la \
            commande échoue (code 1) en listant chaque élément et la raison ; --partiel écrit quand même le projet, \
            incomplet, et garde la liste en avertissement. L'ODT (--to odt --output arrete.odt) s'ouvre dans \
            LibreOffice, qui le convertit en DOCX : soffice --headless --convert-to docx arrete.odt
            """)

        enum Format: String, CaseIterable, ExpressibleByArgument { case text, md, html, odt, akn, json }

        @Argument(help: "Version modifiée (en vigueur).")
        var old: String
        @Argument(help: "Version à obtenir (projet).")
        var new: String
        @Option(name: .customLong("to"), help: "Format.")
        var to: Format = .text
        @OptionGroup var json: JSONFormatOption
        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?
        @Flag(name: .customLong("partiel"), help: "Écrire le projet même s'il n'exprime pas toutes les modifications (la liste reste en avertissement).")
        var partial = false
        @OptionGroup var register: RegisterOptions
        @OptionGroup var output: ExportOutputOptions

        func run() async throws {
            let publisher = Publisher(register: try register.open())
            let (old, new, work) = (self.old, self.new, self.work)
            let order = try await publishingCall { () async throws(PublishingError) in try await publisher.amendingOrder(from: old, to: new, work: work) }
            if let warning = try await publishingCall({ () async throws(PublishingError) in
                try await publisher.baseWarning(old: old, new: new, work: work, amending: true)
            }) {
                printError("suivi : \(warning)")
            }
            if !order.unexpressed.isEmpty {
                let list = order.unexpressed.map { "  - \($0.place) : \($0.reason)" }.joined(separator: "\n")
                if !partial {
                    printError("suivi : l'arrêté modificatif de \(old) à \(new) n'exprime pas toutes les modifications ; rien n'est écrit.\n"
                               + list + "\nRédigez ces modifications à la main, ou relancez avec --partiel pour obtenir le projet incomplet.")
                    throw ExitCode.failure
                }
                printError("suivi : attention, projet partiel : appliqué à \(old), il ne redonne pas \(new) pour :\n" + list)
            }
            switch json.isJSON ? .json : to {
            case .text: try output.write(PlainTextRenderer().render(order.document))
            case .md: try output.write(MarkdownFlowRenderer.render(DocumentFlow.paragraphs(order.document)))
            case .html:
                try output.write(HTMLFlowRenderer.page(title: order.document.title ?? "Arrêté modificatif",
                                                       body: HTMLFlowRenderer.render(DocumentFlow.paragraphs(order.document))))
            case .akn: try output.write(CanonicalWriter.string(order.document))
            case .odt:
                let data = try await publishingCall { () async throws(PublishingError) in try order.odt() }
                try output.write(data, binary: true)
            case .json:
                try output.write(try AmendingOrderJSON(order, old: old, new: new).encoded())
            }
        }
    }

    struct ExportBulletin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bulletin",
            abstract: "Bulletin pour les médecins de l'OFII : ce qui change et pourquoi, par thème (pathologies d'abord).")

        enum Format: String, CaseIterable, ExpressibleByArgument { case html, md, json }

        @Option(help: "Révision du comité.")
        var review: String
        @Option(name: .customLong("to"), help: "Format.")
        var to: Format = .html
        @OptionGroup var json: JSONFormatOption
        @Option(help: "Adresse du texte consolidé, pour les liens vers chaque élément (#eId).")
        var lienTexte: String = ""
        @OptionGroup var register: RegisterOptions
        @OptionGroup var output: ExportOutputOptions

        func run() async throws {
            let publisher = Publisher(register: try register.open())
            let review = self.review
            let bulletin = try await publishingCall { () async throws(PublishingError) in try await publisher.bulletin(review: review) }
            switch json.isJSON ? .json : to {
            case .html: try output.write(BulletinRenderer.html(bulletin, textURL: lienTexte))
            case .md: try output.write(BulletinRenderer.markdown(bulletin, textURL: lienTexte))
            case .json: try output.write(try BulletinRenderer.json(bulletin))
            }
        }
    }

    struct ExportFeed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feed",
            abstract: "Flux Atom 1.0 des versions adoptées (étiquettes).")

        @Option(help: "Adresse de base des liens des entrées.")
        var baseUrl: String = "https://suivi.invalid"
        @OptionGroup var register: RegisterOptions
        @OptionGroup var output: ExportOutputOptions

        func run() async throws {
            let publisher = Publisher(register: try register.open())
            let base = baseUrl
            let feed = try await publishingCall { () async throws(PublishingError) in try await publisher.feed(baseURL: base) }
            try output.write(feed.xml)
        }
    }
}
