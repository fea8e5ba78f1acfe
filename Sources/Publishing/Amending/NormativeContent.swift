import Foundation
import LegalText

/// What an amending order changes in a text, and all of it: the title, the articles and the annexes
/// (number, title, clauses), with their numbers, headings and wording. Left out: identifiers (eIds,
/// wIds, which a consolidation computes), metadata (identification, dates, notes), the preamble and
/// the signature block, and editorial notes of a transcription (`note-editoriale` blocks, and clauses
/// holding nothing else). The visas are left out because a text's visas are never amended and have no
/// legal force of their own (Guide de légistique, 3.1.5): new references go into the amending order's
/// own visas. Two versions with equal normative content say the same law.
public struct NormativeContent: Sendable, Hashable, Codable {
    public struct AnnexContent: Sendable, Hashable, Codable {
        /// The number and title as read ("Annexe II"), without their `docNumber`/`docTitle` markup.
        public var number: [String]
        public var title: [String]
        public var clauses: [Clause]
    }

    public var title: [Block]
    public var body: [Clause]
    public var annexes: [AnnexContent]

    public init(_ document: LegalDocument) {
        var title: [Block] = []
        for item in document.preface { if case .longTitle(let blocks) = item { title += blocks } }
        self.title = Self.blocks(title)
        body = document.body.compactMap(Self.clause)
        annexes = document.annexes.map { annex in
            AnnexContent(number: Self.blocks(annex.preface.filter { $0.className == "num" }).map(\.plainText),
                         title: Self.blocks(annex.preface.filter { $0.className == "title" }).map(\.plainText),
                         clauses: annex.clauses.compactMap(Self.clause))
        }
    }

    /// Blocks without editorial notes, their inline runs merged.
    static func blocks(_ blocks: [Block]) -> [Block] {
        blocks.filter { !$0.isEditorialNote }.map { Block(InlineAtoms.normalized($0.inlines), attributes: $0.attributes) }
    }

    /// The clause without identifiers nor editorial notes; nil when nothing else is left.
    public static func clause(_ clause: Clause) -> Clause? {
        var copy = clause
        copy.eId = ""
        copy.wId = ""
        copy.intro = blocks(clause.intro)
        copy.content = blocks(clause.content)
        copy.wrapUp = blocks(clause.wrapUp)
        copy.heading = clause.heading.map(Self.withoutEditorialSpans).flatMap { $0.isEmpty ? nil : InlineAtoms.normalized($0) }
        copy.children = clause.children.compactMap(Self.clause)
        if copy.intro.isEmpty, copy.content.isEmpty, copy.wrapUp.isEmpty, copy.children.isEmpty, copy.num == nil, copy.heading == nil {
            return nil
        }
        return copy
    }

    /// Inline runs without the editorial spans of a transcription (`<span class="note-editoriale">`), as in a
    /// heading the transcription supplies between brackets: not part of the text, so never amended.
    static func withoutEditorialSpans(_ inlines: [Inline]) -> [Inline] {
        inlines.compactMap { inline in
            guard case .element(let name, let attributes, let children) = inline else { return inline }
            if attributes["class"] == Block.editorialNoteClass { return nil }
            return .element(name: name, attributes: attributes, children: withoutEditorialSpans(children))
        }
    }

    /// The clause as an amending order quotes it: editorial notes removed, identifiers kept.
    static func quotable(_ clause: Clause) -> Clause? {
        var copy = clause
        copy.intro = clause.intro.filter { !$0.isEditorialNote }
        copy.content = clause.content.filter { !$0.isEditorialNote }
        copy.wrapUp = clause.wrapUp.filter { !$0.isEditorialNote }
        copy.children = clause.children.compactMap(quotable)
        if copy.intro.isEmpty, copy.content.isEmpty, copy.wrapUp.isEmpty, copy.children.isEmpty, copy.num == nil, copy.heading == nil {
            return nil
        }
        return copy
    }

    /// Whether the clause holds editorial notes only (nothing an order would amend).
    static func isEditorialOnly(_ clause: Clause) -> Bool { Self.clause(clause) == nil }

    /// A stable text of the content, for comparing with `==` across processes.
    public var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    // MARK: Where two versions differ

    /// The places where `self` and `other` differ, named as a drafter names them ("Intitulé",
    /// "Article 2, alinéa 1", "Annexe I, section A"), outermost place that tells the difference.
    public func differences(from other: NormativeContent) -> [String] {
        var places: [String] = []
        if title != other.title { places.append("Intitulé de l'arrêté") }
        places += Self.differences(body, other.body, prefix: nil, root: "Dispositif")
        for index in 0..<max(annexes.count, other.annexes.count) {
            let a = index < annexes.count ? annexes[index] : nil, b = index < other.annexes.count ? other.annexes[index] : nil
            let name = (a ?? b).map { $0.number.joined(separator: " ") } ?? ""
            let label = name.isEmpty ? "Annexe \(index + 1)" : name
            guard let a, let b else { places.append(label); continue }
            if a.number != b.number { places.append(label + ", numéro") }
            if a.title != b.title { places.append(label + ", intitulé") }
            places += Self.differences(a.clauses, b.clauses, prefix: label, root: label)
        }
        return places
    }

    static func label(_ clause: Clause, among siblings: [Clause], at index: Int) -> String {
        switch clause.kind {
        case .article: return clause.num ?? "article \(index + 1)"
        case .paragraph: return "alinéa \(siblings[...index].filter { $0.kind == .paragraph }.count)"
        case .citation: return "visa \(index + 1)"
        case .point: return clause.num ?? "point \(index + 1)"
        case .list: return "énumération"
        default:
            let noun = Designation.noun(clause.kind).word
            if let num = clause.num, let component = ClauseNumbering.component(of: num, kind: clause.kind) { return "\(noun) \(component)" }
            return "\(noun) \(index + 1)"
        }
    }

    static func differences(_ a: [Clause], _ b: [Clause], prefix: String?, root: String) -> [String] {
        guard a != b else { return [] }
        func join(_ label: String) -> String { prefix.map { $0 + ", " + label } ?? FrenchWords.capitalized(label) }
        guard a.count == b.count else {
            // Clauses added or removed: name those beyond the common start and end.
            var start = 0
            while start < min(a.count, b.count), a[start] == b[start] { start += 1 }
            var end = 0
            while end < min(a.count, b.count) - start, a[a.count - 1 - end] == b[b.count - 1 - end] { end += 1 }
            let longer = a.count > b.count ? a : b
            let names = (start..<(longer.count - end)).map { join(label(longer[$0], among: longer, at: $0)) }
            return names.isEmpty ? [prefix ?? root] : names
        }
        var places: [String] = []
        for index in a.indices where a[index] != b[index] {
            let x = a[index], y = b[index]
            let here = join(label(x, among: a, at: index))
            let sameShell = x.kind == y.kind && x.num == y.num && x.heading == y.heading && x.intro == y.intro
                && x.content == y.content && x.wrapUp == y.wrapUp && x.attributes == y.attributes
            if sameShell, !x.children.isEmpty || !y.children.isEmpty {
                let inner = differences(x.children, y.children, prefix: x.kind == .list ? (prefix ?? here) : here, root: here)
                places += inner.isEmpty ? [here] : inner
            } else {
                places.append(here)
            }
        }
        return places
    }
}
