import ClauseDiff
import Committee
import Foundation
import LegalText

/// The bulletin for OFII doctors: what a review changes and why, in plain French, grouped by topic
/// (the pathology sections of Annexe II first), each item linked to its clause (`#<eId>`).
public struct Bulletin: Sendable, Hashable, Codable {
    public struct Item: Sendable, Hashable, Codable {
        public var eId: String
        /// "Nouvel alinéa", "Alinéa modifié", "Nouvel article 6-1"…
        public var what: String
        public var text: [FlowParagraph]
        /// Notes on the clause: the drafter's answers to comments, editorial notes.
        public var notes: [String]
        /// Whether the clause is anchored in the text the bulletin links to (the new version): false for a
        /// deleted clause, which the bulletin then names without linking to it.
        public var inNewText: Bool = true
    }

    public struct Topic: Sendable, Hashable, Codable {
        public var title: String
        public var items: [Item]
    }

    public var title: String
    public var reviewId: String
    /// Why: the review's subject, the event that triggered it, the notes of its steps marked public.
    public var why: [String]
    public var topics: [Topic]
    public var oldLabel: String
    public var newLabel: String
    /// What is compared: the version the review's text is compared with, and why that one.
    public var base: ReviewComparisonBase
    /// The documentary updates (references checked, syntheses, news) since the version compared with (R3.3).
    public var documentary = DocumentaryUpdates()

    public init(review: Review, event: CommitteeEvent?, comments: [Comment], old: LegalDocument, new: LegalDocument,
                base: ReviewComparisonBase) {
        title = "Ce qui change pour les médecins de l'OFII — révision \(review.id)"
        reviewId = review.id
        self.base = base
        let oldLabel = base.baseVersion
        let newLabel = base.newLabel
        self.oldLabel = oldLabel
        self.newLabel = newLabel
        var why = [review.subject]
        if let event { why.append("Événement à l'origine de la révision (\(event.date.french)) : \(event.summary)") }
        // Only the notes the chair marked public: the others are the committee's internal notes.
        why += review.history.filter(\.notePublic).compactMap { step in step.note.map { "\(step.date.french), \(step.to.label) : \($0)" } }
        self.why = why
        let diff = ClauseDiffer().compare(old, new, oldLabel: oldLabel, newLabel: newLabel)
        var notesByWId: [String: [String]] = [:]
        for comment in comments {
            if let resolution = comment.resolution { notesByWId[comment.wId, default: []].append(resolution.note) }
        }
        // The anchors of the text the bulletin links to: only these can be linked.
        let anchors = Set(DocumentFlow.paragraphs(new).compactMap(\.anchor))
        var topics: [String: [Item]] = [:]
        var order: [String] = []
        var insertedParents: Set<String> = []
        for change in diff.changes where change.change != .unchanged && change.change != .renumbered && change.change != .moved {
            guard let snapshot = change.new ?? change.old else { continue }
            // A clause inserted with its parent is shown with it.
            if change.change == .inserted, insertedParents.contains(snapshot.parentWId) {
                insertedParents.insert(snapshot.wId)
                continue
            }
            if change.change == .inserted { insertedParents.insert(snapshot.wId) }
            let topic = Self.topic(of: change.eId, in: new, old: old)
            if topics[topic] == nil { order.append(topic) }
            var text: [FlowParagraph] = []
            let clause = new.clause(eId: change.eId)
            switch change.change {
            case .inserted:
                text = clause.map(DocumentFlow.paragraphs) ?? []
            case .deleted:
                text = (change.old?.blocks ?? []).map { FlowParagraph(.body, [.deleted($0)]) }
            default:
                if let diff = change.textDiff {
                    text = ComparisonTable.lines(diff.segments.map { segment in
                        switch segment.kind {
                        case .equal: return .text(segment.text)
                        case .inserted: return .inserted(segment.text)
                        case .deleted: return .deleted(segment.text)
                        }
                    })
                }
            }
            var notes = notesByWId[snapshot.wId] ?? []
            if change.change != .inserted {
                notes += (clause?.content ?? []).filter(\.isEditorialNote).map { "À vérifier : " + $0.plainText }
            }
            topics[topic, default: []].append(Item(eId: change.eId, what: Self.what(change, clause: clause),
                                                   text: text.map { Self.quoted($0, anchors: anchors) }, notes: notes,
                                                   inNewText: anchors.contains(change.eId)))
        }
        self.topics = Self.sorted(order).map { Topic(title: $0, items: topics[$0] ?? []) }
    }

