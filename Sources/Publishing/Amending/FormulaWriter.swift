import LegalText

/// Writes an operation in the drafting formulas of the Guide de légistique: the sentence (its quoted
/// words kept with their markup) and the quoted lines that follow "les dispositions suivantes :".
enum FormulaWriter {
    struct Written {
        var sentence: [Inline]
        /// Quoted lines (without guillemets yet).
        var quoted: [Block]
    }

    /// - Parameters:
    ///   - context: the designation the enclosing article already names ("L'article 3 … est ainsi modifié :").
    ///   - act: how the amended act is named in a sentence of its own ("l'arrêté du 5 janvier 2017 susvisé").
    static func write(_ operation: AmendingOperation, context: Designation?, act: String) -> Written? {
        func phrase(_ designation: Designation) -> String {
            let relative = designation.relative(to: context)
            if relative.steps.isEmpty { return context == nil ? act : "" }
            var text = relative.french
            // A sentence of its own names the act after its outermost designation.
            if context == nil { text += " " + FrenchWords.contract("de", act) }
            return text
        }
        func words(_ inlines: [Inline]) -> String {
            inlines.plainText.contains(" ") ? "les mots" : "le mot"
        }
        func e(_ feminine: Bool) -> String { feminine ? "e" : "" }
        let cap = FrenchWords.capitalized
        switch operation {
        case .replaceWords(let target, let old, let new):
            let single = !old.plainText.contains(" ")
            let sentence: [Inline] = [.text(cap(FrenchWords.contract("à", phrase(target))) + ", \(words(old)) : « ")] + old
                + [.text(" » \(single ? "est remplacé" : "sont remplacés") par \(words(new)) : « ")] + new + [.text(" »")]
            return Written(sentence: sentence, quoted: [])
        case .deleteWords(let target, let old):
            let single = !old.plainText.contains(" ")
            return Written(sentence: [.text(cap(FrenchWords.contract("à", phrase(target))) + ", \(words(old)) : « ")] + old
                           + [.text(" » \(single ? "est supprimé" : "sont supprimés")")], quoted: [])
        case .insertWords(let target, let after, let new):
            let single = !new.plainText.contains(" ")
            return Written(sentence: [.text(cap(FrenchWords.contract("à", phrase(target))) + ", après \(words(after)) : « ")] + after
                           + [.text(" », \(single ? "est inséré le mot" : "sont insérés les mots") : « ")] + new + [.text(" »")], quoted: [])
        case .appendWords(let target, let words, let sentence):
            let what = sentence ? "une phrase ainsi rédigée" : (words.plainText.contains(" ") ? "les mots" : "le mot")
            return Written(sentence: [.text(cap(phrase(target)) + " est complété\(e(target.isFeminine)) par \(what) : « ")] + words + [.text(" »")],
                           quoted: [])
        case .replaceClause(let target, let clauses):
            guard let lines = QuotedStructure.lines(clauses) else { return nil }
            return Written(sentence: [.text(cap(phrase(target)) + " est remplacé\(e(target.isFeminine)) par les dispositions suivantes :")], quoted: lines)
        case .insertAfter(let target, let clauses):
            guard let lines = QuotedStructure.lines(clauses) else { return nil }
            return Written(sentence: [.text("Après " + phrase(target) + ", sont insérées les dispositions suivantes :")], quoted: lines)
        case .insertBefore(let target, let clauses):
            guard let lines = QuotedStructure.lines(clauses) else { return nil }
            return Written(sentence: [.text("Avant " + phrase(target) + ", sont insérées les dispositions suivantes :")], quoted: lines)
        case .append(let container, let clauses):
            guard let lines = QuotedStructure.lines(clauses) else { return nil }
            let name = phrase(container)
            guard !name.isEmpty else { return nil }
            let feminine = container.steps.isEmpty ? false : container.isFeminine
            return Written(sentence: [.text(cap(name) + " est complété\(e(feminine)) par les dispositions suivantes :")], quoted: lines)
        case .delete(let target):
            let isAnnex: Bool
            if target.steps.count == 1, case .annex = target.steps[0] { isAnnex = true } else { isAnnex = false }
            let verb = target.isArticle ? "est abrogé" : (isAnnex ? "est abrogée" : "est supprimé" + e(target.isFeminine))
            return Written(sentence: [.text(cap(phrase(target)) + " " + verb)], quoted: [])
        case .renumber(let container, let kind, let from, let to):
            guard !from.isEmpty, from.count == to.count else { return nil }
            let plural = from.count > 1
            let noun: String
            switch kind {
            case .article: noun = plural ? "articles " : "article "
            case .section: noun = plural ? "sections " : "section "
            case .subsection: noun = plural ? "sous-sections " : "sous-section "
            case .point: noun = ""
            default: return nil
            }
            let article = plural ? "les " : (kind == .article ? "l'" : (kind == .point ? "le " : "la "))
            var left = article + noun + FrenchWords.list(from)
            let where_ = phrase(container)
            if !where_.isEmpty { left += " " + FrenchWords.contract("de", where_) }
            let verb = plural ? " deviennent respectivement " : " devient "
            return Written(sentence: [.text(cap(left) + verb + article + noun + FrenchWords.list(to))], quoted: [])
        case .replaceHeading(let target, let heading):
            return Written(sentence: [.text("L'intitulé " + FrenchWords.contract("de", phrase(target)) + " est ainsi rédigé : « ")] + heading + [.text(" »")], quoted: [])
        case .replaceAnnexTitle(let annex, let title):
            return write(.replaceHeading(target: Designation([.annex(annex)]), heading: title), context: context, act: act)
        case .appendAnnex(let number, let title, let clauses):
            guard let label = Designation.annexLabel(Annex(eId: "", preface: [Block(number, attributes: ["class": "num"])], clauses: [])),
                  let lines = QuotedStructure.lines(clauses) else { return nil }
            var header = [QuotedStructure.line(QuotedStructure.Role.annexNumber.rawValue, number)]
            if let title { header.append(QuotedStructure.line(QuotedStructure.Role.annexTitle.rawValue, title)) }
            let opening = context == nil ? FrenchWords.capitalized(act) + " est complété par une annexe \(label) ainsi rédigée :"
                : "Il est ajouté une annexe \(label) ainsi rédigée :"
            return Written(sentence: [.text(opening)], quoted: header + lines)
        case .replaceTitle(let title):
            let owner = context == nil ? " " + FrenchWords.contract("de", act) : ""
            return Written(sentence: [.text("L'intitulé" + owner + " est ainsi rédigé : « ")] + title + [.text(" »")],
                           quoted: [])
        case .replaceRange(let first, let last, let count, let clauses):
            guard let lines = QuotedStructure.lines(clauses), let head = rangeHead(first, last, count: count) else { return nil }
            let container = Designation(Array(first.steps.dropLast())).relative(to: context)
            var name = head.text
            if !container.steps.isEmpty { name += " " + FrenchWords.contract("de", container.french) }
            if context == nil { name += " " + FrenchWords.contract("de", act) }
            return Written(sentence: [.text(cap(name) + " sont ainsi rédigé\(e(head.feminine))s :")], quoted: lines)
        }
    }

