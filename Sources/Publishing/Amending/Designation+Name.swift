import LegalText

extension Designation {
    /// The clause as a lawyer names it in a heading, a menu or a citation, from the outside in: « Article 3,
    /// deuxième alinéa », « Article 1er », « Article 4-1, 2° », « Annexe II, C, 4° », « Deuxième visa ».
    /// Inside an annex, a division is named by its number alone (« Annexe II, C »), as the annexes are cited; in
    /// the body, by its kind and number (« Section 2 »). Alinéas and unnumbered divisions are counted in words.
    public var name: String {
        var inAnnex = false
        var words: [String] = []
        for step in steps {
            switch step {
            case .annex(let number):
                inAnnex = true
                words.append("annexe \(number)")
            case .article(let label): words.append("article \(label)")
            case .citation(let position): words.append("\(FrenchWords.ordinal(position)) visa")
            case .alinea(let position): words.append("\(FrenchWords.ordinal(position)) alinéa")
            case .point(let num): words.append(num)
            case .division(let kind, let number): words.append(inAnnex ? number : "\(Designation.noun(kind).word) \(number)")
            case .divisionAt(let kind, let position):
                let noun = Designation.noun(kind)
                words.append("\(FrenchWords.ordinal(position, feminine: noun.feminine)) \(noun.word)")
            case .labelled(let number): words.append(number)
            }
        }
        let text = words.joined(separator: ", ")
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Every clause and annex of `document` named as a lawyer names it (``name``), by eId: an annex by its
    /// number (« Annexe II »), a clause that cannot be designated unambiguously by its number and heading.
    /// Clauses with neither keep no name (the caller shows the eId).
    public static func names(in document: LegalDocument) -> [String: String] {
        var result: [String: String] = [:]
        for annex in document.annexes {
            if let number = annex.number?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
                result[annex.eId] = number.prefix(1).uppercased() + number.dropFirst()
            }
        }
        func walk(_ clauses: [Clause]) {
            for clause in clauses {
                if let num = clause.num?.trimmingCharacters(in: .whitespaces), !num.isEmpty { result[clause.eId] = num }
                walk(clause.children)
            }
        }
        walk(document.citations)
        walk(document.body)
        for annex in document.annexes { walk(annex.clauses) }
        for (eId, designation) in byEId(in: document) { result[eId] = designation.name }
        return result
    }
}
