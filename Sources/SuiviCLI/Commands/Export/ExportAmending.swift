import ArgumentParser
import Foundation
import LegalText
import Publishing
import Register

extension Suivi {
    struct ExportAmending: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "modificatif",
            abstract: "Arrêté modificatif : les articles qui font passer de la version A à la version B (formules du Guide de légistique).",
            discussion: """
            Le projet est vérifié en le relisant et en l'appliquant à A : le résultat doit avoir exactement le contenu \
            normatif de B (intitulé, visas, articles, annexes ; ni identifiants internes, ni métadonnées, ni notes \
            éditoriales). Si une modification ne peut pas s'écrire avec les formules du Guide de légistique, la \
            commande échoue (code 1) en listant chaque élément et la raison ; --partiel écrit quand même le projet, \
            incomplet, et garde la liste en avertissement. L'ODT (--format odt --sortie arrete.odt) s'ouvre dans \
            LibreOffice, qui le convertit en DOCX : soffice --headless --convert-to docx arrete.odt
            """)

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case text = "texte", md = "markdown", html, odt, akn, json
            init?(argument: String) { self.init(rawValue: formatName(argument)) }
        }

        @Argument(help: ArgumentHelp("Version modifiée (en vigueur).", valueName: "ancienne"))
        var old: String
        @Argument(help: ArgumentHelp("Version à obtenir (projet).", valueName: "nouvelle"))
        var new: String
        @Option(help: "Format de la publication.")
        var format: Format = .text
        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?
        @Flag(name: .customLong("partiel"), help: "Écrire le projet même s'il n'exprime pas toutes les modifications (la liste reste en avertissement).")
        var partial = false
        @OptionGroup var register: RegisterOptions
        @OptionGroup var output: OutputFileOptions

        func run() async throws {
            let publisher = Publisher(register: try register.openForReading())
            let (old, new, work) = (self.old, self.new, self.work)
            let order = try await publishingCall { () async throws(PublishingError) in try await publisher.amendingOrder(from: old, to: new, work: work) }
            if let warning = try await publishingCall({ () async throws(PublishingError) in
                try await publisher.baseWarning(old: old, new: new, work: work, amending: true, wording: .cli)
            }) {
                printError("suivi : \(warning)")
            }
            if !order.unexpressed.isEmpty {
                let list = order.unexpressed.map { "  - \($0.place) : \($0.reason)" }.joined(separator: "\n")
                if !partial {
                    throw Refusal("l'arrêté modificatif de \(old) à \(new) n'exprime pas toutes les modifications ; rien n'est écrit.\n"
                               + list + "\nRédigez ces modifications à la main, ou relancez avec --partiel pour obtenir le projet incomplet.")
                }
                printError("suivi : attention, projet partiel : appliqué à \(old), il ne redonne pas \(new) pour :\n" + list)
            }
            switch format {
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
}
