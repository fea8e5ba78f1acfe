import LegalText

extension Designation {
    /// The clause as a lawyer names it in a heading, a menu or a citation, from the outside in: « Article 3,
    /// deuxième alinéa », « Article 1er », « Article 4-1, 2° », « Annexe II, C, 4° », « Deuxième visa ».
    /// Inside an annex, a division is named by its number alone (« Annexe II, C »), as the annexes are cited; in
    /// the body, by its kind and number (« Section 2 »). Alinéas and unnumbered divisions are counted in words.
    public var name: String { name(headings: [:]) }

    /// ``name``, each unnumbered division named by its heading (« Annexe II, C, « Hépatites virales » ») when it has
    /// one that no division of the same kind beside it shares; by its position only when it has none.
    public func name(in document: LegalDocument) -> String {
        var headings: [Int: String] = [:]
        for (index, step) in steps.enumerated() {
            guard case .divisionAt(let kind, _) = step,
                  let path = Designation(Array(steps.prefix(index + 1))).resolve(in: document),
                  let heading = Self.heading(of: document.clause(at: path)) else { continue }
            let siblings = path.parent.map { document.children(at: $0) } ?? document.roots(path.root)
            let sameHeading = siblings.filter { $0.kind == kind && Self.heading(of: $0) == heading }
            if sameHeading.count == 1 { headings[index] = heading }
        }
        return name(headings: headings)
    }

    private static func heading(of clause: Clause?) -> String? {
        guard let text = clause?.headingText?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// ``name`` with the divisions at the steps of `headings` named by their heading instead of their position.
    private func name(headings: [Int: String]) -> String {
        var inAnnex = false
        var words: [String] = []
        for (index, step) in steps.enumerated() {
            switch step {
            case .annex(let number):
                inAnnex = true
                words.append("annexe \(number)")
            case .article(let label): words.append("article \(label)")
            case .citation(let position): words.append("\(FrenchWords.ordinal(position)) visa")
            case .alinea(let position): words.append("\(FrenchWords.ordinal(position)) alinéa")
            case .point(let num): words.append(num)
            case .division(let kind, let number): words.append(inAnnex ? number : "\(Designation.noun(kind).word) \(number)")
            case .divisionAt(let kind, _) where headings[index] != nil:
                let heading = "« \(headings[index]!) »"
                words.append(inAnnex ? heading : "\(Designation.noun(kind).word) \(heading)")
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

    /// Every clause and annex of `document` named as a lawyer names it (``name(in:)``), by eId: an annex by its
    /// number (« Annexe II »), a clause that cannot be designated unambiguously by its number and heading, the
    /// list of points of an alinéa after it (« Article 3, sixième alinéa (énumération) »: a drafter designates
    /// its points, never the list). Clauses with none of these keep no name (the caller shows the eId).
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
        for (eId, designation) in byEId(in: document) { result[eId] = designation.name(in: document) }
        // A list of points is named after the clause that holds it (a list inside another list, after its point).
        func lists(_ clauses: [Clause], holder: String?) {
            let count = clauses.filter { $0.kind == .list }.count
            var seen = 0
            for clause in clauses {
                if clause.kind == .list {
                    seen += 1
                    if result[clause.eId] == nil, let holder, let holderName = result[holder] {
                        let which = count > 1 ? "\(FrenchWords.ordinal(seen, feminine: true)) énumération" : "énumération"
                        result[clause.eId] = "\(holderName) (\(which))"
                    }
                }
                lists(clause.children, holder: clause.eId)
            }
        }
        lists(document.body, holder: nil)
        for annex in document.annexes { lists(annex.clauses, holder: annex.eId) }
        return result
    }
}
