/// An act (here a French *arrêté*) in the Akoma Ntoso subset of `suivi`: metadata, preface,
/// preamble with its visas, body of articles, conclusions and annexes.
public struct LegalDocument: Sendable, Hashable, Codable {
    /// The `name` attribute of `act` ("arrete").
    public var actName: String
    /// The document type element: `act` in the suivi profile; `bill`, `doc`… from other tools.
    public var documentType = "act"
    /// The attributes of the document type element besides `name` (e.g. `contains`).
    public var documentAttributes: [String: String] = [:]
    /// The attributes of the root `akomaNtoso` besides its namespace (e.g. `xsi:schemaLocation` and the
    /// declarations it needs).
    public var rootAttributes: [String: String] = [:]
    /// The metadata block of a document from another tool, kept as it is (nil in the suivi profile).
    public var carriedMeta: CarriedMeta?
    /// The `coverPage` of a document from another tool, kept as it is.
    public var coverPage: Block?
    /// The attributes of the document's parts (`preface`, `preamble`, `body`, `conclusions`, `attachments`),
    /// by part name, when a document from another tool gives them some.
    public var partAttributes: [String: [String: String]] = [:]
    public var identification: Identification
    public var publication: Publication?
    public var lifecycle: [LifecycleEvent]
    public var references: [TLCReference]
    public var notes: [Note]
    public var preface: [PrefaceItem]
    public var preamble: [PreambleItem]
    public var body: [Clause]
    public var conclusions: [Block]
    public var annexes: [Annex]

    public init(
        actName: String = "arrete", identification: Identification, publication: Publication? = nil,
        lifecycle: [LifecycleEvent], references: [TLCReference] = [], notes: [Note] = [],
        preface: [PrefaceItem] = [], preamble: [PreambleItem] = [], body: [Clause],
        conclusions: [Block] = [], annexes: [Annex] = []
    ) {
        self.actName = actName
        self.identification = identification
        self.publication = publication
        self.lifecycle = lifecycle
        self.references = references
        self.notes = notes
        self.preface = preface
        self.preamble = preamble
        self.body = body
        self.conclusions = conclusions
        self.annexes = annexes
    }

    /// The profile the document follows: documents whose metadata suivi writes itself are in the suivi
    /// profile; a document from another tool, whose metadata is kept as it came, is held to Akoma Ntoso 3.0.
    public var profile: DocumentProfile { carriedMeta == nil ? .suivi : .akn }

    /// The date of the first lifecycle event of that kind.
    public func date(of kind: LegalEventKind) -> LegalDate? {
        lifecycle.first { $0.kind == kind }?.date
    }

    /// The long title, as plain text.
    public var title: String? {
        for item in preface {
            if case .longTitle(let blocks) = item { return blocks.map(\.plainText).joined(separator: " ") }
        }
        return nil
    }

    /// Whether the file says it is a working transcription rather than the official text.
    public var isWorkingTranscription: Bool {
        notes.contains { $0.className == Note.transcriptionClass }
    }

    /// Whether this version is a draft (dated `#projet`, not signed).
    public var isDraft: Bool { date(of: .signature) == nil && date(of: .draft) != nil }

    /// The visas of the preamble.
    public var citations: [Clause] {
        preamble.flatMap { item -> [Clause] in
            if case .citations(let clauses) = item { return clauses }
            return []
        }
    }

    /// Every clause of the document (visas, body, annex clauses), depth first, in document order.
    public var allClauses: [Clause] {
        citations + body.flatMap(\.flattened) + annexes.flatMap { $0.clauses.flatMap(\.flattened) }
    }

    /// The clause with the given eId, wherever it is.
    public func clause(eId: String) -> Clause? {
        for clause in citations + body + annexes.flatMap(\.clauses) {
            if let found = clause.descendant(eId: eId) { return found }
        }
        return nil
    }

    /// The annex with the given eId.
    public func annex(eId: String) -> Annex? { annexes.first { $0.eId == eId } }
}
