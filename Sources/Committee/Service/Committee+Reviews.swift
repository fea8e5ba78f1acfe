import Foundation
import LegalText
import Register

/// What `advance` needs besides the target stage.
public struct AdvanceRequest: Sendable, Hashable {
    public var to: ReviewStatus
    public var note: String?
    /// Whether the note may be published (the bulletin shows it); otherwise it is an internal note of the committee.
    public var notePublic: Bool = false
    /// For an adoption: the legal dates of the new version.
    public var adoption: AdoptionDates?
    /// For an adoption: the chair adopts knowingly despite unresolved comments, seats without a position and
    /// stale positions (``AdoptionOutstanding``); without it, such an adoption is refused with the list.
    public var confirmOutstanding: Bool
    /// For an adoption: the chair confirms a signature more than ``AdoptionDateRules/confirmableDays`` ahead.
    public var confirmFutureSignature: Bool

    public init(to: ReviewStatus, note: String? = nil, adoption: AdoptionDates? = nil, confirmOutstanding: Bool = false,
                confirmFutureSignature: Bool = false, notePublic: Bool = false) {
        self.to = to
        self.note = note
        self.notePublic = notePublic
        self.adoption = adoption
        self.confirmOutstanding = confirmOutstanding
        self.confirmFutureSignature = confirmFutureSignature
    }
}

extension Committee {
    /// The stages each stage may move to.
    public static let allowedTransitions: [ReviewStatus: [ReviewStatus]] = [
        .opened: [.drafting, .closedWithoutChange],
        .drafting: [.consultation, .closedWithoutChange],
        .consultation: [.drafting, .adopted, .closedWithoutChange],
        .adopted: [.disseminated],
        .closedWithoutChange: [.disseminated],
        .disseminated: [],
    ]

    /// Why a step is not allowed, or nil when it is.
    static func refusal(from: ReviewStatus, to: ReviewStatus) -> String? {
        if allowedTransitions[from]?.contains(to) ?? false { return nil }
        if from == to { return "la révision est déjà à cette étape" }
        switch (from, to) {
        case (.opened, .consultation): return "il faut d'abord rédiger un projet"
        case (.opened, .adopted), (.drafting, .adopted):
            return "le comité doit d'abord être consulté sur le projet"
        case (_, .disseminated): return "seule une révision adoptée ou close sans modification se diffuse"
        case (.adopted, _), (.closedWithoutChange, _), (.disseminated, _): return "la révision est déjà décidée"
        case (_, .opened): return "une révision ne revient pas à l'étape « ouverte »"
        default:
            let cycle = [[ReviewStatus.opened], [.drafting], [.consultation], [.adopted, .closedWithoutChange], [.disseminated]]
            return "étape non prévue par le cycle des révisions : "
                + cycle.map { $0.map(\.label).joined(separator: " ou ") }.joined(separator: " → ")
        }
    }

    /// Opens a review of text `work`: periodic (due on the cadence's date) or triggered by event `event`
    /// (due on the event's assessment deadline, which it ends). Only the chair's seat opens reviews.
    @discardableResult
    public func openReview(
        id: String, kind: ReviewKind, work: String?, event eventID: String?, subject: String?, acting: Acting,
        today: LegalDate
    ) async throws(CommitteeError) -> Review {
        guard Identifiers.isValid(id) else {
            throw .invalidInput("identifiant de révision « \(id) » invalide : lettres, chiffres, « - » et « _ » seulement.")
        }
        if kind == .event && eventID == nil { throw .inputRequired("une révision sur événement indique l'événement", fields: [.event]) }
        if kind == .periodic && eventID != nil { throw .invalidInput("une révision périodique n'a pas d'événement déclencheur.") }
        var opened: Review?
        let state0 = try await state()
        let (_, person0) = try resolveChair(acting, in: state0, on: today, action: "ouvrir une révision")
        try await write(message: "Comité : révision \(id) ouverte", author: person0) { state throws(CommitteeError) in
            let (seat, person) = try resolveChair(acting, in: state, on: today, action: "ouvrir une révision")
            guard state.reviews[id] == nil else { throw .reviewExists(id) }
            guard let main = state.commit else { throw .register(.noAdoptedVersion) }
            let works = try await call { () async throws(RegisterError) in try await register.works(at: main) }
            let chosen: String
            if let work { chosen = work } else if works.count == 1, let only = works.first { chosen = only } else {
                throw .inputRequired("indiquez le texte parmi \(works.joined(separator: ", "))", fields: [.text])
            }
            guard works.contains(chosen) else { throw .unknownText(chosen) }
            var changes: [String: Data?] = [:]
            var due: LegalDate?
            var subjectText = subject ?? ""
            switch kind {
            case .periodic:
                if let other = state.reviews.values.first(where: { $0.work == chosen && $0.kind == .periodic && $0.status.isOpen }) {
                    throw .invalidInput("la révision périodique « \(other.id) » de \(chosen) est déjà en cours.")
                }
                due = try await cadence(of: chosen, in: state, today: today).due
                if subjectText.isEmpty { subjectText = "Révision périodique (au moins tous les trois ans) de \(chosen)." }
            case .event:
                guard let eventID, var event = state.events[eventID] else { throw .unknownEvent(eventID ?? "") }
                guard event.status == .assessing else { throw .eventClosed(eventID) }
                guard event.works.isEmpty || event.works.contains(chosen) else {
                    throw .invalidInput("l'événement « \(eventID) » ne concerne pas le texte \(chosen).")
                }
                event.status = .revision
                event.review = id
                changes[CommitteeEvent.path(eventID)] = try Self.data(event)
                due = event.deadline
                if subjectText.isEmpty { subjectText = "Révision à la suite de l'événement \(eventID) : \(event.summary)" }
            }
            let review = Review(id: id, kind: kind, work: chosen, opened: today, due: due, event: eventID, subject: subjectText,
                                history: [Transition(from: nil, to: .opened, date: today, seat: seat.id,
                                                     person: Self.label(person), note: nil, commit: nil)])
            changes[Review.path(id)] = try Self.data(review)
            opened = review
            return changes
        }
        guard let opened else { throw .unknownReview(id) }
        return opened
    }