    /// A paragraph of a clause as quoted in an item: its headings become plain lines (the bulletin's own
    /// headings are its only outline), its anchor goes (the item carries it), and a reference to a clause
    /// absent from the new text loses its link.
    static func quoted(_ paragraph: FlowParagraph, anchors: Set<String>) -> FlowParagraph {
        var quoted = paragraph
        quoted.anchor = nil
        switch paragraph.style {
        case .title, .heading1, .heading2, .heading3: quoted.style = .subtitle
        default: break
        }
        quoted.spans = paragraph.spans.map { span in
            if case .link(let text, let href) = span, href.hasPrefix("#"), !anchors.contains(String(href.dropFirst())) {
                return .text(text)
            }
            return span
        }
        return quoted
    }

    static let pathologyPrefix = "Pathologie — "

    /// Pathology sections of Annexe II first, then the rest of Annexe II, the articles, the other annexes.
    static func sorted(_ topics: [String]) -> [String] {
        func rank(_ topic: String) -> Int {
            if topic.hasPrefix(pathologyPrefix) { return 0 }
            if topic.hasPrefix("Annexe II ") || topic == "Annexe II" { return 1 }
            if topic.hasPrefix("Article") { return 2 }
            if topic == "Visas" { return 4 }
            return 3
        }
        return topics.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// The topic of a clause: a pathology subsection, a section of an annex, an article, the visas.
    static func topic(of eId: String, in new: LegalDocument, old: LegalDocument) -> String {
        let parts = eId.components(separatedBy: "__")
        if eId.hasPrefix("cit_") { return "Visas" }
        if let first = parts.first, first.hasPrefix("annex_") {
            let annex = new.annex(eId: first) ?? old.annex(eId: first)
            let annexName = annex?.number ?? first
            guard parts.count > 1 else { return annexName }
            let sectionId = parts[0...1].joined(separator: "__")
            let section = new.clause(eId: sectionId) ?? old.clause(eId: sectionId)
            if let section, section.kind == .section || section.kind == .subsection {
                if parts.count > 2, parts[2].hasPrefix("subsec_"),
                   section.headingText?.lowercased().contains("patholog") == true,
                   let sub = new.clause(eId: parts[0...2].joined(separator: "__")) ?? old.clause(eId: parts[0...2].joined(separator: "__")) {
                    return pathologyPrefix + (sub.headingText ?? sub.num ?? sub.eId)
                }
                return annexName + " — " + [section.num, section.headingText].compactMap { $0 }.joined(separator: " ")
            }
            return annexName
        }
        let article = new.clause(eId: parts[0]) ?? old.clause(eId: parts[0])
        return article?.num ?? parts[0]
    }

    static func what(_ change: ClauseChange, clause: Clause?) -> String {
        let snapshot = change.new ?? change.old
        let kind = snapshot?.kind ?? .paragraph
        let name: String
        switch kind {
        case .article: name = "article" + (snapshot?.num.map { " " + $0.replacingOccurrences(of: "Article ", with: "") } ?? "")
        case .paragraph: name = "alinéa"
        case .point: name = "point " + (snapshot?.num ?? "")
        case .section, .subsection: name = "section " + (snapshot?.heading ?? snapshot?.num ?? "")
        case .citation: name = "visa"
        default: name = kind.frenchName
        }
        switch change.change {
        case .inserted: return (kind == .section || kind == .subsection ? "Nouvelle " : "Nouvel ") + name + (kind == .point ? "" : "")
        case .deleted: return FrenchWords.capitalized(name) + " supprimé"
        default: return FrenchWords.capitalized(name) + " modifié"
        }
    }
}
