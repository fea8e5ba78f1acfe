import Foundation
import LegalText

/// What importing one version did.
public struct ImportOutcome: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case created = "cree"
        case alreadyPresent = "deja-present"
    }

    public let source: String
    public let version: String
    public let commit: ObjectID
    public let status: Status
}

extension TextRegister {
    /// Imports a folder of versions (one sub-folder per version, each holding one file per text), or a
    /// folder holding the files of a single version. Every file is read and validated first: if any
    /// has a problem, nothing is committed. Adopted versions go to `main` in signature order, each
    /// tagged; drafts go to `draft/<sub-folder name>`, from the text in force. Re-importing is a no-op.
    ///
    /// All or nothing: every commit and tag object is written first, then `main`, the tags and the draft
    /// branches move in one final step (``GitStore/updateReferences(_:)``). A task cancelled before that
    /// step throws ``RegisterError/cancelled`` and leaves every reference as it was.
    public func importVersions(from folder: String, author: Identity) async throws(RegisterError) -> [ImportOutcome] {
        let groups = try Self.versionFolders(in: folder)
        var loaded: [(source: String, name: String, documents: [LegalDocument])] = []
        var problems: [ValidationProblem] = []
        for (source, files) in groups {
            var documents: [LegalDocument] = []
            for file in files {
                let check = FileCheck.check(file: file)
                problems += check.problems
                if let document = check.document, check.isValid { documents.append(document) }
            }
            loaded.append((source, URL(fileURLWithPath: source).lastPathComponent, documents))
        }
        guard problems.isEmpty else { throw .invalidDocuments(problems) }
        for group in loaded {
            let drafts = group.documents.filter(\.isDraft).count
            guard drafts == 0 || drafts == group.documents.count else { throw .mixedVersion(folder: group.source) }
        }
        func order(_ group: (source: String, name: String, documents: [LegalDocument])) -> String {
            group.documents.first.flatMap { VersionRecord(document: $0).versionDate?.iso } ?? ""
        }
        let adopted = loaded.filter { $0.documents.first.map { !$0.isDraft } ?? false }.sorted { order($0) < order($1) }
        let drafts = loaded.filter { $0.documents.first?.isDraft ?? false }
        var pending = PendingWrite(main: try await store.tip())
        var outcomes: [ImportOutcome] = []
        for group in adopted {
            for document in group.documents {
                try Self.checkCancellation()
                outcomes.append(try await prepareAdopted(document, source: group.source, author: author, into: &pending))
            }
        }
        for group in drafts {
            try Self.checkCancellation()
            outcomes.append(try await prepareDraft(group.documents, name: group.name, source: group.source, author: author,
                                                   into: &pending))
        }
        try await complete(pending)
        return outcomes
    }

