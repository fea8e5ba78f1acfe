import Foundation
import LegalText

/// Reads the formulas of an amending order back into operations: the inverse of ``FormulaWriter``,
/// tolerant of the singular and plural forms and of plain text (roles of quoted lines guessed).
public enum AmendingOrderParser {
    /// The operations of an amending order document, in order.
    public static func operations(in order: LegalDocument) throws(PublishingError) -> [AmendingOperation] {
        let articles = order.body.map { article in
            (label: article.num ?? article.eId, paragraphs: article.children.isEmpty ? [article.content] : article.children.map(\.content))
        }
        return try operations(articles)
    }

    /// The operations of an amending order in plain text: "Article 1er" lines open articles, lines
    /// opening with « are quoted lines of the instruction above, any other line is an instruction.
    public static func operations(inText text: String) throws(PublishingError) -> [AmendingOperation] {
        var articles: [(label: String, paragraphs: [[Block]])] = []
        for rawLine in text.components(separatedBy: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if line.hasPrefix("Article "), line.count < 20 {
                articles.append((line, []))
            } else if line.hasPrefix("«"), var last = articles.popLast(), !last.paragraphs.isEmpty {
                last.paragraphs[last.paragraphs.count - 1].append(Block(text: line))
                articles.append(last)
            } else if var last = articles.popLast() {
                last.paragraphs.append([Block(text: line)])
                articles.append(last)
            }
        }
        return try operations(articles)
    }

