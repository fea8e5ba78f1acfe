import LegalText

/// One change an amending order makes to the text it amends, as its formulas express it.
public enum AmendingOperation: Sendable, Hashable, Codable {
    /// « Au 2° de l'article 3, les mots : « X » sont remplacés par les mots : « Y » »
    case replaceWords(target: Designation, old: [Inline], new: [Inline])
    /// « … les mots : « X » sont supprimés »
    case deleteWords(target: Designation, old: [Inline])
    /// « … après les mots : « X », sont insérés les mots : « Y » »
    case insertWords(target: Designation, after: [Inline], new: [Inline])
    /// « Le deuxième alinéa de l'article 3 est complété par les mots : « … » » (before its final punctuation), or
    /// « … est complété par une phrase ainsi rédigée : « … » » (`sentence`: after it).
    case appendWords(target: Designation, words: [Inline], sentence: Bool)
    /// « Le deuxième alinéa de l'article 3 est remplacé par les dispositions suivantes : » + quoted text
    case replaceClause(target: Designation, with: [Clause])
    /// « Après le deuxième alinéa de l'article 3, sont insérées les dispositions suivantes : »
    case insertAfter(target: Designation, clauses: [Clause])
    /// « Avant le premier alinéa de l'article 3, … »
    case insertBefore(target: Designation, clauses: [Clause])
    /// « L'article 3 est complété par les dispositions suivantes : »
    case append(container: Designation, clauses: [Clause])
    /// « Le troisième alinéa de l'article 4 est supprimé. » / « L'article 5 est abrogé. »
    case delete(target: Designation)
    /// « Les articles 5 et 6 deviennent respectivement les articles 6 et 7. »
    case renumber(container: Designation, kind: ClauseKind, from: [String], to: [String])
    /// « L'intitulé de la section A de l'annexe II est ainsi rédigé : « … » »
    case replaceHeading(target: Designation, heading: [Inline])
    /// « L'intitulé de l'annexe II est ainsi rédigé : « … » »
    case replaceAnnexTitle(annex: String, title: [Inline])
    /// « L'intitulé de l'arrêté du 5 janvier 2017 susvisé est ainsi rédigé : « … » »
    case replaceTitle(title: [Inline])
    /// « Les deuxième et troisième alinéas de l'article 3 sont ainsi rédigés : » + quoted text: consecutive
    /// siblings of one kind, from `first` to `last` (`count` of them; 0 when read from « à » and unknown).
    case replaceRange(first: Designation, last: Designation, count: Int, with: [Clause])
    /// « Il est ajouté une annexe III ainsi rédigée : » + its number, title and clauses quoted; it comes last.
    case appendAnnex(number: [Inline], title: [Inline]?, clauses: [Clause])
}

