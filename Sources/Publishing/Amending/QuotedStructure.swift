import LegalText

/// Clauses written out as the quoted lines of an amending order (« Art. 6-1. – …, « 1° …, « … »), and
/// read back. Each line is a block whose `refersTo` names its role, so that the structure comes back
/// exactly; a block's own attributes (an editorial note's class) are kept.
enum QuotedStructure {
    static let roleAttribute = "refersTo"

    enum Role: String {
        case article = "#article"
        case articleWithHeading = "#article-intitule"
        case alinea = "#alinea"
        case listIntro = "#enumeration"
        case point = "#point"
        case continuation = "#suite"
        case listWrapUp = "#enumeration-fin"
        case citation = "#visa"
        case annexNumber = "#annexe-numero"
        case annexTitle = "#annexe-intitule"
    }

    /// The lines of `clauses`, without guillemets.
    static func lines(_ clauses: [Clause]) -> [Block]? {
        var out: [Block] = []
        for clause in clauses {
            guard let lines = lines(clause) else { return nil }
            out += lines
        }
        return out
    }

    static func line(_ role: String, _ inlines: [Inline], attributes: [String: String] = [:]) -> Block {
        var attributes = attributes
        attributes[roleAttribute] = role
        return Block(inlines, attributes: attributes)
    }

    static func leafLines(_ blocks: [Block], role: String, prefix: [Inline] = []) -> [Block]? {
        guard let first = blocks.first, blocks.allSatisfy({ $0.attributes[roleAttribute] == nil }) else { return nil }
        var out = [line(role, prefix + first.inlines, attributes: first.attributes)]
        for block in blocks.dropFirst() { out.append(line(Role.continuation.rawValue, block.inlines, attributes: block.attributes)) }
        return out
    }

    static func lines(_ clause: Clause) -> [Block]? {
        guard clause.attributes.isEmpty else { return nil }
        switch clause.kind {
        case .article:
            guard let label = Designation.articleLabel(clause), clause.num == "Article " + label,
                  clause.intro.isEmpty, clause.wrapUp.isEmpty, !clause.children.isEmpty else { return nil }
            var header = [line(Role.article.rawValue, [.text("Art. \(label).")])]
            if let heading = clause.heading {
                header = [line(Role.articleWithHeading.rawValue, [.text("Art. \(label). – ")] + heading)]
            }
            return lines(clause.children).map { header + $0 }
        case .section, .subsection, .chapter, .title, .part:
            guard clause.intro.isEmpty, clause.wrapUp.isEmpty, !clause.children.isEmpty else { return nil }
            let role = "#" + clause.kind.rawValue
            let header: Block
            switch (clause.num, clause.heading) {
            case (let num?, let heading?):
                guard !num.contains(" – ") else { return nil }
                header = line(role, [.text(num + " – ")] + heading)
            case (let num?, nil): header = line(role + "-numero", [.text(num)])
            case (nil, let heading?): header = line(role + "-intitule", heading)
            case (nil, nil): return nil
            }
            return lines(clause.children).map { [header] + $0 }
        case .paragraph:
            guard clause.num == nil, clause.heading == nil else { return nil }
            if clause.children.isEmpty { return leafLines(clause.content, role: Role.alinea.rawValue) }
            // An alinéa holding exactly one enumeration, with nothing of its own.
            guard clause.intro.isEmpty, clause.wrapUp.isEmpty, clause.children.count == 1,
                  let list = clause.children.first, list.kind == .list, list.attributes.isEmpty,
                  list.num == nil, list.heading == nil, !list.intro.isEmpty,
                  list.children.allSatisfy({ $0.kind == .point }) else { return nil }
            guard var out = leafLines(list.intro, role: Role.listIntro.rawValue) else { return nil }
            for point in list.children {
                guard point.attributes.isEmpty, point.children.isEmpty, point.heading == nil, point.intro.isEmpty, point.wrapUp.isEmpty,
                      let num = point.num, !num.contains(" "), !num.isEmpty,
                      let pointLines = leafLines(point.content, role: Role.point.rawValue, prefix: [.text(num + " ")]) else { return nil }
                out += pointLines
            }
            if !list.wrapUp.isEmpty {
                guard let wrap = leafLines(list.wrapUp, role: Role.listWrapUp.rawValue) else { return nil }
                out += wrap
            }
            return out
        case .citation:
            guard clause.children.isEmpty else { return nil }
            return leafLines(clause.content, role: Role.citation.rawValue)
        case .list, .point:
            return nil
        default:  // the Akoma Ntoso hierarchy outside the suivi profile has no quoted form
            return nil
        }
    }

