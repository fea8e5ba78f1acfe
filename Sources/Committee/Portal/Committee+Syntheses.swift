import Foundation
import LegalText
import Register

/// What a change to a synthesis gives; nil keeps the current value.
public struct SynthesisChange: Sendable, Hashable {
    public var title: String?
    public var paragraphs: [String]?
    public var pathologies: [String]?
    public var countries: [String]?
    public var references: [String]?
    /// Authors added to the synthesis's authors (the person making the change is added too).
    public var addedAuthors: [String]
    public var reviewBy: LegalDate?

    public init(title: String? = nil, paragraphs: [String]? = nil, pathologies: [String]? = nil, countries: [String]? = nil,
                references: [String]? = nil, addedAuthors: [String] = [], reviewBy: LegalDate? = nil) {
        self.title = title
        self.paragraphs = paragraphs
        self.pathologies = pathologies
        self.countries = countries
        self.references = references
        self.addedAuthors = addedAuthors
        self.reviewBy = reviewBy
    }
}

/// A synthesis whose review date has passed, as the dashboard shows it.
public struct OverdueSynthesis: Sendable, Hashable, Codable {
    public let id: String
    public let title: String
    public let date: LegalDate
    public let reviewBy: LegalDate
    /// Days since the review date.
    public let overdueDays: Int
}

extension Committee {
    /// Every synthesis at the tip of `main`, by id.
    public func syntheses() async throws(CommitteeError) -> [Synthesis] {
        try await state().syntheses.values.sorted { $0.id < $1.id }
    }

    /// The syntheses of `state` whose review date has passed on `today`, the oldest review date first.
    public static func overdueSyntheses(in state: CommitteeState, today: LegalDate) -> [OverdueSynthesis] {
        state.syntheses.values.filter { $0.isOverdue(on: today) }
            .sorted { ($0.reviewBy, $0.id) < ($1.reviewBy, $1.id) }
            .map { OverdueSynthesis(id: $0.id, title: $0.title, date: $0.date, reviewBy: $0.reviewBy,
                                    overdueDays: $0.reviewBy.days(until: today)) }
    }

    /// Checks that every reference id names a reference of `state`.
    static func checkReferences(_ ids: [String], in state: CommitteeState) throws(CommitteeError) {
        for id in ids where state.references[id] == nil { throw .unknownReference(id) }
    }

    /// Records a new synthesis, dated `today` unless its date is given, written by `author` (added to its authors),
    /// as one commit on `main`.
    /// - Throws: ``CommitteeError/invalidInput(_:)`` for a synthesis missing what it must hold,
    ///   ``CommitteeError/recordExists(kind:id:)``, ``CommitteeError/unknownReference(_:)``, a forbidden character.
    @discardableResult
    public func addSynthesis(_ synthesis: Synthesis, author: Identity) async throws(CommitteeError) -> Synthesis {
        var recorded = synthesis
        recorded.pathologies = Self.cleaned(recorded.pathologies)
        recorded.countries = Self.cleaned(recorded.countries)
        recorded.references = Self.cleaned(recorded.references)
        recorded.authors = Self.cleaned([Self.label(author)] + recorded.authors)
        recorded.title = recorded.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = recorded.problem { throw .invalidInput(problem + " : rien n'a été enregistré.") }
        let final = recorded
        try await write(message: "Portail : synthèse \(final.id) publiée (\(final.date.iso))", author: author) { state throws(CommitteeError) in
            guard state.syntheses[final.id] == nil else { throw .recordExists(kind: "synthèse", id: final.id) }
            try Self.checkReferences(final.references, in: state)
            return [Synthesis.path(final.id): try Self.data(final)]
        }
        return final
    }

    /// Records a new version of synthesis `id` dated `today`, as one commit on `main`. The review date is the one given,
    /// else kept; a synthesis whose review date had passed is reviewed by this change: its next review is then
    /// ``Synthesis/defaultReviewMonths`` months after `today`.
    /// - Throws: ``CommitteeError/unknownSynthesis(_:)``, ``CommitteeError/invalidInput(_:)`` (nothing changed, or a
    ///   value missing), ``CommitteeError/unknownReference(_:)``, a forbidden character.
    @discardableResult
    public func modifySynthesis(_ id: String, _ change: SynthesisChange, author: Identity, today: LegalDate)
        async throws(CommitteeError) -> Synthesis {
        var result: Synthesis?
        try await write(message: "Portail : synthèse \(id) modifiée (\(today.iso))", author: author) { state throws(CommitteeError) in
            guard let current = state.syntheses[id] else { throw .unknownSynthesis(id) }
            var next = current
            if let title = change.title { next.title = title.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let paragraphs = change.paragraphs { next.paragraphs = paragraphs }
            if let pathologies = change.pathologies { next.pathologies = Self.cleaned(pathologies) }
            if let countries = change.countries { next.countries = Self.cleaned(countries) }
            if let references = change.references { next.references = Self.cleaned(references) }
            guard next != current || !change.addedAuthors.isEmpty || change.reviewBy != nil else {
                throw .invalidInput("synthèse \(id) : rien à modifier (titre, texte, pathologies, pays, références et date de révision "
                                    + "inchangés) : rien n'a été enregistré.")
            }
            next.authors = Self.cleaned(current.authors + change.addedAuthors + [Self.label(author)])
            next.date = max(today, current.date)
            if let reviewBy = change.reviewBy {
                next.reviewBy = reviewBy
            } else if current.isOverdue(on: today) || current.reviewBy <= next.date {
                next.reviewBy = next.date.adding(months: Synthesis.defaultReviewMonths)
            }
            if let problem = next.problem { throw .invalidInput(problem + " : rien n'a été enregistré.") }
            try Self.checkReferences(next.references.filter { !current.references.contains($0) }, in: state)
            result = next
            return [Synthesis.path(id): try Self.data(next)]
        }
        guard let result else { throw .unknownSynthesis(id) }
        return result
    }

    /// Every version of synthesis `id` on `main`, oldest first, numbered from 1 (a commit that deleted the record ends
    /// the list).
    /// - Throws: ``CommitteeError/unknownSynthesis(_:)`` when it was never recorded.
    public func synthesisVersions(_ id: String) async throws(CommitteeError) -> [SynthesisVersion] {
        guard Identifiers.isValid(id) else { throw .unknownSynthesis(id) }
        let path = Synthesis.path(id)
        let commits = try await call { () async throws(RegisterError) in try await register.recordHistory(of: path) }
        var versions: [SynthesisVersion] = []
        for commit in commits {
            guard let data = try await call({ () async throws(RegisterError) in try await register.record(at: path, in: commit.id) }) else {
                continue
            }
            let (clean, _) = XMLCharacters.removingDisallowed(from: data)
            let synthesis = try Synthesis(data: clean, file: path)
            versions.append(SynthesisVersion(number: versions.count + 1, commit: commit.id.description,
                                             author: Self.label(commit.author), summary: commit.summary, synthesis: synthesis))
        }
        guard !versions.isEmpty else { throw .unknownSynthesis(id) }
        return versions
    }

    /// Trimmed, without empty values or repetitions, in the order given.
    static func cleaned(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for value in values {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { continue }
            result.append(trimmed)
        }
        return result
    }
}
