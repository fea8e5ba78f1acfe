import Foundation
import LegalText

extension TextRegister {
    /// Commits an official consolidation history (e.g. read from Légifrance LEGI XML): one commit on
    /// `main` per consolidation date (an abrogation of the whole text is one too), dated that day when
    /// git can store it (``commitDate(_:now:)``), tagged ``VersionRecord/tagName`` with the official
    /// (JORF) references in the tag message. Every version is validated first: if any has a problem,
    /// nothing is committed. Re-importing the same timeline is a no-op; a tag that exists with a
    /// different text is refused.
    ///
    /// All or nothing: every commit and tag object is written first, then `main` and the tags move in
    /// one final step. A task cancelled before that step throws ``RegisterError/cancelled`` and leaves
    /// every reference as it was. A register left with versions committed but not tagged (by a writer
    /// killed during that step, or by an import before this one was all or nothing) is completed: those
    /// commits are tagged, not written again.
    public func importTimeline(_ timeline: ConsolidationTimeline, author: Identity) async throws(RegisterError) -> [ImportOutcome] {
        var problems: [ValidationProblem] = []
        for version in timeline.versions {
            let file = "\(timeline.source) (version du \(version.date.iso))"
            problems += LegalTextValidator.validate(SourceDocument(file: file, document: version.document))
        }
        guard problems.isEmpty else { throw .invalidDocuments(problems) }
        var planned: [(version: ConsolidationTimeline.Version, record: VersionRecord, files: [String: Data], tag: TagInfo?)] = []
        for version in timeline.versions {
            var record = VersionRecord(document: version.document)
            record.consolidation = version.date
            record.officialReferences = version.officialReferences
            let files = RegisterLayout.files(for: version.document)
            // Refuse before writing anything: a tag of the same name holding another text.
            let existing = try await existingTag(for: record)
            if let existing, try await !sameFiles(files, work: record.work, at: existing.target) {
                throw .versionDiffers(version: existing.name, source: timeline.source)
            }
            planned.append((version, record, files, existing))
        }
        var pending = PendingWrite(main: try await store.tip())
        let untagged = try await untaggedCommits(planned.filter { $0.tag == nil }.map { Self.summary(of: $0.version, work: $0.record.work) })
        var present: [String: [String: Data]] = [:]
        var outcomes: [ImportOutcome] = []
        for plan in planned {
            try Self.checkCancellation()
            guard let tagName = plan.record.tagName else { continue }
            if let existing = plan.tag {
                outcomes.append(ImportOutcome(source: timeline.source, version: existing.name, commit: existing.target,
                                              status: .alreadyPresent))
                continue
            }
            let date = Self.commitDate(plan.version.date)
            let work = plan.record.work
            let summary = Self.summary(of: plan.version, work: work)
            var target: ObjectID
            if let resumed = untagged[summary], try await sameFiles(plan.files, work: work, at: resumed) {
                target = resumed  // committed by an import that stopped before tagging
            } else {
                if present[work] == nil, let tip = pending.main {
                    present[work] = try await store.readFiles(under: RegisterLayout.folder(work: work), at: tip)
                }
                let before = present[work] ?? [:]
                var changes: [String: Data?] = [:]
                for (path, data) in plan.files where before[path] != data { changes[path] = data }
                for path in before.keys where plan.files[path] == nil { changes.updateValue(nil, forKey: path) }
                var message = summary + "\n\n\(plan.record.title)\n"
                if plan.version.kind == .abrogation {
                    message += "\nTexte abrogé : plus aucun article en vigueur à compter du \(plan.version.date.french).\n"
                }
                if !plan.version.changes.isEmpty {
                    message += "\n" + plan.version.changes.map { "- " + $0 }.joined(separator: "\n") + "\n"
                }
                for reference in plan.version.officialReferences { message += "\nRéférence officielle : \(reference)" }
                if let note = Self.commitDateNote(plan.version.date) { message += "\n\n" + note }
                message += "\n\nImportée depuis \(timeline.source)."
                target = try await store.writeCommitObject(changes: changes, message: message, author: author, date: date,
                                                           parent: pending.main, signer: signer)
                if let parent = pending.main { pending.changedPaths.append((Array(changes.keys), parent, target)) }
                pending.main = target
                present[work] = plan.files
            }
            let tag = try await store.writeTagObject(name: tagName, target: target, message: plan.record.message,
                                                     tagger: author, date: date)
            pending.tags.append((tagName, tag, target))
            outcomes.append(ImportOutcome(source: timeline.source, version: tagName, commit: target, status: .created))
        }
        try await complete(pending)
        return outcomes
    }

    /// The first line of the commit of a consolidated version.
    static func summary(of version: ConsolidationTimeline.Version, work: String) -> String {
        version.kind == .abrogation
            ? "Abrogation au \(version.date.french) (\(work))"
            : "Version consolidée au \(version.date.french) (\(work))"
    }

    /// The commits of `main` (first parents, most recent first) whose first line is one of `summaries`
    /// and that no tag names: versions an earlier import committed without tagging them.
    private func untaggedCommits(_ summaries: [String]) async throws(RegisterError) -> [String: ObjectID] {
        guard !summaries.isEmpty, let tip = try await store.tip() else { return [:] }
        let wanted = Set(summaries)
        let tagged = Set(try await store.tags().map(\.target))
        var found: [String: ObjectID] = [:]
        for commit in try await store.log(from: tip, firstParentOnly: true)
        where wanted.contains(commit.summary) && !tagged.contains(commit.id) && found[commit.summary] == nil {
            found[commit.summary] = commit.id
        }
        return found
    }

    /// Imports one whole document (an Akoma Ntoso file from another tool): an adopted version goes to
    /// `main` tagged at its signature, a draft to `draft/<draftName>`. The document is validated first.
    public func importDocument(_ source: SourceDocument, draftName: String, author: Identity) async throws(RegisterError) -> ImportOutcome {
        // A document from another tool is held to the Akoma Ntoso level and kept as it is; one written by
        // suivi, to the suivi profile.
        let problems = LegalTextValidator.validate(source, profile: source.document.profile)
        guard problems.isEmpty else { throw .invalidDocuments(problems) }
        if source.document.isDraft {
            _ = try DraftName(draftName)
            return try await importDraft([source.document], name: draftName, source: source.file, author: author)
        }
        return try await importAdopted(source.document, source: source.file, author: author)
    }
}
