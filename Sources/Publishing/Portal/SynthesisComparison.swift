import ClauseDiff
import Committee
import Foundation
import LegalText

/// Two versions of a synthesis compared: the title and the body word by word (ClauseDiff's French word diff), and
/// the other fields (pathologies, countries, references, authors, dates) as sentences.
public struct SynthesisComparison: Sendable, Hashable {
    public let id: String
    public let old: SynthesisVersion
    public let new: SynthesisVersion
    public let title: WordDiff
    /// The body, paragraph by paragraph: each paragraph a run of kept, deleted and inserted text.
    public let paragraphs: [[WordDiff.Segment]]
    /// What changed in the other fields, in French (« pays ajoutés : Mali »).
    public let fieldChanges: [String]

    public init(old: SynthesisVersion, new: SynthesisVersion) {
        id = new.synthesis.id
        self.old = old
        self.new = new
        title = WordDiff(old: old.synthesis.title, new: new.synthesis.title)
        paragraphs = Self.split(WordDiff(old: old.synthesis.body, new: new.synthesis.body).segments)
        var changes: [String] = []
        func list(_ name: String, _ before: [String], _ after: [String]) {
            let added = after.filter { !before.contains($0) }
            let removed = before.filter { !after.contains($0) }
            if !added.isEmpty { changes.append("\(name) ajoutés : \(added.joined(separator: ", "))") }
            if !removed.isEmpty { changes.append("\(name) retirés : \(removed.joined(separator: ", "))") }
        }
        let a = old.synthesis, b = new.synthesis
        list("pathologies", a.pathologies, b.pathologies)
        list("pays", a.countries, b.countries)
        list("références", a.references, b.references)
        list("auteurs", a.authors, b.authors)
        if a.date != b.date { changes.append("date : \(a.date.french) → \(b.date.french)") }
        if a.reviewBy != b.reviewBy { changes.append("à réviser au plus tard le : \(a.reviewBy.french) → \(b.reviewBy.french)") }
        fieldChanges = changes
    }

    /// Whether the two versions hold the same title, body and fields.
    public var isUnchanged: Bool { title.isUnchanged && paragraphs.allSatisfy { $0.allSatisfy { $0.kind == .equal } } && fieldChanges.isEmpty }

    /// Splits a word diff of bodies (paragraphs joined by a blank line) back into paragraphs, at the breaks both
    /// versions share (in kept text); a break only one version has stays inside its deleted or inserted run (cutting
    /// there would move the other version's words into the wrong paragraph).
    static func split(_ segments: [WordDiff.Segment]) -> [[WordDiff.Segment]] {
        var result: [[WordDiff.Segment]] = [[]]
        for segment in segments {
            guard segment.kind == .equal else {
                result[result.count - 1].append(segment)
                continue
            }
            let parts = segment.text.components(separatedBy: "\n\n")
            for (index, part) in parts.enumerated() {
                if index > 0 { result.append([]) }
                let text = part.trimmingCharacters(in: .newlines)
                if !text.isEmpty { result[result.count - 1].append(WordDiff.Segment(segment.kind, text)) }
            }
        }
        return result.filter { !$0.isEmpty }
    }

    /// The comparison as plain text: `[-supprimé-]` and `{+inséré+}`, one paragraph per block.
    public var text: String {
        func render(_ segments: [WordDiff.Segment]) -> String {
            segments.map { segment in
                switch segment.kind {
                case .equal: return segment.text
                case .deleted: return "[-" + segment.text + "-]"
                case .inserted: return "{+" + segment.text + "+}"
                }
            }.joined()
        }
        var lines = ["Synthèse \(id) : version \(old.number) (\(old.synthesis.date.french), \(old.commit.prefix(12))) → "
                     + "version \(new.number) (\(new.synthesis.date.french), \(new.commit.prefix(12)))", ""]
        lines.append("Titre : " + render(title.segments))
        if !fieldChanges.isEmpty { lines += [""] + fieldChanges.map { "  " + $0 } }
        lines.append("")
        lines += paragraphs.map(render).flatMap { [$0, ""] }
        if isUnchanged { lines.append("Aucune différence entre ces deux versions.") }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }
}

extension Publisher {
    /// The versions of synthesis `id`, oldest first.
    public func synthesisVersions(_ id: String) async throws(PublishingError) -> [SynthesisVersion] {
        do { return try await committee.synthesisVersions(id) } catch { throw .committee(error) }
    }

    /// Versions `from` and `to` (numbers from 1) of synthesis `id` compared; by default the last version with the one
    /// before it. Nil when the synthesis has one version only (nothing to compare) and none was asked.
    /// - Throws: ``CommitteeError/unknownSynthesis(_:)``; ``CommitteeError/invalidInput(_:)`` for a version number the
    ///   synthesis does not have.
    public func synthesisComparison(_ id: String, from: Int? = nil, to: Int? = nil) async throws(PublishingError)
        -> SynthesisComparison? {
        let versions = try await synthesisVersions(id)
        if from == nil && to == nil && versions.count < 2 { return nil }
        let last = versions.count
        let newNumber = to ?? last
        let oldNumber = from ?? (newNumber - 1)
        for number in [oldNumber, newNumber] where !(1...last).contains(number) {
            throw .committee(.invalidInput("la synthèse \(id) n'a pas de version \(number) : ses versions vont de 1 à \(last)."))
        }
        return SynthesisComparison(old: versions[oldNumber - 1], new: versions[newNumber - 1])
    }
}
