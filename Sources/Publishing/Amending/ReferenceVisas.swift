import Foundation
import LegalText

/// The amending order's own visas for the legal references the amended version newly cites: a text
/// (a code, a law, a decree, an order) or articles of it that the articles or annexes of B cite through
/// `<ref href="/…">` and that A cites nowhere. A consolidated text's visas are never amended (Guide de
/// légistique, 3.1.5), so the order that brings the references in is the one that visas them.
///
/// One visa per text, its articles after « notamment » (« Vu le code de l'entrée et du séjour des
/// étrangers et du droit d'asile, notamment ses articles L. 425-9 et R. 425-11 ; »), in the customary
/// order: codes, then laws, ordinances, decrees and orders (3.1.5), chronological within a kind;
/// codes, which have no date, in the order B first cites them.
enum ReferenceVisas {
    /// A text cited by a reference: its address without the fragment, and the article (fragment), if any.
    struct Target: Hashable {
        var text: String
        var article: String?

        init?(href: String) {
            // Only references to other legal texts: not to a clause of this text, not to a web page.
            guard href.hasPrefix("/") else { return nil }
            let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            text = String(parts[0])
            article = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
        }
    }

    /// A reference as written in the text: where it points and the words that show it.
    struct Reference {
        var target: Target
        var label: String
    }

    /// The kind of a text, in the order of the visas (3.1.5).
    enum Kind: Int, Comparable {
        case code, law, ordinance, decree, order, other
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// Names of the codes by their identifier in the AKN address (`/akn/fr/act/code/<id>/…`), used when
    /// no visa of either version names the code.
    static let codeNames = [
        "ceseda": "le code de l'entrée et du séjour des étrangers et du droit d'asile",
        "csp": "le code de la santé publique",
        "cp": "le code pénal",
        "css": "le code de la sécurité sociale",
        "casf": "le code de l'action sociale et des familles",
        "ct": "le code du travail",
        "cc": "le code civil",
    ]

    /// The visas for the references of `new` that `old` does not cite, leaving out the texts that the
    /// visas of `new` kept for the order (`ownVisas`) already name.
    static func visas(old: LegalDocument, new: LegalDocument, ownVisas: [Clause]) -> [Clause] {
        let cited = Set(references(in: old.allClauses.flatMap(\.textBlocks)).map(\.target))
        let alreadyVisaed = Set(references(in: ownVisas.flatMap(\.textBlocks)).map(\.target.text))
        let normative = new.body.flatMap(\.textBlocks) + new.annexes.flatMap { $0.clauses.flatMap(\.textBlocks) }
        // New targets per text, in the order B first cites them.
        var texts: [String] = []
        var articles: [String: [Reference]] = [:]
        for reference in references(in: normative.filter { !$0.isEditorialNote })
        where !cited.contains(reference.target) && !alreadyVisaed.contains(reference.target.text) {
            if articles[reference.target.text] == nil { texts.append(reference.target.text); articles[reference.target.text] = [] }
            let known = articles[reference.target.text]?.contains { $0.target == reference.target } ?? false
            if !known { articles[reference.target.text]?.append(reference) }
        }
        let namingVisas = old.citations + new.citations
        let ordered = texts.enumerated().sorted { a, b in
            let ka = (kind(a.element), date(a.element) ?? "", a.offset), kb = (kind(b.element), date(b.element) ?? "", b.offset)
            return ka < kb
        }.map(\.element)
        return ordered.map { text in
            let refs = (articles[text] ?? []).filter { $0.target.article != nil }
                .sorted { naturalKey($0.target.article ?? "").lexicographicallyPrecedes(naturalKey($1.target.article ?? "")) }
            let name = self.name(of: text, visas: namingVisas, citedIn: normative, reference: articles[text]?.first)
            var sentence = "Vu " + name
            if !refs.isEmpty {
                let list = FrenchWords.list(ranges(refs))
                sentence += refs.count == 1 ? ", notamment son article " + list : ", notamment ses articles " + list
            }
            return Clause(kind: .citation, eId: "", content: [Block(text: sentence + " ;")])
        }
    }