    /// Moves a review to its next stage, after checking the step is allowed:
    /// - `redaction`: starts the draft branch `draft/<review>` from the text in force;
    /// - `consultation`: freezes the draft branch's current commit as the one the committee is consulted on;
    /// - `adoptee`: only the chair's seat, only when the draft's tip is the consulted commit; writes the draft
    ///   on `main` as a new adopted version with the dates given, tags it, and so restarts the cadence;
    /// - `close-sans-modification`: needs a reason; for an event-triggered review, records the decision not
    ///   to revise on the event;
    /// - `diffusee`: after a decision.
    @discardableResult
    public func advance(review id: String, _ request: AdvanceRequest, acting: Acting, today: LegalDate)
        async throws(CommitteeError) -> Review {
        let action = "faire avancer une révision"
        // Checked before anything is written (the draft branch is created before the record): the note goes into
        // the review's record, the publication reference into the adopted version's metadata.
        try RecordText.check(request.note, field: "motif", record: "révision")
        try RecordText.check(request.adoption?.publicationReference, field: "journal (référence de publication)", record: "version adoptée")
        let initial = try await state()
        let current = try initial.review(id)
        if let reason = Self.refusal(from: current.status, to: request.to) {
            throw .transitionRefused(review: id, from: current.status.rawValue, to: request.to.rawValue, reason: reason)
        }
        let (_, author) = try resolveChair(acting, in: initial, on: today,
                                           action: request.to == .adopted ? "adopter une révision" : action)
        if request.to == .closedWithoutChange && (request.note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw .inputRequired("une révision close sans modification indique sa raison", fields: [.reason])
        }
        if request.to == .adopted {
            return try await adopt(current, request, acting: acting, author: author, today: today)
        }
        // Drafting needs its branch before the record says so; create it only once every check passed.
        if request.to == .drafting && current.draftBranch == nil {
            let draft = try await call { () async throws(RegisterError) in try DraftName(id) }
            if try await call({ () async throws(RegisterError) in try await register.tip(of: draft) }) == nil {
                _ = try await call { () async throws(RegisterError) in try await register.startDraft(id, author: author, today: today) }
            }
        }
        var result = current
        try await write(message: "Comité : révision \(id) → \(request.to.label)", author: author) { state throws(CommitteeError) in
            var review = try state.review(id)
            if let reason = Self.refusal(from: review.status, to: request.to) {
                throw .transitionRefused(review: id, from: review.status.rawValue, to: request.to.rawValue, reason: reason)
            }
            let (seat, person) = try resolveChair(acting, in: state, on: today, action: action)
            var changes: [String: Data?] = [:]
            var commit: String?
            switch request.to {
            case .drafting:
                review.draftBranch = try await call { () async throws(RegisterError) in try DraftName(id).branch }
            case .consultation:
                guard let branch = review.draftBranch, let tip = try await draftTip(branch) else {
                    throw .wrongStage(review: id, stage: review.status.rawValue, reason: "le projet n'a pas de branche de rédaction")
                }
                guard let main = state.commit else { throw .register(.noAdoptedVersion) }
                // A draft's own metadata (its date, its expression URI) is no change of the text.
                let unchanged = try await call { () async throws(RegisterError) in
                    try await register.sameText(at: tip, and: main, work: review.work)
                }
                if unchanged {
                    throw .draftUnchanged(review: id, from: review.status.rawValue, to: request.to.rawValue, draft: id)
                }
                review.consultedCommit = tip.description
                commit = tip.description
            case .closedWithoutChange:
                if let eventID = review.event, var event = state.events[eventID] {
                    event.status = .noRevision
                    event.decisionDate = today
                    event.decisionReason = request.note
                    changes[CommitteeEvent.path(eventID)] = try Self.data(event)
                }
                let cadence = try await cadence(of: review.work, in: state, today: today)
                let anchor = [today, cadence.anchor].compactMap { $0 }.max() ?? today
                for other in Self.overtaken(by: review, in: state, cause: .closure, anchor: anchor, seat: seat.id,
                                            person: Self.label(person), today: today) {
                    changes[Review.path(other.id)] = try Self.data(other)
                }
            default:
                break
            }
            review.history.append(Transition(from: review.status, to: request.to, date: today, seat: seat.id,
                                             person: Self.label(person), note: request.note, commit: commit,
                                             notePublic: request.notePublic))
            review.status = request.to
            changes[Review.path(id)] = try Self.data(review)
            result = review
            return changes
        }
        return result
    }

