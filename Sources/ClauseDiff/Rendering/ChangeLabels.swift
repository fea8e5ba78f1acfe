/// How each change is named for readers: by its eId, except a deleted clause whose eId another
/// clause now bears (after a renumbering), named "ex <eId>" so that no two changes read the same.
struct ChangeLabels {
    private let reused: Set<String>

    init(_ diff: DocumentDiff) {
        var current: Set<String> = []
        for change in diff.changes { if let eId = change.new?.eId { current.insert(eId) } }
        reused = current
    }

    /// "art_4", or "ex art_4" for a deleted clause whose eId is now another clause's.
    func label(of change: ClauseChange) -> String {
        change.change == .deleted && reused.contains(change.eId) ? "ex " + change.eId : change.eId
    }

    /// A unique HTML id for the change's section.
    func anchor(of change: ClauseChange) -> String {
        change.change == .deleted && reused.contains(change.eId) ? "ex-" + change.eId : change.eId
    }

    /// " (appariement incertain : similarité 62 %)" for a weak match, else "".
    static func weakness(of change: ClauseChange) -> String {
        guard let evidence = change.matchedBy, evidence.isWeak else { return "" }
        return "appariement incertain : " + (evidence.score == nil ? "à vérifier" : evidence.frenchScore)
    }
}