    /// Every reference to another text in `blocks`, in reading order.
    static func references(in blocks: [Block]) -> [Reference] {
        var out: [Reference] = []
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                guard case .element(let name, let attributes, let children) = inline else { continue }
                if name == "ref", let href = attributes["href"], let target = Target(href: href) {
                    out.append(Reference(target: target, label: children.plainText.trimmingCharacters(in: .whitespaces)))
                }
                walk(children)
            }
        }
        for block in blocks { walk(block.inlines) }
        return out
    }

    /// The kind of a text from its address: `/akn/fr/act/code/…`, `/eli/loi/…`, `/eli/decret/…`…
    static func kind(_ text: String) -> Kind {
        let parts = text.split(separator: "/").map(String.init)
        if parts.contains("code") { return .code }
        for part in parts {
            switch part {
            case "loi": return .law
            case "ordonnance": return .ordinance
            case "decret": return .decree
            case "arrete": return .order
            default: continue
            }
        }
        return .other
    }

    /// The date of a text whose address carries one (`/eli/arrete/2016/12/27/…` → "2016-12-27").
    static func date(_ text: String) -> String? {
        let parts = text.split(separator: "/").map(String.init)
        guard let year = parts.firstIndex(where: { $0.count == 4 && Int($0) != nil }), year + 2 < parts.count,
              let month = Int(parts[year + 1]), let day = Int(parts[year + 2]) else { return nil }
        return String(format: "%@-%02d-%02d", parts[year], month, day)
    }

    /// How the visa names the text: as a visa of either version names it (« le code de la santé
    /// publique »), else by the code's known name, else by the words of the reference itself.
    static func name(of text: String, visas: [Clause], citedIn blocks: [Block], reference: Reference?) -> String {
        for visa in visas where references(in: visa.textBlocks).contains(where: { $0.target.text == text }) {
            var words = visa.textBlocks.map(\.plainText).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if words.hasPrefix("Vu ") { words.removeFirst(3) }
            if let cut = words.range(of: ", notamment") ?? words.range(of: ",") ?? words.range(of: " ;") {
                words = String(words[..<cut.lowerBound])
            }
            words = words.trimmingCharacters(in: CharacterSet(charactersIn: " ;,."))
            if !words.isEmpty { return words }
        }
        let parts = text.split(separator: "/").map(String.init)
        if let index = parts.firstIndex(of: "code"), index + 1 < parts.count, let name = codeNames[parts[index + 1]] { return name }
        let label = reference?.label ?? text
        switch kind(text) {
        case .law: return "la " + label
        case .decree: return "le " + label
        case .ordinance, .order: return "l'" + label
        case .code, .other: return label
        }
    }

    /// The articles as written, runs of three or more consecutive articles written as a range
    /// (« R. 425-11 à R. 425-13 »).
    static func ranges(_ refs: [Reference]) -> [String] {
        var out: [String] = []
        var run: [Reference] = []
        func flush() {
            if run.count >= 3, let first = run.first, let last = run.last {
                out.append(first.label + " à " + last.label)
            } else {
                out += run.map(\.label)
            }
            run = []
        }
        for ref in refs {
            if let previous = run.last, !follows(previous.target.article ?? "", ref.target.article ?? "") { flush() }
            run.append(ref)
        }
        flush()
        return out
    }

    /// Whether article `b` comes right after `a` (`art_R425-11`, `art_R425-12`).
    static func follows(_ a: String, _ b: String) -> Bool {
        func split(_ s: String) -> (String, Int)? {
            let digits = s.reversed().prefix { $0.isNumber }
            guard !digits.isEmpty, let n = Int(String(digits.reversed())) else { return nil }
            return (String(s.dropLast(digits.count)), n)
        }
        guard let (pa, na) = split(a), let (pb, nb) = split(b) else { return false }
        return pa == pb && nb == na + 1
    }

    /// A sort key reading numbers as numbers (`R425-9` before `R425-11`).
    static func naturalKey(_ s: String) -> [String] {
        var key: [String] = []
        var current = ""
        var inNumber = false
        for character in s {
            if character.isNumber != inNumber, !current.isEmpty {
                key.append(inNumber ? String(repeating: "0", count: max(0, 12 - current.count)) + current : current)
                current = ""
            }
            inNumber = character.isNumber
            current.append(character)
        }
        if !current.isEmpty { key.append(inNumber ? String(repeating: "0", count: max(0, 12 - current.count)) + current : current) }
        return key
    }
}