    private func adopt(_ current: Review, _ request: AdvanceRequest, acting: Acting, author: Identity, today: LegalDate)
        async throws(CommitteeError) -> Review {
        let id = current.id
        guard let dates = request.adoption else {
            throw .inputRequired("l'adoption indique la date de signature et la date d'entrée en vigueur", fields: [.signatureDate, .entryIntoForceDate])
        }
        for _ in 0..<20 {
            let state = try await self.state()
            var review = try state.review(id)
            if let reason = Self.refusal(from: review.status, to: .adopted) {
                throw .transitionRefused(review: id, from: review.status.rawValue, to: ReviewStatus.adopted.rawValue, reason: reason)
            }
            let (seat, person) = try resolveChair(acting, in: state, on: today, action: "adopter une révision")
            guard let branch = review.draftBranch, let tip = try await draftTip(branch) else { throw .wrongStage(review: id, stage: review.status.rawValue, reason: "le projet n'a pas de branche de rédaction") }
            guard review.consultedCommit == tip.description else {
                throw .notConsultedOnDraft(review: id, consulted: review.consultedCommit.map { String($0.prefix(12)) },
                                           tip: tip.abbreviated)
            }
            guard let main = state.commit else { throw .register(.noAdoptedVersion) }
            // A draft built on an earlier text in force is refused first: no confirmation can make it adoptable.
            try await call { () async throws(RegisterError) in try await register.checkUpToDate(tip, work: review.work, main: main) }
            let versions = try await call { () async throws(RegisterError) in try await register.versions() }
            let problems = AdoptionDateRules.problems(of: dates, today: today, lastVersion: Self.lastVersion(of: review.work, in: versions),
                                                      futureConfirmed: request.confirmFutureSignature)
            guard problems.isEmpty else { throw .adoptionDatesRefused(review: id, problems: problems) }
            let outstanding = AdoptionOutstanding(review: review, in: state)
            guard outstanding.isEmpty || request.confirmOutstanding else {
                throw .adoptionNotConfirmed(review: id, outstanding: outstanding)
            }
            let tagName = VersionRecord.tagName(work: review.work, date: dates.signature)
            var note = request.note
            if !outstanding.isEmpty {
                let knowingly = "Adoptée en connaissance de cause malgré : " + outstanding.phrases.joined(separator: " ; ") + "."
                note = [request.note, knowingly].compactMap { $0 }.joined(separator: "\n")
            }
            review.history.append(Transition(from: review.status, to: .adopted, date: today, seat: seat.id,
                                             person: Self.label(person), note: note, commit: tip.description,
                                             notePublic: request.notePublic))
            review.status = .adopted
            review.adoptedVersion = tagName
            let lastReview = try await cadence(of: review.work, in: state, today: today).lastReviewDate
            let anchor = [dates.signature, today, lastReview].compactMap { $0 }.max() ?? today
            var extra: [String: Data?] = [Review.path(id): try Self.data(review)]
            for other in Self.overtaken(by: review, in: state, cause: .adoption(tag: tagName), anchor: anchor, seat: seat.id,
                                        person: Self.label(person), today: today) {
                extra[Review.path(other.id)] = try Self.data(other)
            }
            let message = "Version du \(dates.signature.french) (\(review.work)) adoptée\n\n"
                + "Révision \(id), projet \(branch) (\(tip.abbreviated)) sur lequel le comité a été consulté.\n"
                + "Adoptée par le siège \(seat.id) (\(Self.label(person)))."
            do {
                _ = try await register.adoptDraft(at: tip, work: review.work, dates: dates,
                                                  message: signedMessage(message, author: person), author: person,
                                                  extraChanges: extra, expectedMain: main)
                return review
            } catch {
                if case .conflict = error { await Task.yield(); continue }
                throw .register(error)
            }
        }
        throw .register(.retriesExhausted(ref: TextRegister.mainBranch, attempts: 20))
    }
}
