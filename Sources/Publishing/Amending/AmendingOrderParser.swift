import Foundation
import LegalText

/// Reads the formulas of an amending order back into operations: the inverse of ``FormulaWriter``,
/// tolerant of the singular and plural forms and of plain text (roles of quoted lines guessed).
public enum AmendingOrderParser {
    /// One paragraph of an order: its blocks (the sentence, then its quoted lines) and where its sentence
    /// was written (line and column from 1; 0 when read from an XML document).
    struct Paragraph {
        var blocks: [Block]
        var line = 0
        var column = 0
        var source = ""
    }

    /// The operations of an amending order document, in order.
    public static func operations(in order: LegalDocument) throws(PublishingError) -> [AmendingOperation] {
        try instructions(in: order).map(\.operation)
    }

    /// The instructions of an amending order document, in order (no line numbers: it is XML).
    public static func instructions(in order: LegalDocument) throws(PublishingError) -> [AmendingInstruction] {
        let articles = order.body.map { article in
            (label: article.num ?? article.eId,
             paragraphs: (article.children.isEmpty ? [article.content] : article.children.map(\.content)).map { Paragraph(blocks: $0) })
        }
        return try instructions(articles)
    }

    /// The operations of an amending order in plain text (see ``instructions(inText:)``).
    public static func operations(inText text: String) throws(PublishingError) -> [AmendingOperation] {
        try instructions(inText: text).map(\.operation)
    }

