import LegalText

/// How a drafter designates a clause: "le 2° du cinquième alinéa de l'article 3", "la section A de
/// l'annexe II", "le premier visa". Steps go from the outermost to the innermost.
public struct Designation: Sendable, Hashable, Codable {
    public enum Step: Sendable, Hashable, Codable {
        case annex(String)                 // "II"
        case article(String)               // "3", "1er", "6-1"
        case citation(Int)                 // position
        case alinea(Int)                   // position among the alinéas of the parent
        case point(String)                 // "2°", "a)"
        case division(ClauseKind, String)  // section "A" (its number's component)
        case divisionAt(ClauseKind, Int)   // an unnumbered section, by position
        case labelled(String)              // "le C de l'annexe II": a division of any kind, by its number

        var isFeminine: Bool {
            switch self {
            case .annex: return true
            case .division(let kind, _), .divisionAt(let kind, _): return [.section, .subsection, .part].contains(kind)
            default: return false
            }
        }

        /// "alinéa 2", "article 3", "section A": the step in a ``Designation/label``.
        var label: String {
            switch self {
            case .annex(let number): return "annexe \(number)"
            case .article(let label): return "article \(label)"
            case .citation(let position): return "visa \(position)"
            case .alinea(let position): return "alinéa \(position)"
            case .point(let num): return num
            case .division(let kind, let number): return "\(Designation.noun(kind).word) \(number)"
            case .divisionAt(let kind, let position): return "\(Designation.noun(kind).word) \(position)"
            case .labelled(let number): return number
            }
        }

        /// "le deuxième alinéa", "l'article 3", "la section A".
        var french: String {
            switch self {
            case .annex(let number): return "l'annexe \(number)"
            case .article(let label): return "l'article \(label)"
            case .citation(let position): return "le \(FrenchWords.ordinal(position)) visa"
            case .alinea(let position): return "le \(FrenchWords.ordinal(position)) alinéa"
            case .point(let num): return "le \(num)"
            case .division(let kind, let number): return "\(Designation.noun(kind).article)\(Designation.noun(kind).word) \(number)"
            case .divisionAt(let kind, let position):
                let noun = Designation.noun(kind)
                let article = noun.feminine ? "la " : "le "
                return article + FrenchWords.ordinal(position, feminine: noun.feminine) + " " + noun.word
            case .labelled(let number): return "le \(number)"
            }
        }
    }

    public var steps: [Step]

    /// The designation of every clause of `document` that has one, by eId (visas, body and annex clauses).
    public static func byEId(in document: LegalDocument) -> [String: Designation] {
        var result: [String: Designation] = [:]
        func walk(_ clauses: [Clause], _ path: ClausePath) {
            for (index, clause) in clauses.enumerated() {
                let here = path.child(index)
                if let designation = of(here, in: document) { result[clause.eId] = designation }
                walk(clause.children, here)
            }
        }
        walk(document.citations, ClausePath(root: .citations, indices: []))
        walk(document.body, ClausePath(root: .body, indices: []))
        for index in document.annexes.indices { walk(document.annexes[index].clauses, ClausePath(root: .annex(index), indices: [])) }
        return result
    }