    /// "les deuxième et troisième alinéas", "les articles 4 à 6", "les 2° et 3°", "les sections A et B":
    /// consecutive siblings from `first` to `last` (two of them: « et », more: « à »).
    static func rangeHead(_ first: Designation, _ last: Designation, count: Int) -> (text: String, feminine: Bool)? {
        guard first.steps.count == last.steps.count, first.steps.dropLast() == last.steps.dropLast(),
              let a = first.steps.last, let b = last.steps.last, a != b else { return nil }
        let link = count == 2 ? " et " : " à "
        switch (a, b) {
        case (.alinea(let x), .alinea(let y)):
            return ("les " + FrenchWords.ordinal(x) + link + FrenchWords.ordinal(y) + " alinéas", false)
        case (.citation(let x), .citation(let y)):
            return ("les " + FrenchWords.ordinal(x) + link + FrenchWords.ordinal(y) + " visas", false)
        case (.article(let x), .article(let y)):
            return ("les articles " + x + link + y, false)
        case (.point(let x), .point(let y)):
            return ("les " + x + link + y, false)
        case (.division(let kind, let x), .division(let other, let y)) where kind == other:
            let noun = Designation.noun(kind)
            return ("les " + noun.word + "s " + x + link + y, noun.feminine)
        case (.divisionAt(let kind, let x), .divisionAt(let other, let y)) where kind == other:
            let noun = Designation.noun(kind)
            return ("les " + FrenchWords.ordinal(x, feminine: noun.feminine) + link + FrenchWords.ordinal(y, feminine: noun.feminine)
                    + " " + noun.word + "s", noun.feminine)
        default: return nil
        }
    }

    /// The blocks of one instruction: the sentence (numbered, punctuated), then the quoted lines.
    static func blocks(_ written: Written, label: String?, last: Bool) -> [Block] {
        let end = last ? "." : " ;"
        var sentence = written.sentence
        if let label { sentence.insert(.text(label + " "), at: 0) }
        if written.quoted.isEmpty {
            sentence.append(.text(end))
            return [Block(InlineAtoms.normalized(sentence))]
        }
        var out = [Block(InlineAtoms.normalized(sentence))]
        for (index, line) in written.quoted.enumerated() {
            var inlines: [Inline] = [.text("« ")] + line.inlines
            if index == written.quoted.count - 1 { inlines.append(.text(" »" + end)) }
            out.append(Block(InlineAtoms.normalized(inlines), attributes: line.attributes))
        }
        return out
    }
}
