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
        let adopted = loaded.filter { $0.documents.first.map { !$0.isDraft } ?? false }
            .sorted { ($0.documents.first?.date(of: .signature)?.iso ?? "") < ($1.documents.first?.date(of: .signature)?.iso ?? "") }
        let drafts = loaded.filter { $0.documents.first?.isDraft ?? false }
        var outcomes: [ImportOutcome] = []
        for group in adopted {
            for document in group.documents {
                outcomes.append(try await importAdopted(document, source: group.source, author: author))
            }
        }
        for group in drafts {
            outcomes.append(try await importDraft(group.documents, name: group.name, source: group.source, author: author))
        }
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

    /// Commits an adopted version on `main` dated at its signature and tags it `v<signature>`.
    func importAdopted(_ document: LegalDocument, source: String, author: Identity) async throws(RegisterError) -> ImportOutcome {
        let record = VersionRecord(document: document)
        guard let tagName = record.tagName, let signature = record.signature else { throw .mixedVersion(folder: source) }
        let files = RegisterLayout.files(for: document)
        let date = Self.commitDate(signature)
        if let existing = try await store.tagInfo(named: tagName) {
            guard try await sameFiles(files, work: record.work, at: existing.target) else {
                throw .versionDiffers(version: tagName, source: source)
            }
            return ImportOutcome(source: source, version: tagName, commit: existing.target, status: .alreadyPresent)
        }
        let tip = try await store.tip()
        let adopted = try await versions()
        if tip != nil, let latest = adopted.last(where: { $0.kind == .adopted && $0.record?.work == record.work }),
           let latestSignature = latest.record?.signature, latestSignature > signature {
            throw .outOfOrder(version: tagName, latest: latest.name)
        }
        var target: ObjectID
        if let tip, try await sameFiles(files, work: record.work, at: tip) {
            target = tip  // committed by an import that stopped before tagging
        } else {
            let changes = try await changes(toWrite: files, work: record.work, over: tip)
            let message = "Version du \(signature.french) (\(record.work))\n\n\(record.title)\n\nImportée depuis \(source)."
            target = try await store.commit(changes: changes, message: message, author: author, date: date,
                                            expectedParent: tip)
            if let tip { ChangedPathsCache(gitDirectory: store.url).record(changes.keys, from: tip, to: target) }
        }
        try await store.tag(name: tagName, target: target, message: record.message, tagger: author, date: date)
        return ImportOutcome(source: source, version: tagName, commit: target, status: .created)
    }

    /// Commits a draft on `draft/<name>`, branched from the tip of `main` (the text in force).
    func importDraft(_ documents: [LegalDocument], name: String, source: String,
                             author: Identity) async throws(RegisterError) -> ImportOutcome {
        let branch = "refs/heads/draft/" + name
        var files: [String: Data] = [:]
        for document in documents { files.merge(RegisterLayout.files(for: document)) { _, new in new } }
        let works = documents.map(RegisterLayout.workKey(of:))
        let tip: ObjectID
        var created = false
        // A wId never changes: checked against what the draft would be written over, before any ref moves.
        let existingTip = try await store.tip(of: branch)
        let mainTip = try await store.tip()
        if let over = existingTip ?? mainTip {
            try await checkWIds(of: documents, over: over, draft: name)
        }
        if let existing = try await store.tip(of: branch) {
            tip = existing
            // A branch still at the tip of main has no commit of its own yet (an import stopped early).
            created = existing == (try await store.tip())
        } else {
            guard let main = try await store.tip() else { throw .noAdoptedVersion }
            try await store.createBranch(branch, at: main)
            tip = main
            created = true
        }
        if try await sameText(files, works: works, at: tip) {
            try await ensureWorkingCopy(name: name, at: tip)
            return ImportOutcome(source: source, version: "draft/" + name, commit: tip, status: .alreadyPresent)
        }
        if created == false {
            // The branch exists and has moved on: the folder is unchanged if some earlier commit of the
            // branch holds exactly its text (drafters committed since). Never overwrite their work.
            let base = try await store.tip()
            for commit in try await store.log(from: tip, firstParentOnly: true) {
                if commit.id == base { break }  // back on main: the branch's own commits are behind us
                if try await sameText(files, works: works, at: commit.id) {
                    try await ensureWorkingCopy(name: name, at: tip)
                    return ImportOutcome(source: source, version: "draft/" + name, commit: tip, status: .alreadyPresent)
                }
            }
            throw .draftDiffers(draft: "draft/" + name, source: source)
        }
        var changes: [String: Data?] = [:]
        for work in works {
            let ownFiles = files.filter { RegisterLayout.work(ofPath: $0.key) == work }
            changes.merge(try await self.changes(toWrite: ownFiles, work: work, over: tip)) { _, new in new }
        }
        let date = Self.commitDate(documents.compactMap { $0.date(of: .draft) }.max())
        let title = documents.first?.title ?? name
        let commit = try await store.commit(changes: changes,
                                            message: "Projet \(name) (\(works.joined(separator: ", ")))\n\n\(title)\n\nImporté depuis \(source).",
                                            author: author, date: date, onBranch: branch, expectedParent: tip)
        // Drafters edit the working copy: give the imported draft one, as `draft start` does.
        try await writeWorkingCopy(name: name, at: commit)
        return ImportOutcome(source: source, version: "draft/" + name, commit: commit, status: .created)
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

    /// The commit date of a version dated `date`: noon UTC that day, kept within what git stores
    /// faithfully (1970–2099); the legal date itself is in the text and the tag.
    static func commitDate(_ date: LegalDate?) -> Date {
        guard let date else { return Date() }
        let clamped = min(max(date, LegalDate(year: 1970, month: 1, day: 2)!), LegalDate(year: 2099, month: 12, day: 31)!)
        return clamped.noonUTC
    }
}