    /// "Article 1er, alinéa 1", "Annexe II, section A, alinéa 2": the clause named from the outside in, as a
    /// menu or a heading shows it (``french`` is the drafting style, from the inside out).
    public var label: String {
        let text = steps.map(\.label).joined(separator: ", ")
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    public init(_ steps: [Step]) { self.steps = steps }

    static func noun(_ kind: ClauseKind) -> (word: String, feminine: Bool, article: String) {
        switch kind {
        case .section: return ("section", true, "la ")
        case .subsection: return ("sous-section", true, "la ")
        case .chapter: return ("chapitre", false, "le ")
        case .title: return ("titre", false, "le ")
        case .part: return ("partie", true, "la ")
        default: return (kind.rawValue, false, "le ")
        }
    }

    /// Whether the designated clause takes feminine agreement ("est supprimée").
    public var isFeminine: Bool { steps.last?.isFeminine ?? false }

    /// Whether the designated clause is an article (deleted articles are "abrogés").
    public var isArticle: Bool { if case .article = steps.last { return true }; return false }

    /// The steps below `context` (the designation relative to it), or all of them.
    public func relative(to context: Designation?) -> Designation {
        guard let context, steps.starts(with: context.steps) else { return self }
        return Designation(Array(steps.dropFirst(context.steps.count)))
    }

    /// "le 2° du cinquième alinéa de l'article 3".
    public var french: String {
        var phrase = ""
        for step in steps.reversed() {
            phrase = phrase.isEmpty ? step.french : phrase + " " + FrenchWords.contract("de", step.french)
        }
        return phrase
    }

    /// "au 2° de l'article 3".
    public var frenchAfterA: String { FrenchWords.contract("à", french) }

    // MARK: Parsing

    /// Reads a designation written by ``french`` (or after "à"/"de"), relative to `context`.
    public static func parse(_ text: String, context: Designation? = nil) -> Designation? {
        var rest = text.trimmingCharacters(in: .whitespaces)
        let lowered = rest.lowercased()
        for prefix in ["dans le ", "dans la ", "dans l'", "au ", "aux ", "à l'", "à la ", "du ", "de l'", "de la ", "le ", "la ", "l'", "les "]
            where lowered.hasPrefix(prefix) {
            rest = String(rest.dropFirst(prefix.count))
            break
        }
        // Split on the connectors between steps.
        var parts: [String] = []
        var current = ""
        var index = rest.startIndex
        let connectors = [" de l'", " de la ", " du ", " de "]
        while index < rest.endIndex {
            var matched: String?
            for connector in connectors where rest[index...].hasPrefix(connector) {
                matched = connector
                break
            }
            if let matched {
                parts.append(current)
                current = ""
                index = rest.index(index, offsetBy: matched.count)
            } else {
                current.append(rest[index])
                index = rest.index(after: index)
            }
        }
        parts.append(current)
        var steps: [Step] = []
        for part in parts.reversed() {
            guard let step = parseStep(part.trimmingCharacters(in: .whitespaces)) else { return nil }
            steps.append(step)
        }
        return Designation((context?.steps ?? []) + steps)
    }

    static func parseStep(_ text: String) -> Step? {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        if words.count == 2 {
            switch first {
            case "article": return .article(words[1])
            case "annexe": return .annex(words[1])
            case "section": return .division(.section, words[1])
            case "sous-section": return .division(.subsection, words[1])
            case "chapitre": return .division(.chapter, words[1])
            case "titre": return .division(.title, words[1])
            case "partie": return .division(.part, words[1])
            default: break
            }
            if let position = FrenchWords.position(ofOrdinal: first) {
                switch words[1] {
                case "alinéa": return .alinea(position)
                case "visa": return .citation(position)
                case "section": return .divisionAt(.section, position)
                case "sous-section": return .divisionAt(.subsection, position)
                case "chapitre": return .divisionAt(.chapter, position)
                case "titre": return .divisionAt(.title, position)
                case "partie": return .divisionAt(.part, position)
                default: return nil
                }
            }
            return nil
        }
        if words.count == 1, first.hasSuffix("°") || first.hasSuffix(")") { return .point(first) }
        if words.count == 1, first.count <= 4, first.allSatisfy({ $0.isUppercase && $0.isLetter }) { return .labelled(first) }
        return nil
    }

    // MARK: Resolving

    /// The path of the designated clause in `document`, or nil if it designates none.
    func resolve(in document: LegalDocument) -> ClausePath? {
        var path: ClausePath?
        var root: ClauseRoot = .body
        for step in steps {
            switch step {
            case .annex(let number):
                guard path == nil, let index = document.annexes.firstIndex(where: { Self.annexLabel($0) == number }) else { return nil }
                root = .annex(index)
            case .citation(let position):
                guard path == nil, position >= 1, position <= document.citations.count else { return nil }
                path = ClausePath(root: .citations, indices: [position - 1])
            case .article(let label):
                // Articles are found anywhere below the current place (they may sit in sections).
                let start = path ?? ClausePath(root: root, indices: [])
                guard let found = Self.find(in: document, under: start, where: { $0.kind == .article && Self.articleLabel($0) == label }) else { return nil }
                path = found
            case .alinea(let position):
                let start = path ?? ClausePath(root: root, indices: [])
                let children = document.children(at: start)
                let paragraphs = children.indices.filter { children[$0].kind == .paragraph }
                guard position >= 1, position <= paragraphs.count else { return nil }
                path = start.child(paragraphs[position - 1])
            case .point(let num):
                let start = path ?? ClausePath(root: root, indices: [])
                guard let found = Self.find(in: document, under: start, where: { $0.kind == .point && $0.num == num }) else { return nil }
                path = found
            case .division(let kind, let number):
                let start = path ?? ClausePath(root: root, indices: [])
                let children = document.children(at: start)
                guard let index = children.firstIndex(where: { $0.kind == kind && $0.num.flatMap { ClauseNumbering.component(of: $0, kind: kind) } == number }) else { return nil }
                path = start.child(index)
            case .divisionAt(let kind, let position):
                let start = path ?? ClausePath(root: root, indices: [])
                let children = document.children(at: start)
                let matching = children.indices.filter { children[$0].kind == kind }
                guard position >= 1, position <= matching.count else { return nil }
                path = start.child(matching[position - 1])
            case .labelled(let number):
                let start = path ?? ClausePath(root: root, indices: [])
                let children = document.children(at: start)
                let divisions: Set<ClauseKind> = [.part, .title, .chapter, .section, .subsection]
                guard let index = children.firstIndex(where: { child in divisions.contains(child.kind)
                    && child.num.flatMap { ClauseNumbering.component(of: $0, kind: child.kind) } == number }) else { return nil }
                path = start.child(index)
            }
        }
        return path ?? ClausePath(root: root, indices: [])
    }

    /// The first step that names nothing in `document` (nil when the whole designation resolves).
    func firstUnresolvedStep(in document: LegalDocument) -> Step? {
        guard !steps.isEmpty else { return nil }
        for count in 1...steps.count where Designation(Array(steps.prefix(count))).resolve(in: document) == nil { return steps[count - 1] }
        return nil
    }

    /// What the text has where this designation names nothing, in French: « l'article 3 compte 5 alinéas »,
    /// « le texte n'a pas d'article 9 (articles : 1er, 2, 3) ».
    func diagnosis(in document: LegalDocument) -> String {
        for count in 1...max(1, steps.count) where Designation(Array(steps.prefix(count))).resolve(in: document) == nil {
            let parent = Designation(Array(steps.prefix(count - 1)))
            let parentName = parent.steps.isEmpty ? "le texte" : parent.french
            let start = parent.steps.isEmpty ? ClausePath(root: .body, indices: []) : parent.resolve(in: document)
            let children = start.map { document.children(at: $0) } ?? []
            func list(_ names: [String]) -> String { names.isEmpty ? "aucun" : names.prefix(40).joined(separator: ", ") }
            switch steps[count - 1] {
            case .annex(let number):
                return "le texte n'a pas d'annexe \(number) (annexes : \(list(document.annexes.compactMap(Designation.annexLabel))))"
            case .citation(let position):
                return "le texte compte \(document.citations.count) visa(s), pas de \(FrenchWords.ordinal(position)) visa"
            case .article(let label):
                var articles: [String] = []
                func walk(_ clauses: [Clause]) {
                    for clause in clauses {
                        if clause.kind == .article, let name = Designation.articleLabel(clause) { articles.append(name) } else { walk(clause.children) }
                    }
                }
                walk(children)
                return "\(parentName) n'a pas d'article \(label) (articles : \(list(articles)))"
            case .alinea(let position):
                let alineas = children.filter { $0.kind == .paragraph }.count
                return "\(parentName) compte \(alineas) alinéa(s), pas de \(FrenchWords.ordinal(position)) alinéa"
            case .point(let num):
                let points = children.flatMap { $0.kind == .list ? $0.children : [$0] }.filter { $0.kind == .point }.compactMap(\.num)
                return "\(parentName) n'a pas de \(num) (points : \(list(points)))"
            case .division(let kind, let number):
                let names = children.filter { $0.kind == kind }.compactMap { $0.num }
                return "\(parentName) n'a pas de \(Designation.noun(kind).word) \(number) (\(Designation.noun(kind).word)s : \(list(names)))"
            case .divisionAt(let kind, let position):
                let found = children.filter { $0.kind == kind }.count
                return "\(parentName) compte \(found) \(Designation.noun(kind).word)(s), pas de \(FrenchWords.ordinal(position, feminine: Designation.noun(kind).feminine))"
            case .labelled(let number):
                let names = children.filter { [.part, .title, .chapter, .section, .subsection].contains($0.kind) }.compactMap(\.num)
                return "\(parentName) n'a pas de division \(number) (divisions : \(list(names)))"
            }
        }
        return "aucun élément du texte ne porte ce nom"
    }

    /// The first clause below `start` (breadth first) that satisfies `predicate`.
    static func find(in document: LegalDocument, under start: ClausePath, where predicate: (Clause) -> Bool) -> ClausePath? {
        var queue: [ClausePath] = document.children(at: start).indices.map { start.child($0) }
        var head = 0
        while head < queue.count {
            let path = queue[head]
            head += 1
            guard let clause = document.clause(at: path) else { continue }
            if predicate(clause) { return path }
            queue += clause.children.indices.map { path.child($0) }
        }
        return nil
    }

    /// "Article 6-1" → "6-1", "Article 1er" → "1er".
    package static func articleLabel(_ clause: Clause) -> String? {
        guard let num = clause.num else { return nil }
        for prefix in ["Article ", "article ", "Art. "] where num.hasPrefix(prefix) { return String(num.dropFirst(prefix.count)) }
        return num
    }

    /// "Annexe II" → "II".
    static func annexLabel(_ annex: Annex) -> String? {
        guard let number = annex.number else { return nil }
        for prefix in ["Annexe ", "ANNEXE ", "annexe "] where number.hasPrefix(prefix) { return String(number.dropFirst(prefix.count)) }
        return number
    }

    /// The designation of the clause at `path` (nil if it cannot be designated unambiguously).
    static func of(_ path: ClausePath, in document: LegalDocument) -> Designation? {
        var steps: [Step] = []
        switch path.root {
        case .annex(let index):
            guard let label = annexLabel(document.annexes[index]) else { return nil }
            steps.append(.annex(label))
        case .citations:
            guard path.indices.count == 1 else { return nil }
            return Designation([.citation(path.indices[0] + 1)])
        case .body: break
        }
        var list = document.roots(path.root)
        for index in path.indices {
            guard index < list.count else { return nil }
            let clause = list[index]
            switch clause.kind {
            case .article:
                guard let label = articleLabel(clause) else { return nil }
                steps = steps.filter { if case .annex = $0 { return true }; return false }
                steps.append(.article(label))
            case .paragraph:
                steps.append(.alinea(list[...index].filter { $0.kind == .paragraph }.count))
            case .list: break
            case .point:
                guard let num = clause.num else { return nil }
                steps.append(.point(num))
            case .section, .subsection, .chapter, .title, .part:
                if let num = clause.num, let component = ClauseNumbering.component(of: num, kind: clause.kind) {
                    steps.append(.division(clause.kind, component))
                } else {
                    steps.append(.divisionAt(clause.kind, list[...index].filter { $0.kind == clause.kind }.count))
                }
            case .citation: return nil
            default: return nil  // outside the suivi profile: no designation in an amending order
            }
            list = clause.children
        }
        let designation = Designation(steps)
        // Only a designation that leads back to the same clause is usable.
        guard designation.resolve(in: document) == path else { return nil }
        return designation
    }
}