    /// The instructions of an amending order in plain text: "Article 1er" lines open articles (what comes before
    /// the first one is the order's title, visas and « Arrête : »), lines opening with « are quoted lines of the
    /// instruction above, any other line is an instruction. A text without any "Article" line is one article.
    /// An instruction whose quotation opens on its own line (« … ainsi rédigé : « Texte. ») is split there.
    public static func instructions(inText text: String) throws(PublishingError) -> [AmendingInstruction] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        let hasArticles = lines.contains { isArticleHeader($0.trimmingCharacters(in: .whitespaces)) }
        var articles: [(label: String, paragraphs: [Paragraph])] = hasArticles ? [] : [("Article 1er", [])]
        for (index, rawLine) in lines.enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let column = rawLine.distance(from: rawLine.startIndex, to: rawLine.firstIndex { $0 != " " && $0 != "\t" } ?? rawLine.startIndex) + 1
            if isArticleHeader(line) {
                articles.append((line, []))
            } else if articles.isEmpty {
                // The order's title, visas and « Arrête : »; a formula here would be dropped in silence.
                if !line.hasPrefix("«"), (try? operations([Block(text: line)], context: nil)) != nil {
                    throw .orderProblem(OrderProblem(line: index + 1, column: column, expected: "une modification dans un article (« Article 1er »)",
                                                     found: "« \(line) » avant le premier article ; placez-la après « Article 1er »"))
                }
            } else if line.hasPrefix("«"), var last = articles.popLast(), !last.paragraphs.isEmpty {
                last.paragraphs[last.paragraphs.count - 1].blocks.append(Block(text: line))
                articles.append(last)
            } else if var last = articles.popLast() {
                var blocks = [Block(text: line)]
                if let open = unclosedQuotation(line) {
                    // « Le deuxième alinéa est ainsi rédigé : « Texte ; » then « … » lines: the quotation starts a line.
                    blocks = [Block(text: String(line[..<open]).trimmingCharacters(in: .whitespaces)), Block(text: String(line[open...]))]
                }
                last.paragraphs.append(Paragraph(blocks: blocks, line: index + 1, column: column, source: rawLine))
                articles.append(last)
            }
        }
        return try instructions(articles)
    }

    /// "Article 1er", "Article 2": a line that opens an article of the order.
    static func isArticleHeader(_ line: String) -> Bool {
        line.hasPrefix("Article ") && line.count < 20 && !line.hasSuffix(":") && !line.contains(" est ") && !line.contains(",")
    }

    /// Where a quotation opens that the line does not close (its « ), if any.
    static func unclosedQuotation(_ line: String) -> String.Index? {
        var depth = 0
        var opening: String.Index?
        for index in line.indices {
            if line[index] == "«" {
                if depth == 0 { opening = index }
                depth += 1
            } else if line[index] == "»" {
                depth = max(0, depth - 1)
            }
        }
        return depth > 0 ? opening : nil
    }

    static func instructions(_ articles: [(label: String, paragraphs: [Paragraph])]) throws(PublishingError) -> [AmendingInstruction] {
        var result: [AmendingInstruction] = []
        for (label, paragraphs) in articles {
            // The designation the items below name (« L'article 3 est ainsi modifié : »), whether it is the act
            // itself, and the one a lettered item names (« 3° L'article 3 est ainsi modifié : » then a), b)…).
            var context: Designation?
            var actLevel = false
            var subContext: Designation?
            for (position, paragraph) in paragraphs.enumerated() {
                guard let head = paragraph.blocks.first else { continue }
                let sentence = strip(split(head.inlines).skeleton)
                if sentence.contains("chargé de l'exécution") { break }
                let lettered = match(#"^[a-z]+\d*\) "#, sentence) != nil
                let numbered = match(#"^\d+° "#, sentence) != nil
                func located(_ error: PublishingError) -> PublishingError {
                    guard paragraph.line > 0 else { return error }
                    return .orderProblem(OrderProblem.unrecognised(paragraph, sentence: sentence, error: error))
                }
                if let subContext, lettered {
                    do {
                        result += try operations(paragraph.blocks, context: subContext, article: label).map { paragraph.instruction($0) }
                    } catch { throw located(error) }
                    continue
                }
                subContext = nil
                let unnumbered = match(#"^(?:\d+°|[a-z]+\d*\)) (.*)$"#, sentence)?[0] ?? sentence
                if paragraph.blocks.count == 1, let opening = match(#"^(.+) (?:est|sont) ainsi modifiée?s? :$"#, unnumbered) {
                    let name = removeActReference(opening[0]).trimmingCharacters(in: .whitespaces)
                    if name.isEmpty {
                        (context, actLevel) = (Designation([]), true)
                    } else if name.hasPrefix("Les visas") {
                        if actLevel, numbered { subContext = Designation([]) } else { (context, actLevel) = (Designation([]), false) }
                    } else if let parent = context, numbered || lettered, position > 0 {
                        guard let parsed = Designation.parse(name, context: parent) else {
                            throw located(.unrecognisedFormula(article: label, text: unnumbered))
                        }
                        subContext = parsed
                    } else {
                        guard let parsed = Designation.parse(name) else { throw located(.unrecognisedFormula(article: label, text: unnumbered)) }
                        (context, actLevel) = (parsed, false)
                    }
                    continue
                }
                // An instruction standing alone ends the items of the last « … est ainsi modifié : ».
                if !numbered && !lettered { (context, actLevel) = (nil, false) }
                do {
                    result += try operations(paragraph.blocks, context: context, article: label).map { paragraph.instruction($0) }
                } catch { throw located(error) }
            }
        }
        return result
    }

    /// One instruction: its sentence block, then its quoted lines (an instruction that gives one operation).
    public static func operation(_ blocks: [Block], context: Designation?, article: String = "article") throws(PublishingError) -> AmendingOperation {
        let found = try operations(blocks, context: context, article: article)
        guard found.count == 1, let first = found.first else {
            throw .unrecognisedFormula(article: article, text: blocks.first.map { strip(split($0.inlines).skeleton) } ?? "")
        }
        return first
    }

    /// What may be quoted as words: « les mots », « la référence », « le chiffre »…
    static let wordNouns = #"(?:le mot|les mots|la référence|les références|le chiffre|les chiffres|la date|les dates|le nombre|le montant|le signe|les signes|le taux|l'année)"#

    /// One instruction: its sentence block, then its quoted lines. Most instructions give one operation; a
    /// deletion of several clauses (« Les articles 5 et 7 sont abrogés ») gives one per clause, the last first.
    static func operations(_ blocks: [Block], context: Designation?, article: String = "article") throws(PublishingError) -> [AmendingOperation] {
        guard let sentence = blocks.first else { throw .unrecognisedFormula(article: article, text: "") }
        let (rawSkeleton, rawQuotes) = split(sentence.inlines)
        var skeleton = strip(rawSkeleton)
        var quotes = rawQuotes
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
            if let next = lines.first, role(next) == QuotedStructure.Role.annexTitle.rawValue
                || (role(next) == nil && next.plainText.uppercased() == next.plainText && !next.plainText.isEmpty) {
                title = next.inlines
                lines.removeFirst()
            }
            guard let clauses = lines.isEmpty ? [] : QuotedStructure.clauses(lines) else { throw failure }
            return [.appendAnnex(number: first.inlines, title: title, clauses: clauses)]
        }
        // "L'arrêté du … susvisé est complété par …": the body.
        let appendsToAct = skeleton.hasPrefix("L'arrêté ") && skeleton.contains(" susvisé est complété par")
        skeleton = removeActReference(skeleton)
        func designation(_ text: String) throws(PublishingError) -> Designation {
            guard let parsed = Designation.parse(text, context: context) else { throw failure }
            return parsed
        }
        // The quoted lines below the sentence, or the one quotation that ends it (« … ainsi rédigé : « Texte. » »).
        var quotedBlocks = Array(blocks.dropFirst())
        func quoted() throws(PublishingError) -> [Clause] {
            guard !quotedBlocks.isEmpty, let clauses = QuotedStructure.clauses(quotedLines(quotedBlocks)) else { throw failure }
            return clauses
        }
        if quotedBlocks.isEmpty, skeleton.hasSuffix(" : «»"), !skeleton.hasPrefix("L'intitulé"), let last = quotes.last,
           match(wordNouns + #" : «»$"#, skeleton) == nil {
            skeleton = String(skeleton.dropLast(3))
            quotedBlocks = [Block([.text("« ")] + last + [.text(" »")])]
            quotes.removeLast()
        }
        if appendsToAct {
            return [.append(container: Designation(context?.steps ?? []), clauses: try quoted())]
        }
        let nouns = wordNouns
        if let m = match("^(.+), " + nouns + #" : «» (?:est remplacée?|sont remplacée?s) par "# + nouns + #" : «»$"#, skeleton), quotes.count == 2 {
            return [.replaceWords(target: try designation(m[0]), old: quotes[0], new: quotes[1])]
        }
        if let m = match("^(.+), " + nouns + #" : «» (?:est supprimée?|sont supprimée?s)$"#, skeleton), quotes.count == 1 {
            return [.deleteWords(target: try designation(m[0]), old: quotes[0])]
        }
        if let m = match("^(.+), après " + nouns + #" : «», (?:est inséré le mot|sont insérés les mots|(?:est|sont) insérée?s? "# + nouns + #") : «»$"#, skeleton), quotes.count == 2 {
            return [.insertWords(target: try designation(m[0]), after: quotes[0], new: quotes[1])]
        }
        if let m = match(#"^(.+) est complétée? par "# + nouns + #" : «»$"#, skeleton), quotes.count == 1 {
            return [.appendWords(target: try designation(m[0]), words: quotes[0], sentence: false)]
        }
        if let m = match(#"^(.+) est complétée? par (?:une|deux|trois|des) phrases? ainsi rédigées? :$"#, skeleton), quotedBlocks.count == 1 {
            return [.appendWords(target: try designation(m[0]), words: quotedLines(quotedBlocks)[0].inlines, sentence: true)]
        }
        if match(#"^L'intitulé est ainsi rédigé : «»$"#, skeleton) != nil, quotes.count == 1 {
            return [.replaceTitle(title: quotes[0])]
        }
        if let m = match(#"^Les (.+) sont ainsi rédigée?s :$"#, skeleton) {
            guard let found = range(m[0], context: context) else { throw failure }
            return [.replaceRange(first: found.0, last: found.1, count: found.2, with: try quoted())]
        }
        if let m = match(#"^L'intitulé (.+) est ainsi rédigé : «»$"#, skeleton), quotes.count == 1 {
            return [.replaceHeading(target: try designation(m[0]), heading: quotes[0])]
        }
        if let m = match(#"^(.+) est (?:remplacée? par les dispositions suivantes|ainsi rédigée?) :$"#, skeleton) {
            return [.replaceClause(target: try designation(m[0]), with: try quoted())]
        }
        if let m = match(#"^(Après|Avant) (.+), (?:sont insérées les dispositions suivantes|(?:il )?(?:est|sont) insérée?s? (.+?) ainsi rédigée?s?) :$"#, skeleton) {
            var clauses = try quoted()
            // « il est inséré un article 4-1 ainsi rédigé : » followed by its alinéas only: the article is made here.
            if let label = match(#"^un (?:nouvel )?article (\S+)$"#, m[2])?[0], !clauses.contains(where: { $0.kind == .article }) {
                clauses = [Clause(kind: .article, eId: "", wId: "", num: "Article " + label, children: clauses)]
            }
            let target = try designation(m[1])
            return [m[0] == "Après" ? .insertAfter(target: target, clauses: clauses) : .insertBefore(target: target, clauses: clauses)]
        }
        if let m = match(#"^(.+) est complétée? par (?:les dispositions suivantes|.+? ainsi rédigée?s?) :$"#, skeleton) {
            return [.append(container: try designation(m[0]), clauses: try quoted())]
        }
        if let m = match(#"^Les (.+) sont (?:abrogée?s|supprimée?s)$"#, skeleton) {
            guard let found = range(m[0], context: context) else { throw failure }
            if m[0].contains(" et ") {
                // Two clauses that need not be neighbours: each deleted, the later first (designations stay right).
                return [.delete(target: found.1), .delete(target: found.0)]
            }
            return [.replaceRange(first: found.0, last: found.1, count: found.2, with: [])]
        }
        if let m = match(#"^(.+) est (?:abrogée?|supprimée?)$"#, skeleton) {
            return [.delete(target: try designation(m[0]))]
        }
        if let m = match(#"^(?:Les |L'|Le |La )(.+?) (?:deviennent respectivement|deviennent|devient) (?:les |l'|le |la )(.+)$"#, skeleton) {
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
            return [.renumber(container: container, kind: kind, from: from, to: to)]
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
        var values: [String] = []
        for value in rest.replacingOccurrences(of: " et ", with: ", ").components(separatedBy: ", ").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            // "5 à 7" → 5, 6, 7 (plain numbers only: what lies between "5-1" and "7" is not known here).
            if let bounds = match(#"^(\d+)(?:er)?(°?) à (\d+)(°?)$"#, value), let low = Int(bounds[0]), let high = Int(bounds[2]),
               low <= high, high - low < 1000, bounds[1] == bounds[3] {
                values += (low...high).map { $0 == 1 && kind == .article && bounds[1].isEmpty ? "1er" : "\($0)\(bounds[1])" }
            } else {
                values.append(value)
            }
        }
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
