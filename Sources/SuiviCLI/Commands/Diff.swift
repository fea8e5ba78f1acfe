import ArgumentParser
import ClauseDiff
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi diff A B`: what changed between two versions, clause by clause.
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare deux versions d'un texte, élément par élément.",
            discussion: """
            Chaque version est un fichier XML, ou, dans le registre (--registre), une étiquette \
            (v2017-01-05), un projet (draft/2026-projet), un commit, ou une date AAAA-MM-JJ (le texte \
            en vigueur ce jour-là). Entre deux versions du registre, seuls les fichiers que git \
            signale comme modifiés sont relus.

            Les éléments sont appariés par wId (identifiant stable), puis par eId, puis par similarité \
            du texte (≥ 0,6), de sorte qu'un article inséré au milieu donne une insertion et des \
            renumérotations, pas des modifications en cascade. Classes : inséré, supprimé, modifié, \
            renuméroté, déplacé, renuméroté et modifié, déplacé et modifié, inchangé.
              suivi diff corpus/2017-01-05/AFSP1638149A.xml corpus/2026-projet/AFSP1638149A.xml
              suivi diff v2017-01-05 draft/2026-projet --registre registre --stat
              suivi diff 2020-01-01 draft/2026-projet --registre registre --eid annex_2
              suivi diff A.xml B.xml --eid annex_2 --format html > comparaison.html
              suivi diff A.xml B.xml --stat
            """
        )

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case text = "texte", markdown, html, json
            init?(argument: String) { self.init(rawValue: formatName(argument)) }
        }

        /// `--couleur` / `--sans-couleur`.
        enum Colour: EnumerableFlag {
            case couleur, sansCouleur

            static func name(for value: Self) -> NameSpecification {
                value == .couleur ? .customLong("couleur") : .customLong("sans-couleur")
            }

            static func help(for value: Self) -> ArgumentHelp? {
                value == .couleur ? "Couleurs dans le terminal (par défaut : si la sortie est un terminal)." : "Sans couleurs."
            }
        }

        @Argument(help: ArgumentHelp("Version de départ : fichier XML, ou version du registre (étiquette, projet, commit, date).", valueName: "ancienne"))
        var old: String

        @Argument(help: ArgumentHelp("Version d'arrivée : fichier XML, ou version du registre.", valueName: "nouvelle"))
        var new: String

        @OptionGroup var register: RegisterOptions

        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?

        @Option(help: "Format de sortie.")
        var format: Format = .text

        @Flag(name: .customLong("seulement-changes"), help: "N'affiche que les éléments changés (le texte et le HTML le font toujours).")
        var onlyChanged = false

        @Option(help: "Restreint la comparaison à une partie, par préfixe d'eId (par exemple annex_2 ou art_3).")
        var eid: String?

        @Flag(help: "Résumé sur un écran : nombre de changements par classe et par article ou annexe.")
        var stat = false

        @Flag var colour: Colour?

        func run() async throws {
            var diff: DocumentDiff
            let isFile = { (path: String) in FileManager.default.fileExists(atPath: path) && !path.hasSuffix("/") }
            if isFile(old) && isFile(new) {
                let (oldDocument, newDocument) = try await readBoth(old, new)
                diff = ClauseDiffer().compare(oldDocument, newDocument, oldLabel: old, newLabel: new)
            } else {
                let registry = try register.openForReading()
                let oldVersion = isFile(old) ? nil : try await resolve(old, in: registry)
                let newVersion = isFile(new) ? nil : try await resolve(new, in: registry)
                let work = self.work
                if let oldVersion, let newVersion {
                    let (oldLabel, newLabel) = (old, new)
                    let result = try await registerCall { () async throws(RegisterError) in
                        try await RegisterComparison().compare(in: registry, from: oldVersion, to: newVersion, work: work,
                                                               oldLabel: oldLabel, newLabel: newLabel)
                    }
                    diff = result.diff
                    if format == .text { printError("(\(result.unchangedParts) partie(s) inchangée(s) : non relues, leurs éléments comptés inchangés.)") }
                } else {
                    let oldDocument = try await oldVersion.asyncMap { id in try await document(id, registry, work) } ?? read(old)
                    let newDocument = try await newVersion.asyncMap { id in try await document(id, registry, work) } ?? read(new)
                    diff = ClauseDiffer().compare(oldDocument, newDocument, oldLabel: old, newLabel: new)
                }
            }
            if let eid { diff = diff.restricted(toEIdPrefix: eid) }
            if onlyChanged { diff = diff.onlyChanged }
            let useColour = colour.usesColour
            switch (format, stat) {
            case (.json, _): print(try JSONDiffDocument(diff).encoded())
            case (_, true): print(TerminalDiffRenderer(colour: useColour).renderStat(diff), terminator: "")
            case (.text, false): print(TerminalDiffRenderer(colour: useColour).render(diff), terminator: "")
            case (.markdown, false): print(MarkdownDiffRenderer().render(diff), terminator: "")
            case (.html, false): print(HTMLDiffRenderer().render(diff), terminator: "")
            }
        }

        /// A version of the register, named the one way (``VersionOption``).
        private func resolve(_ revision: String, in registry: TextRegister) async throws -> ObjectID {
            try await resolveVersion(revision, in: registry, work: work)
        }

        private func document(_ commit: ObjectID, _ registry: TextRegister, _ work: String?) async throws -> LegalDocument {
            try await registerCall { () async throws(RegisterError) in try await registry.document(at: commit, work: work) }
        }

        /// Reads two files at once, one per core (parsing is most of a two-file diff); on failure the
        /// first file's error is reported, as when they are read one after the other.
        private func readBoth(_ oldPath: String, _ newPath: String) async throws -> (LegalDocument, LegalDocument) {
            async let oldResult = Self.load(oldPath)
            async let newResult = Self.load(newPath)
            let (oldRead, newRead) = await (oldResult, newResult)
            return (try oldRead.get(), try newRead.get())
        }

        private static func load(_ path: String) -> Result<LegalDocument, LegalTextError> {
            do {
                return .success(try LegalTextReader.readInItsProfile(contentsOf: path).document)
            } catch {
                return .failure(error)
            }
        }

        private func read(_ path: String) throws -> LegalDocument {
            try LegalTextReader.readInItsProfile(contentsOf: path).document
        }
    }
}

extension Optional {
    /// `map` with an asynchronous, throwing transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async throws -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
