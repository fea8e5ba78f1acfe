/// An annex of the act, held as an attachment: its number and title, and its clauses.
public struct Annex: Sendable, Hashable, Codable {
    public var eId: String
    public var wId: String
    /// The `name` of the annex's `doc` element ("annexe").
    public var name: String
    /// The annex's preface: `p class="num"` (docNumber) and `p class="title"` (docTitle).
    public var preface: [Block]
    /// The clauses of the annex's main body: introductory alinéas and sections.
    public var clauses: [Clause]
    /// The attachment's attributes besides `eId` and `wId`.
    public var attributes: [String: String] = [:]
    /// The attachment's document from another tool, kept as it is (its own metadata, cover page…); then
    /// ``preface`` and ``clauses`` are empty.
    public var carried: Block?

    public init(eId: String, wId: String? = nil, name: String = "annexe", preface: [Block], clauses: [Clause]) {
        self.eId = eId
        self.wId = wId ?? eId
        self.name = name
        self.preface = preface
        self.clauses = clauses
    }

    /// The printed number, e.g. "Annexe II".
    public var number: String? { preface.first { $0.className == "num" }?.plainText }

    /// The title, e.g. "OUTILS D'AIDE À LA DÉCISION…".
    public var title: String? { preface.first { $0.className == "title" }?.plainText }
}
