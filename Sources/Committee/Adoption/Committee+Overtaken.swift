import Foundation
import LegalText
import Register

/// What decided a review, for the other open reviews of the same text it overtakes.
enum ReviewDecision: Sendable, Hashable {
    /// The review was adopted as version `tag`: the text in force changed and the cadence restarts.
    case adoption(tag: String)
    /// The review was closed without change: the cadence restarts, the text did not change.
    case closure
}

extension Committee {
    /// The other open reviews of `decided`'s text, each with a step recording why it is affected (docs/COMMITTEE.md,
    /// "Reviews overtaken by a decision"):
    /// - an open **periodic** review is kept open and re-based: its due date moves to the cadence's new due date
    ///   (three years after `anchor`, never earlier than it was), since the decision completed a review of the text;
    /// - after an **adoption**, every open review is told that the text in force changed (its draft, built on an
    ///   earlier version, must be brought up to date before it can be adopted).
    /// The steps keep the review's stage (`from` = `to`) and are written in the decision's own commit.
    static func overtaken(by decided: Review, in state: CommitteeState, cause: ReviewDecision, anchor: LegalDate, seat: String,
                          person: String, today: LegalDate) -> [Review] {
        var result: [Review] = []
        for var other in state.reviews.values.sorted(by: { $0.id < $1.id })
        where other.id != decided.id && other.work == decided.work && other.status.isOpen {
            var sentences: [String] = []
            let what: String
            switch cause {
            case .adoption(let tag): what = "la révision \(decided.id) a été adoptée (version \(tag))"
            case .closure: what = "la révision \(decided.id) a été close sans modification le \(today.french)"
            }
            if other.kind == .periodic {
                let due = Cadence.due(after: anchor)
                if other.due.map({ $0 < due }) ?? true {
                    sentences.append("Échéance reportée \(other.due.map { "du \($0.french) " } ?? "")au \(due.french) : \(what), "
                                     + "ce qui fait repartir la cadence de révision périodique (révision maintenue ouverte).")
                    other.due = due
                }
            }
            if case .adoption(let tag) = cause {
                if let branch = other.draftBranch {
                    sentences.append("Le texte en vigueur a changé (version \(tag), révision \(decided.id)) : le projet \(branch), "
                                     + "établi sur une version antérieure, doit être mis à jour avant de pouvoir être adopté.")
                } else if sentences.isEmpty {
                    sentences.append("Le texte en vigueur a changé : \(what) ; le projet de cette révision partira de ce texte.")
                }
            }
            guard !sentences.isEmpty else { continue }
            other.history.append(Transition(from: other.status, to: other.status, date: today, seat: seat, person: person,
                                            note: sentences.joined(separator: " "), commit: nil))
            result.append(other)
        }
        return result
    }

    /// The last adopted version of `work` and the date from which it counts (its signature, or its consolidation
    /// date when later): a new version must be signed after it.
    static func lastVersion(of work: String, in versions: [VersionInfo]) -> (tag: String, signature: LegalDate)? {
        var best: (tag: String, signature: LegalDate)?
        for version in versions where version.kind == .adopted && version.record?.work == work {
            guard let date = [version.record?.signature, version.record?.consolidation].compactMap({ $0 }).max() else { continue }
            if best.map({ $0.signature < date }) ?? true { best = (version.name, date) }
        }
        return best
    }
}
