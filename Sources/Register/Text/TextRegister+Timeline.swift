import Foundation
import LegalText

extension TextRegister {
    /// Commits an official consolidation history (e.g. read from Légifrance LEGI XML): one commit on
    /// `main` per consolidation date, dated that day, tagged `v<date>` with the official (JORF)
    /// references in the tag message. Every version is validated first: if any has a problem,
    /// nothing is committed. Re-importing the same timeline is a no-op; a tag that exists with a
    /// different text is refused.
    public func importTimeline(_ timeline: ConsolidationTimeline, author: Identity) async throws(RegisterError) -> [ImportOutcome] {
        var problems: [ValidationProblem] = []
        for version in timeline.versions {
            let file = "\(timeline.source) (version du \(version.date.iso))"
            problems += LegalTextValidator.validate(SourceDocument(file: file, document: version.document))
        }
        guard problems.isEmpty else { throw .invalidDocuments(problems) }
        var planned: [(version: ConsolidationTimeline.Version, record: VersionRecord, files: [String: Data])] = []
        for version in timeline.versions {
            var record = VersionRecord(document: version.document)
            record.consolidation = version.date
            record.officialReferences = version.officialReferences
            planned.append((version, record, RegisterLayout.files(for: version.document)))
        }
        // Refuse before writing anything: a tag of the same name holding another text.
        for plan in planned {
            guard let tagName = plan.record.tagName, let existing = try await store.tagInfo(named: tagName) else { continue }
            guard try await sameFiles(plan.files, work: plan.record.work, at: existing.target) else {
                throw .versionDiffers(version: tagName, source: timeline.source)
            }
        }
        var outcomes: [ImportOutcome] = []
        for plan in planned {
            guard let tagName = plan.record.tagName else { continue }
            if let existing = try await store.tagInfo(named: tagName) {
                outcomes.append(ImportOutcome(source: timeline.source, version: tagName, commit: existing.target,
                                              status: .alreadyPresent))
                continue
            }
            let date = Self.commitDate(plan.version.date)
            let tip = try await store.tip()
            var target: ObjectID
            // One read of the text at the tip serves both the resume check and the changes to write.
            var present: [String: Data] = [:]
            if let tip { present = try await store.readFiles(under: RegisterLayout.folder(work: plan.record.work), at: tip) }
            if let tip, present == plan.files {
                target = tip  // committed by an import that stopped before tagging
            } else {
                var changes: [String: Data?] = [:]
                for (path, data) in plan.files where present[path] != data { changes[path] = data }
                for path in present.keys where plan.files[path] == nil { changes.updateValue(nil, forKey: path) }
                var message = "Version consolidée au \(plan.version.date.french) (\(plan.record.work))\n\n\(plan.record.title)\n"
                if !plan.version.changes.isEmpty {
                    message += "\n" + plan.version.changes.map { "- " + $0 }.joined(separator: "\n") + "\n"
                }
                for reference in plan.version.officialReferences { message += "\nRéférence officielle : \(reference)" }
                message += "\n\nImportée depuis \(timeline.source)."
                target = try await store.commit(changes: changes, message: message, author: author, date: date,
                                                expectedParent: tip)
                if let tip { ChangedPathsCache(gitDirectory: store.url).record(changes.keys, from: tip, to: target) }
            }
            try await store.tag(name: tagName, target: target, message: plan.record.message, tagger: author, date: date)
            outcomes.append(ImportOutcome(source: timeline.source, version: tagName, commit: target, status: .created))
        }
        return outcomes
    }

    /// Imports one whole document (an Akoma Ntoso file from another tool): an adopted version goes to
    /// `main` tagged at its signature, a draft to `draft/<draftName>`. The document is validated first.
    public func importDocument(_ source: SourceDocument, draftName: String, author: Identity) async throws(RegisterError) -> ImportOutcome {
        let problems = LegalTextValidator.validate(source)
        guard problems.isEmpty else { throw .invalidDocuments(problems) }
        if source.document.isDraft {
            guard LegalTextValidator.isValidWId(draftName) else { throw .invalidDraftName(draftName) }
            return try await importDraft([source.document], name: draftName, source: source.file, author: author)
        }
        return try await importAdopted(source.document, source: source.file, author: author)
    }
}