    /// Reads quoted lines back into clauses (eIds and wIds left empty: the applier gives them).
    static func clauses(_ lines: [Block]) -> [Clause]? {
        var roots: [Clause] = []
        var stack: [Clause] = []  // open clauses, outermost first

        func closeTop() {
            guard let top = stack.popLast() else { return }
            if stack.isEmpty { roots.append(top) } else { stack[stack.count - 1].children.append(top) }
        }
        func close(while condition: (Clause) -> Bool) {
            while let top = stack.last, condition(top) { closeTop() }
        }
        func rank(_ kind: ClauseKind) -> Int {
            switch kind {
            case .part: return 5
            case .title: return 4
            case .chapter: return 3
            case .section: return 2
            case .subsection: return 1
            default: return 0
            }
        }
        func new(_ kind: ClauseKind) -> Clause { Clause(kind: kind, eId: "", wId: "") }
        let leafKinds: Set<ClauseKind> = [.paragraph, .list, .point, .citation]

        for line in lines {
            var attributes = line.attributes
            let given = attributes.removeValue(forKey: roleAttribute)
            let role = given ?? guessRole(line)
            var block = Block(line.inlines, attributes: attributes)
            switch role {
            case Role.article.rawValue, Role.articleWithHeading.rawValue:
                close { _ in true }
                let text = InlineAtoms.atoms(block.inlines)
                let plain = InlineAtoms.text(text)
                guard plain.hasPrefix("Art. ") else { return nil }
                let labelStart = plain.index(plain.startIndex, offsetBy: 5)
                guard let dot = plain.range(of: role == Role.article.rawValue ? "." : ". – ", range: labelStart..<plain.endIndex) else { return nil }
                let label = String(plain[labelStart..<dot.lowerBound])
                var article = new(.article)
                article.num = "Article " + label
                var firstAlinea: Clause?
                if role == Role.articleWithHeading.rawValue {
                    let headerLength = plain.distance(from: plain.startIndex, to: dot.upperBound)
                    let rest = InlineAtoms.inlines(text.dropFirst(headerLength))
                    if given == nil, let end = rest.plainText.trimmingCharacters(in: .whitespaces).last, ".;:".contains(end) {
                        // Written by hand as the Guide de légistique shows it: « Art. 4-1. – Le premier alinéa. »
                        var paragraph = new(.paragraph)
                        paragraph.content = [Block(rest, attributes: attributes)]
                        firstAlinea = paragraph
                    } else {
                        article.heading = rest
                    }
                }
                stack.append(article)
                if let firstAlinea { stack.append(firstAlinea) }
            case Role.alinea.rawValue:
                close { leafKinds.contains($0.kind) }
                var paragraph = new(.paragraph)
                paragraph.content = [block]
                stack.append(paragraph)
            case Role.listIntro.rawValue:
                close { leafKinds.contains($0.kind) }
                stack.append(new(.paragraph))
                var list = new(.list)
                list.intro = [block]
                stack.append(list)
            case Role.point.rawValue:
                close { $0.kind == .point }
                // A point quoted alone (« Le 2° est ainsi rédigé : « 2° … » ») has no enumeration around it.
                if given == nil, let top = stack.last, top.kind == .paragraph, top.children.isEmpty, !top.content.isEmpty {
                    // Plain text: the alinéa above introduces the enumeration.
                    stack.removeLast()
                    stack.append(new(.paragraph))
                    var list = new(.list)
                    list.intro = top.content
                    stack.append(list)
                }
                guard stack.last?.kind == .list || (stack.isEmpty && given == nil) else { return nil }
                let text = InlineAtoms.atoms(block.inlines)
                guard let space = text.firstIndex(where: \.isSpace) else { return nil }
                var point = new(.point)
                point.num = InlineAtoms.text(Array(text[..<space]))
                block.inlines = InlineAtoms.inlines(text[(space + 1)...])
                point.content = [block]
                stack.append(point)
            case Role.listWrapUp.rawValue:
                close { $0.kind == .point }
                guard stack.last?.kind == .list else { return nil }
                stack[stack.count - 1].wrapUp.append(block)
            case Role.citation.rawValue:
                close { _ in true }
                var citation = new(.citation)
                citation.content = [block]
                stack.append(citation)
            case Role.continuation.rawValue:
                guard let top = stack.last else { return nil }
                if top.kind == .list {
                    if top.children.isEmpty && top.wrapUp.isEmpty {
                        stack[stack.count - 1].intro.append(block)
                    } else {
                        stack[stack.count - 1].wrapUp.append(block)
                    }
                } else if top.children.isEmpty && !top.content.isEmpty {
                    stack[stack.count - 1].content.append(block)
                } else {
                    return nil
                }
            default:
                // A division: "#section", "#section-numero", "#section-intitule".
                let parts = role.dropFirst().split(separator: "-", maxSplits: 1).map(String.init)
                guard let name = parts.first, let kind = ClauseKind(elementName: name == "sous" ? "subsection" : name),
                      rank(kind) > 0 else { return nil }
                let variant = role.hasSuffix("-numero") ? "numero" : (role.hasSuffix("-intitule") ? "intitule" : "")
                close { leafKinds.contains($0.kind) || (rank($0.kind) > 0 && rank($0.kind) <= rank(kind)) }
                var division = new(kind)
                let text = InlineAtoms.atoms(block.inlines)
                switch variant {
                case "numero": division.num = InlineAtoms.text(text)
                case "intitule": division.heading = block.inlines
                default:
                    let plain = InlineAtoms.text(text)
                    guard let dash = plain.range(of: " – ") else { return nil }
                    let numLength = plain.distance(from: plain.startIndex, to: dash.lowerBound)
                    let headerLength = plain.distance(from: plain.startIndex, to: dash.upperBound)
                    guard !text[..<numLength].contains(where: { if case .element = $0 { return true }; return false }) else { return nil }
                    division.num = InlineAtoms.text(Array(text[..<numLength]))
                    division.heading = InlineAtoms.inlines(text.dropFirst(headerLength))
                }
                stack.append(division)
            }
        }
        close { _ in true }
        return roots
    }

    /// The role of a line read from plain text (no `refersTo`): an article header, a point, else an alinéa.
    static func guessRole(_ block: Block) -> String {
        let text = block.plainText
        if text.hasPrefix("Art. ") { return text.contains(". – ") ? Role.articleWithHeading.rawValue : Role.article.rawValue }
        if let first = text.split(separator: " ").first, first.hasSuffix("°") || (first.hasSuffix(")") && first.count <= 4) {
            return Role.point.rawValue
        }
        if text.hasPrefix("Vu ") { return Role.citation.rawValue }
        // « D. – Intitulé », « II. – Intitulé »: a section of an annex, as the text numbers them.
        if let dash = text.range(of: ". – "), text[..<dash.lowerBound].count <= 4,
           text[..<dash.lowerBound].allSatisfy({ $0.isUppercase && $0.isLetter }) {
            return "#section"
        }
        return Role.alinea.rawValue
    }
}