    /// The version folders under `folder` and their XML files; `folder` itself when it holds XML files.
    static func versionFolders(in folder: String) throws(RegisterError) -> [(String, [String])] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notAFolder(path: folder)
        }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let entries = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let ownFiles = entries.filter { $0.hasSuffix(".xml") }.map { base + "/" + $0 }
        if !ownFiles.isEmpty { return [(base, ownFiles)] }
        var groups: [(String, [String])] = []
        for entry in entries {
            let path = base + "/" + entry
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let files = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
            if !files.isEmpty { groups.append((path, files.map { path + "/" + $0 })) }
        }
        guard !groups.isEmpty else { throw .nothingToImport(path: folder) }
        return groups
    }

    /// Commits an adopted version on `main` dated at its signature and tags it (``VersionRecord/tagName``).
    func importAdopted(_ document: LegalDocument, source: String, author: Identity) async throws(RegisterError) -> ImportOutcome {
        var pending = PendingWrite(main: try await store.tip())
        let outcome = try await prepareAdopted(document, source: source, author: author, into: &pending)
        try await complete(pending)
        return outcome
    }

    /// Commits a draft on `draft/<name>`, branched from the tip of `main` (the text in force).
    func importDraft(_ documents: [LegalDocument], name: String, source: String,
                     author: Identity) async throws(RegisterError) -> ImportOutcome {
        var pending = PendingWrite(main: try await store.tip())
        let outcome = try await prepareDraft(documents, name: name, source: source, author: author, into: &pending)
        try await complete(pending)
        return outcome
    }

    /// The tag that already holds the version `record` describes: its tag, or in a register made before
    /// tags were per text, its old-style tag (`v2017-01-05`) if that one is about the same text.
    func existingTag(for record: VersionRecord) async throws(RegisterError) -> TagInfo? {
        if let name = record.tagName, let tag = try await store.tagInfo(named: name) { return tag }
        guard let legacy = record.legacyTagName, let tag = try await store.tagInfo(named: legacy),
              let message = tag.message, VersionRecord(message: message)?.work == record.work else { return nil }
        return tag
    }

    /// Writes (without moving any reference) the commit of an adopted version on top of `pending.main`,
    /// dated at its signature, and its tag object.
    func prepareAdopted(_ document: LegalDocument, source: String, author: Identity,
                        into pending: inout PendingWrite) async throws(RegisterError) -> ImportOutcome {
        let record = VersionRecord(document: document)
        guard let tagName = record.tagName, let versionDate = record.versionDate else { throw .mixedVersion(folder: source) }
        let files = RegisterLayout.files(for: document)
        let date = Self.commitDate(versionDate)
        if let existing = try await existingTag(for: record) {
            guard try await sameFiles(files, work: record.work, at: existing.target) else {
                throw .versionDiffers(version: existing.name, source: source)
            }
            return ImportOutcome(source: source, version: existing.name, commit: existing.target, status: .alreadyPresent)
        }
        if let earlier = pending.pendingTag(named: tagName) {  // the same version twice in one import
            guard try await sameFiles(files, work: record.work, at: earlier.target) else {
                throw .versionDiffers(version: tagName, source: source)
            }
            return ImportOutcome(source: source, version: tagName, commit: earlier.target, status: .alreadyPresent)
        }
        let adopted = try await versions()
        if pending.main != nil, let latest = adopted.last(where: { $0.kind == .adopted && $0.record?.work == record.work }),
           let latestDate = latest.record?.versionDate, latestDate > versionDate {
            throw .outOfOrder(version: tagName, latest: latest.name)
        }
        var target: ObjectID
        if let tip = pending.main, try await sameFiles(files, work: record.work, at: tip) {
            target = tip  // committed by an import that stopped before tagging
        } else {
            let changes = try await changes(toWrite: files, work: record.work, over: pending.main)
            var message = "Version du \(versionDate.french) (\(record.work))\n\n\(record.title)\n\n"
            message += Self.commitDateNote(versionDate).map { $0 + "\n\n" } ?? ""
            message += "Importée depuis \(source)."
            target = try await store.writeCommitObject(changes: changes, message: message, author: author, date: date,
                                                       parent: pending.main, signer: signer)
            if let parent = pending.main { pending.changedPaths.append((Array(changes.keys), parent, target)) }
            pending.main = target
        }
        let tag = try await store.writeTagObject(name: tagName, target: target, message: record.message, tagger: author, date: date)
        pending.tags.append((tagName, tag, target))
        return ImportOutcome(source: source, version: tagName, commit: target, status: .created)
    }

    /// Writes (without moving any reference) the commit of a draft on `draft/<name>`, branched from
    /// `pending.main` (the text in force once the pending write is done).
    func prepareDraft(_ documents: [LegalDocument], name: String, source: String, author: Identity,
                      into pending: inout PendingWrite) async throws(RegisterError) -> ImportOutcome {
        let draft = try DraftName(name)
        let branch = draft.ref
        var files: [String: Data] = [:]
        for document in documents { files.merge(RegisterLayout.files(for: document)) { _, new in new } }
        let works = documents.map(RegisterLayout.workKey(of:))
        guard let main = pending.main else { throw .noAdoptedVersion }
        let existing = try await store.tip(of: branch)
        // A wId never changes: checked against what the draft would be written over, before any ref moves.
        try await checkWIds(of: documents, over: existing ?? main, draft: name)
        if let existing {
            if try await sameText(files, works: works, at: existing) {
                pending.workingCopies.append((name, existing, false))
                return ImportOutcome(source: source, version: draft.branch, commit: existing, status: .alreadyPresent)
            }
            // A branch still at the tip of main has no commit of its own yet (an import stopped early).
            if existing != pending.mainAtStart && existing != main {
                // The branch has moved on: the folder is unchanged if some earlier commit of the branch
                // holds exactly its text (drafters committed since). Never overwrite their work.
                for commit in try await store.log(from: existing, firstParentOnly: true) {
                    if commit.id == pending.mainAtStart { break }  // back on main: the branch's own commits are behind us
                    if try await sameText(files, works: works, at: commit.id) {
                        pending.workingCopies.append((name, existing, false))
                        return ImportOutcome(source: source, version: draft.branch, commit: existing, status: .alreadyPresent)
                    }
                }
                throw .draftDiffers(draft: draft.branch, source: source)
            }
        } else if try await sameText(files, works: works, at: main) {
            pending.branches.append((branch, main, nil))
            pending.workingCopies.append((name, main, false))
            return ImportOutcome(source: source, version: draft.branch, commit: main, status: .alreadyPresent)
        }
        var changes: [String: Data?] = [:]
        for work in works {
            let ownFiles = files.filter { RegisterLayout.work(ofPath: $0.key) == work }
            changes.merge(try await self.changes(toWrite: ownFiles, work: work, over: main)) { _, new in new }
        }
        let date = Self.commitDate(documents.compactMap { $0.date(of: .draft) }.max())
        let title = documents.first?.title ?? name
        let commit = try await store.writeCommitObject(
            changes: changes, message: "Projet \(name) (\(works.joined(separator: ", ")))\n\n\(title)\n\nImporté depuis \(source).",
            author: author, date: date, parent: main, signer: signer)
        pending.changedPaths.append((Array(changes.keys), main, commit))
        pending.branches.append((branch, commit, existing))
        // Drafters edit the working copy: give the imported draft one, as `draft start` does.
        pending.workingCopies.append((name, commit, true))
        return ImportOutcome(source: source, version: draft.branch, commit: commit, status: .created)
    }

    /// The final step of a pending write: unless the task was cancelled, every reference moves at once;
    /// then the changed-paths cache and the drafts' working copies are written.
    func complete(_ pending: PendingWrite) async throws(RegisterError) {
        try Self.checkCancellation()
        try await store.updateReferences(pending.referenceUpdates)
        let cache = ChangedPathsCache(gitDirectory: store.url)
        for entry in pending.changedPaths { cache.record(entry.paths, from: entry.from, to: entry.to) }
        for copy in pending.workingCopies {
            if copy.created {
                try await writeWorkingCopy(name: copy.name, at: copy.commit)
            } else {
                try await ensureWorkingCopy(name: copy.name, at: copy.commit)
            }
        }
    }

    /// Throws ``RegisterError/cancelled`` when the task was cancelled (an interrupted command).
    static func checkCancellation() throws(RegisterError) {
        if Task.isCancelled { throw .cancelled }
    }

    /// Whether each text of `works` at `commit` is exactly its part of `files`.
    private func sameText(_ files: [String: Data], works: [String], at commit: ObjectID) async throws(RegisterError) -> Bool {
        for work in works {
            let ownFiles = files.filter { RegisterLayout.work(ofPath: $0.key) == work }
            if try await !sameFiles(ownFiles, work: work, at: commit) { return false }
        }
        return true
    }

    /// Whether the text `work` at `commit` is exactly `files` (same paths, same bytes).
    func sameFiles(_ files: [String: Data], work: String, at commit: ObjectID) async throws(RegisterError) -> Bool {
        try await store.readFiles(under: RegisterLayout.folder(work: work), at: commit) == files
    }

    /// The changes that make the text `work` read `files` on top of `base`: the files that differ, and
    /// deletions of the text's files that are no longer there.
    func changes(toWrite files: [String: Data], work: String, over base: ObjectID?) async throws(RegisterError) -> [String: Data?] {
        guard let base else { return files.mapValues { Optional($0) } }
        let present = try await store.readFiles(under: RegisterLayout.folder(work: work), at: base)
        var changes: [String: Data?] = [:]
        for (path, data) in files where present[path] != data { changes[path] = data }
        for path in present.keys where files[path] == nil { changes.updateValue(nil, forKey: path) }
        return changes
    }

    /// The first legal date a commit can bear: git tools disagree about dates before 1970.
    static let earliestCommitDate = LegalDate(year: 1970, month: 1, day: 1)!
    /// The last legal date a commit can bear (``Stamp`` refuses 2100 and later).
    static let latestCommitDate = LegalDate(year: 2099, month: 12, day: 31)!

    /// The commit (and tag) date of a version dated `date`: noon UTC that day when git stores it
    /// faithfully (1970-01-01 to 2099-12-31); otherwise, and for an unknown date, the moment of writing,
    /// which is what the commit date then truly is. Never a made-up date presented as the legal one: the
    /// legal date itself is always in the text's metadata, the tag message and the commit message
    /// (``commitDateNote(_:)``).
    package static func commitDate(_ date: LegalDate?, now: Date = Date()) -> Date {
        guard let date, date >= earliestCommitDate, date <= latestCommitDate else { return now }
        return date.noonUTC
    }

    /// The line a commit message adds when the commit date cannot be the legal date; nil when it is.
    static func commitDateNote(_ date: LegalDate) -> String? {
        guard date < earliestCommitDate || date > latestCommitDate else { return nil }
        return "Date légale : \(date.french) ; git ne conservant fidèlement que les dates de 1970 à 2099, "
            + "la date de ce commit est celle de son écriture."
    }
}
