import ClauseDiff
import LegalText
import Publishing
import Register

/// What the text page shows of a document: its table of contents, visas, articles and annexes.
struct DocumentView {
    struct BlockView {
        let text: String
        let note: Bool
    }

    struct ClauseView {
        let eId: String
        /// As a lawyer names it (« Article 3, deuxième alinéa »), else the eId.
        let name: String
        let kind: String
        let isHeaded: Bool
        let hasNum: Bool
        let num: String
        let hasHeading: Bool
        let heading: String
        let blocks: [BlockView]
        let children: [ClauseView]
        let wrapUp: [BlockView]
    }

    struct AnnexView {
        let eId: String
        let number: String
        let hasTitle: Bool
        let title: String
        let clauses: [ClauseView]
    }

    struct TocEntry {
        let eId: String
        let label: String
        let level: Int
    }

    /// An adopted version that enters into force later, announced on the home page.
    struct Announcement {
        let version: String
        let versionQuery: String
        let hasSignature: Bool
        let signature: String
        let entry: String

        init(_ version: VersionInfo) {
            self.version = version.name
            versionQuery = TextController.encode(version.name)
            hasSignature = version.record?.signature != nil
            signature = version.record?.signature?.french ?? ""
            entry = version.record?.entryIntoForce?.french ?? ""
        }
    }

    /// What the reader is told at the top when the text is not the text in force (``ForceNotice``).
    let hasForceNotice: Bool
    let forceNotices: [String]
    let hasUpcoming: Bool
    let upcoming: [Announcement]
    let documentTitle: String
    let versionLine: String
    let isTranscription: Bool
    let dateValue: String
    /// The query every clause's history link carries (`?version=…`): the history page reads the eId as this
    /// version numbers it, so a clause renumbered since (or before) is never confused with another.
    let historyQuery: String
    let toc: [TocEntry]
    let hasVisas: Bool
    let visas: [ClauseView]
    let body: [ClauseView]
    let annexes: [AnnexView]

    init(_ document: LegalDocument, versionLine: String, dateValue: String, historyVersion: String, notice: String? = nil,
         upcoming: [Announcement] = []) {
        historyQuery = "?version=" + TextController.encode(historyVersion)
        hasForceNotice = notice != nil
        forceNotices = notice.map { [$0] } ?? []
        hasUpcoming = !upcoming.isEmpty
        self.upcoming = upcoming
        let names = Designation.names(in: document)
        func view(_ clause: Clause) -> ClauseView { Self.view(clause, names: names) }
        documentTitle = document.title ?? "Texte"
        self.versionLine = versionLine
        isTranscription = document.isWorkingTranscription
        self.dateValue = dateValue
        visas = document.citations.map(view)
        hasVisas = !visas.isEmpty
        body = document.body.map(view)
        annexes = document.annexes.map { annex in
            AnnexView(eId: annex.eId, number: annex.number ?? annex.eId, hasTitle: annex.title != nil, title: annex.title ?? "",
                      clauses: annex.clauses.map(view))
        }
        var toc: [TocEntry] = []
        if hasVisas { toc.append(TocEntry(eId: "preambule", label: "Visas", level: 1)) }
        func add(_ clause: Clause, level: Int) {
            guard clause.kind != .paragraph, clause.kind != .list, clause.kind != .point else { return }
            toc.append(TocEntry(eId: clause.eId, label: Self.label(clause), level: level))
            if level < 2 { for child in clause.children { add(child, level: level + 1) } }
        }
        for clause in document.body { add(clause, level: 1) }
        for annex in document.annexes {
            toc.append(TocEntry(eId: annex.eId, label: [annex.number, annex.title].compactMap { $0 }.joined(separator: " — "), level: 1))
            for clause in annex.clauses { add(clause, level: 2) }
        }
        self.toc = toc
    }

    /// "Article 3 — Titre", else the eId.
    static func label(_ clause: Clause) -> String {
        let parts = [clause.num, clause.headingText].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return parts.isEmpty ? clause.eId : parts.joined(separator: " — ")
    }

    static func view(_ clause: Clause, names: [String: String]) -> ClauseView {
        let headed = clause.kind != .paragraph && clause.kind != .list && clause.kind != .point && clause.kind != .citation
        return ClauseView(eId: clause.eId, name: names[clause.eId] ?? clause.eId, kind: clause.kind.rawValue, isHeaded: headed, hasNum: clause.num != nil, num: clause.num ?? "",
                          hasHeading: clause.headingText != nil, heading: clause.headingText ?? "",
                          blocks: (clause.intro + clause.content).map(block), children: clause.children.map { view($0, names: names) },
                          wrapUp: clause.wrapUp.map(block))
    }

    static func block(_ block: Block) -> BlockView {
        BlockView(text: block.plainText, note: block.isEditorialNote)
    }
}

extension DocumentDiff {
    /// The same comparison under other labels.
    func relabelled(_ oldLabel: String, _ newLabel: String) -> DocumentDiff {
        DocumentDiff(oldLabel: oldLabel, newLabel: newLabel, changes: changes, metadataChanges: metadataChanges,
                     unchangedUnlisted: unchangedUnlisted)
    }
}