    static func operations(_ articles: [(label: String, paragraphs: [[Block]])]) throws(PublishingError) -> [AmendingOperation] {
        var result: [AmendingOperation] = []
        for (label, paragraphs) in articles {
            guard let first = paragraphs.first, let sentence = first.first else { continue }
            let (skeleton, _) = split(sentence.inlines)
            let text = strip(skeleton)
            if text.contains("chargé de l'exécution") { continue }
            if let opener = match(#"^(.+) (?:est|sont) ainsi modifiée?s? :$"#, text), first.count == 1 {
                // « L'arrêté du … susvisé est ainsi modifié : » (items 1°, 2°…, an item naming an article
                // or an annex followed by its own items a), b)…), or « L'article 3 … est ainsi modifié : ».
                let name = removeActReference(opener[0]).trimmingCharacters(in: .whitespaces)
                let context: Designation
                if name.isEmpty {
                    context = Designation([])
                } else if name.hasPrefix("Les visas") {
                    context = Designation([])
                } else if let parsed = Designation.parse(name) {
                    context = parsed
                } else {
                    throw .unrecognisedFormula(article: label, text: text)
                }
                var subContext: Designation?
                for paragraph in paragraphs.dropFirst() {
                    guard let head = paragraph.first else { continue }
                    let sentence = strip(split(head.inlines).skeleton)
                    if let subContext, match(#"^[a-z]+\d*\) "#, sentence) != nil {
                        result.append(try operation(paragraph, context: subContext, article: label))
                        continue
                    }
                    subContext = nil
                    let unnumbered = match(#"^\d+° (.*)$"#, sentence)?[0] ?? sentence
                    if name.isEmpty, paragraph.count == 1, let opening = match(#"^(.+) (?:est|sont) ainsi modifiée?s? :$"#, unnumbered) {
                        if opening[0].hasPrefix("Les visas") {
                            subContext = Designation([])
                        } else if let parsed = Designation.parse(opening[0], context: context) {
                            subContext = parsed
                        } else {
                            throw .unrecognisedFormula(article: label, text: unnumbered)
                        }
                        continue
                    }
                    result.append(try operation(paragraph, context: context, article: label))
                }
            } else {
                for paragraph in paragraphs {
                    result.append(try operation(paragraph, context: nil, article: label))
                }
            }
        }
        return result
    }

    /// One instruction: its sentence block, then its quoted lines.
    public static func operation(_ blocks: [Block], context: Designation?, article: String = "article") throws(PublishingError) -> AmendingOperation {
        guard let sentence = blocks.first else { throw .unrecognisedFormula(article: article, text: "") }
        let (rawSkeleton, quotes) = split(sentence.inlines)
        var skeleton = strip(rawSkeleton)
        if let numbered = match(#"^(?:\d+°|[a-z]+\d*\)) (.*)$"#, skeleton) { skeleton = numbered[0] }
        let failure = PublishingError.unrecognisedFormula(article: article, text: skeleton)
        // A new annex: « L'arrêté du … susvisé est complété par une annexe III ainsi rédigée : », « Il est ajouté une annexe III … ».
        if match(#"^(?:L'arrêté(?: du [^,:«»]+?)? susvisé est complété par|Il est ajouté) une annexe \S+ ainsi rédigée :$"#, skeleton) != nil {
            guard blocks.count > 1 else { throw failure }
            var lines = quotedLines(Array(blocks.dropFirst()))
            func role(_ block: Block) -> String? { block.attributes[QuotedStructure.roleAttribute] }
            guard let first = lines.first, role(first) == QuotedStructure.Role.annexNumber.rawValue
                    || (role(first) == nil && first.plainText.lowercased().hasPrefix("annexe ")) else { throw failure }
            lines.removeFirst()
            var title: [Inline]?
            if let next = lines.first, role(next) == QuotedStructure.Role.annexTitle.rawValue {
                title = next.inlines
                lines.removeFirst()
            }
            guard let clauses = lines.isEmpty ? [] : QuotedStructure.clauses(lines) else { throw failure }
            return .appendAnnex(number: first.inlines, title: title, clauses: clauses)
        }
        // "L'arrêté du … susvisé est complété par …": the body.
        let appendsToAct = skeleton.hasPrefix("L'arrêté ") && skeleton.contains(" susvisé est complété par")
        skeleton = removeActReference(skeleton)
        func designation(_ text: String) throws(PublishingError) -> Designation {
            guard let parsed = Designation.parse(text, context: context) else { throw failure }
            return parsed
        }
        func quoted() throws(PublishingError) -> [Clause] {
            guard blocks.count > 1, let clauses = QuotedStructure.clauses(quotedLines(Array(blocks.dropFirst()))) else { throw failure }
            return clauses
        }
        if appendsToAct {
            return .append(container: Designation(context?.steps ?? []), clauses: try quoted())
        }
        if let m = match(#"^(.+), (?:le mot|les mots) : «» (?:est remplacé|sont remplacés) par (?:le mot|les mots) : «»$"#, skeleton), quotes.count == 2 {
            return .replaceWords(target: try designation(m[0]), old: quotes[0], new: quotes[1])
        }
        if let m = match(#"^(.+), (?:le mot|les mots) : «» (?:est supprimé|sont supprimés)$"#, skeleton), quotes.count == 1 {
            return .deleteWords(target: try designation(m[0]), old: quotes[0])
        }
        if let m = match(#"^(.+), après (?:le mot|les mots) : «», (?:est inséré le mot|sont insérés les mots) : «»$"#, skeleton), quotes.count == 2 {
            return .insertWords(target: try designation(m[0]), after: quotes[0], new: quotes[1])
        }
        if match(#"^L'intitulé est ainsi rédigé : «»$"#, skeleton) != nil, quotes.count == 1 {
            return .replaceTitle(title: quotes[0])
        }
        if let m = match(#"^Les (.+) sont ainsi rédigée?s :$"#, skeleton) {
            guard let found = range(m[0], context: context) else { throw failure }
            return .replaceRange(first: found.0, last: found.1, count: found.2, with: try quoted())
        }
        if let m = match(#"^L'intitulé (.+) est ainsi rédigé : «»$"#, skeleton), quotes.count == 1 {
            return .replaceHeading(target: try designation(m[0]), heading: quotes[0])
        }
        if let m = match(#"^(.+) est remplacée? par les dispositions suivantes :$"#, skeleton) {
            return .replaceClause(target: try designation(m[0]), with: try quoted())
        }
        if let m = match(#"^Après (.+), sont insérées les dispositions suivantes :$"#, skeleton) {
            return .insertAfter(target: try designation(m[0]), clauses: try quoted())
        }
        if let m = match(#"^Avant (.+), sont insérées les dispositions suivantes :$"#, skeleton) {
            return .insertBefore(target: try designation(m[0]), clauses: try quoted())
        }
        if let m = match(#"^(.+) est complétée? par les dispositions suivantes :$"#, skeleton) {
            return .append(container: try designation(m[0]), clauses: try quoted())
        }
        if let m = match(#"^(.+) est (?:abrogée?|supprimée?)$"#, skeleton) {
            return .delete(target: try designation(m[0]))
        }
        if let m = match(#"^(?:Les |L'|Le |La )(.+?) (?:deviennent respectivement|devient) (?:les |l'|le |la )(.+)$"#, skeleton) {
            var left = m[0]
            var containerText = ""
            for connector in [" du ", " de l'", " de la ", " des "] {
                if let range = left.range(of: connector) {
                    containerText = String(left[range.lowerBound...]).trimmingCharacters(in: .whitespaces)
                    left = String(left[..<range.lowerBound])
                    break
                }
            }
            let (kind, from) = items(left)
            let (_, to) = items(m[1])
            guard let kind, !from.isEmpty, from.count == to.count else { throw failure }
            let container = containerText.isEmpty ? Designation(context?.steps ?? []) : try designation(containerText)
            return .renumber(container: container, kind: kind, from: from, to: to)
        }
        throw failure
    }

    /// "deuxième et troisième alinéas de l'article 3", "articles 4 à 6", "2° et 3° du premier alinéa…",
    /// "sections A et B de l'annexe II": the first and last clause of the range, and how many (0: unknown).
    static func range(_ text: String, context: Designation?) -> (Designation, Designation, Int)? {
        var head = text
        var container = Designation(context?.steps ?? [])
        let connectors = [" de l'", " de la ", " du ", " des "].compactMap { text.range(of: $0) }
        if let found = connectors.min(by: { $0.lowerBound < $1.lowerBound }) {
            head = String(text[..<found.lowerBound])
            guard let parsed = Designation.parse(String(text[found.lowerBound...]).trimmingCharacters(in: .whitespaces), context: context) else {
                return nil
            }
            container = parsed
        }
        let kinds: [String: ClauseKind] = ["sections": .section, "sous-sections": .subsection, "chapitres": .chapter, "titres": .title, "parties": .part]
        func steps(_ x: String, _ y: String) -> (Designation.Step, Designation.Step)? {
            if let m = match(#"^(\S+) (?:et|à) (\S+) (alinéas|visas|sections|sous-sections|chapitres|titres|parties)$"#, head) {
                guard let a = FrenchWords.position(ofOrdinal: m[0]), let b = FrenchWords.position(ofOrdinal: m[1]) else { return nil }
                switch m[2] {
                case "alinéas": return (.alinea(a), .alinea(b))
                case "visas": return (.citation(a), .citation(b))
                default:
                    guard let kind = kinds[m[2]] else { return nil }
                    return (.divisionAt(kind, a), .divisionAt(kind, b))
                }
            }
            if let m = match(#"^articles (\S+) (?:et|à) (\S+)$"#, head) { return (.article(m[0]), .article(m[1])) }
            if let m = match(#"^(sections|sous-sections|chapitres|titres|parties) (\S+) (?:et|à) (\S+)$"#, head), let kind = kinds[m[0]] {
                return (.division(kind, m[1]), .division(kind, m[2]))
            }
            if let m = match(#"^(\S+[°)]) (?:et|à) (\S+[°)])$"#, head) { return (.point(m[0]), .point(m[1])) }
            return nil
        }
        guard let pair = steps(head, head) else { return nil }
        let (a, b) = pair
        var count = head.contains(" et ") ? 2 : 0
        if count == 0 {
            switch (a, b) {
            case (.alinea(let x), .alinea(let y)), (.citation(let x), .citation(let y)), (.divisionAt(_, let x), .divisionAt(_, let y)):
                count = y - x + 1
            default: break
            }
        }
        return (Designation(container.steps + [a]), Designation(container.steps + [b]), count)
    }

    /// "articles 5 et 6" → (article, ["5", "6"]); "3° et 4°" → (point, ["3°", "4°"]).
    static func items(_ text: String) -> (ClauseKind?, [String]) {
        var rest = text
        var kind: ClauseKind?
        for (prefix, k) in [("articles ", ClauseKind.article), ("article ", .article), ("sous-sections ", .subsection),
                            ("sous-section ", .subsection), ("sections ", .section), ("section ", .section)] where rest.hasPrefix(prefix) {
            rest = String(rest.dropFirst(prefix.count))
            kind = k
            break
        }
        let values = rest.replacingOccurrences(of: " et ", with: ", ").components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }
        if kind == nil, values.allSatisfy({ $0.hasSuffix("°") || $0.hasSuffix(")") }) { kind = .point }
        return (kind, values.filter { !$0.isEmpty })
    }

    /// Removes "de l'arrêté du … susvisé" (the amended act) from a sentence.
    static func removeActReference(_ text: String) -> String {
        var result = text
        while let range = result.range(of: #" (?:de|à) l'arrêté(?: du [^,:«»]+?)? susvisé"#, options: .regularExpression) {
            result.removeSubrange(range)
        }
        if let range = result.range(of: #"^L'arrêté(?: du [^,:«»]+?)? susvisé"#, options: .regularExpression) {
            result.removeSubrange(range)
        }
        return result
    }

    /// A sentence without its final punctuation (" ;", ";", ".").
    static func strip(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespaces)
        for end in [" ;", ";", "."] where result.hasSuffix(end) {
            result = String(result.dropLast(end.count))
            break
        }
        return result
    }

    /// The quoted lines without their guillemets: each opens with « , the last closes with » (then ; or .).
    static func quotedLines(_ blocks: [Block]) -> [Block] {
        blocks.enumerated().map { index, block in
            var atoms = InlineAtoms.atoms(block.inlines)
            if atoms.first == .character("«") { atoms.removeFirst() }
            if atoms.first?.isSpace == true { atoms.removeFirst() }
            if index == blocks.count - 1 {
                while let last = atoms.last, last == .character(";") || last == .character(".") || last.isSpace { atoms.removeLast() }
                if atoms.last == .character("»") { atoms.removeLast() }
                if atoms.last?.isSpace == true { atoms.removeLast() }
            }
            return Block(InlineAtoms.inlines(atoms), attributes: block.attributes)
        }
    }

    /// The sentence with each quotation replaced by «», and the quotations (nested guillemets kept).
    static func split(_ inlines: [Inline]) -> (skeleton: String, quotes: [[Inline]]) {
        let atoms = InlineAtoms.atoms(inlines)
        var skeleton = ""
        var quotes: [[Inline]] = []
        var current: [Atom] = []
        var depth = 0
        var index = 0
        while index < atoms.count {
            let atom = atoms[index]
            if depth == 0 {
                if atom == .character("«") {
                    depth = 1
                    current = []
                    if index + 1 < atoms.count, atoms[index + 1].isSpace { index += 1 }
                } else {
                    switch atom {
                    case .character(let c): skeleton.append(c)
                    case .element(let inline): skeleton += inline.plainText
                    }
                }
            } else {
                if atom == .character("«") { depth += 1 }
                if atom == .character("»") {
                    depth -= 1
                    if depth == 0 {
                        if current.last?.isSpace == true { current.removeLast() }
                        quotes.append(InlineAtoms.inlines(current))
                        skeleton += "«»"
                        index += 1
                        continue
                    }
                }
                current.append(atom)
            }
            index += 1
        }
        return (skeleton, quotes)
    }

    static func match(_ pattern: String, _ text: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<result.numberOfRanges).map { index in
            Range(result.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }
}
