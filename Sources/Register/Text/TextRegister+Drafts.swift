import Foundation
import LegalText

/// A draft branch and its working copy.
public struct DraftInfo: Sendable, Hashable, Codable {
    public let name: String
    public let branch: String
    public let tip: ObjectID
    /// The commit the working copy was taken from (recorded when it was written), if any.
    public let base: ObjectID?
    /// The folder holding the working copy (one whole Akoma Ntoso file per text).
    public let workingCopy: String
}

extension TextRegister {
    /// The branch of an existing draft: a name no draft can have is an unknown draft.
    /// - Throws: ``RegisterError/unknownDraft(name:)``.
    static func branch(ofDraft name: String) throws(RegisterError) -> String {
        do {
            return try DraftName(name).ref
        } catch {
            throw .unknownDraft(name: name)
        }
    }

    /// The working copy folder of a draft.
    public func workingCopy(ofDraft name: String) -> URL {
        TextRegister.draftsDirectory(of: root).appendingPathComponent(name)
    }

    private func baseFile(ofDraft name: String) -> URL {
        workingCopy(ofDraft: name).appendingPathComponent(".base")
    }

    /// Writes the working copy of draft `name` from `commit` unless it already has one (with its `.base`): an
    /// import killed after creating the branch but before writing the working copy left none.
    func ensureWorkingCopy(name: String, at commit: ObjectID) async throws(RegisterError) {
        guard !FileManager.default.fileExists(atPath: baseFile(ofDraft: name).path) else { return }
        try await writeWorkingCopy(name: name, at: commit)
    }

    /// What a `draft commit` is about to write (`<blob id or -> <path>` lines), kept until the working copy is
    /// rewritten from the new tip: if the process is killed after the branch moved but before the working copy
    /// and its `.base` were rewritten, the next commit recognises those files on the branch as its own earlier
    /// write instead of someone else's change.
    private func pendingFile(ofDraft name: String) -> URL {
        workingCopy(ofDraft: name).appendingPathComponent(".pending")
    }

    /// The pending writes of earlier `draft commit`s that did not finish: path → the contents written (ids).
    private func pendingWrites(ofDraft name: String) -> [String: Set<String>] {
        guard let text = try? String(contentsOf: pendingFile(ofDraft: name), encoding: .utf8) else { return [:] }
        var writes: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            writes[String(line[line.index(after: space)...]), default: []].insert(String(line[..<space]))
        }
        return writes
    }

    private static func pendingMarker(_ data: Data?) -> String {
        data.flatMap { GitRepository.blobID(of: $0)?.hex } ?? "-"
    }

    /// Who writes a draft's first commit when no person is named (the commit only restates the text as a draft).
    public static let registerIdentity = Identity(name: "suivi", email: "suivi@suivi.invalid")

    /// Starts a draft: branch `draft/<name>` from the text in force (the tip of `main`), with a first commit that
    /// makes every text a draft (``VersionMetadata/draft(_:name:date:)``: dated `#projet` `today`, expression
    /// `{work}/{name}/fr`, no signature or publication), and a working copy of every text in
    /// `brouillons/<name>/<work>.xml`, to edit with any XML editor.
    /// - Parameters:
    ///   - author: who opens the draft (``registerIdentity`` when nil).
    ///   - today: the draft's date (default: today in Paris).
    ///   - start: the commit whose text the draft starts from, named `startLabel` in the first commit's message
    ///     (another version, another draft); default: the tip of `main`, the text in force.
    public func startDraft(_ name: String, author: Identity? = nil, today: LegalDate? = nil,
                           from start: ObjectID? = nil, startLabel: String? = nil) async throws(RegisterError) -> DraftInfo {
        let branch = try DraftName(name).ref
        guard let main = try await store.tip() else { throw .noAdoptedVersion }
        let origin = start ?? main
        if try await store.tip(of: branch) != nil { throw .draftExists(name: name, workingCopy: workingCopy(ofDraft: name).path) }
        let date = today ?? LegalDate.today(in: .paris)
        var changes: [String: Data?] = [:]
        var versions: [String] = []
        for work in try await works(at: origin) {
            let adopted = try await document(at: origin, work: work)
            versions.append(VersionRecord(document: adopted).tagName ?? work)
            let draft = VersionMetadata.draft(adopted, name: name, date: date)
            changes.merge(try await self.changes(toWrite: RegisterLayout.files(for: draft), work: work, over: origin)) { _, new in new }
        }
        guard !versions.isEmpty else { throw .noText(commit: origin.abbreviated) }
        try await store.createBranch(branch, at: origin)
        var tip = origin
        if !changes.isEmpty {
            let message = "Projet \(name) ouvert à partir de \(startLabel ?? versions.joined(separator: ", "))\n\n"
                + "Le texte devient un projet daté du \(date.french) (URI de version …/\(name)/fr)."
            tip = try await store.commit(changes: changes, message: message, author: author ?? Self.registerIdentity,
                                         date: Date(), onBranch: branch, expectedParent: origin, signer: signer)
        }
        try await writeWorkingCopy(name: name, at: tip)
        return DraftInfo(name: name, branch: branch, tip: tip, base: tip, workingCopy: workingCopy(ofDraft: name).path)
    }

    /// Writes (or refreshes) the working copy of a draft from commit `commit`.
    public func writeWorkingCopy(name: String, at commit: ObjectID) async throws(RegisterError) {
        let folder = workingCopy(ofDraft: name)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for work in try await works(at: commit) {
                let document = try await document(at: commit, work: work)
                try CanonicalWriter.data(document).write(to: folder.appendingPathComponent(work + ".xml"), options: .atomic)
            }
            try Data((commit.description + "\n").utf8).write(to: baseFile(ofDraft: name), options: .atomic)
            try? FileManager.default.removeItem(at: pendingFile(ofDraft: name))
        } catch let error as RegisterError {
            throw error
        } catch {
            throw .io(path: folder.path, reason: error.localizedDescription)
        }
    }

    /// The drafts: branches `draft/…` with their working copies.
    public func drafts() async throws(RegisterError) -> [DraftInfo] {
        try await store.branches().compactMap { branch in
            guard let name = DraftName(ref: branch.ref)?.name else { return nil }
            let base = (try? String(contentsOf: baseFile(ofDraft: name), encoding: .utf8))
                .flatMap { ObjectID(hex: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            return DraftInfo(name: name, branch: branch.ref, tip: branch.tip, base: base,
                             workingCopy: workingCopy(ofDraft: name).path)
        }
    }

    /// Validates the working copy of a draft and commits what changed in it on `draft/<name>`.
    ///
    /// Only the files that differ from the commit the working copy was taken from are written, on top
    /// of the branch's current tip: if someone else committed other clauses meanwhile, both updates are
    /// kept (compare-and-swap, retried). If someone else changed the same clause, the commit is refused
    /// with the clause named, and nothing is written.
    /// Refused, with nothing written, when a clause of the base keeps its place and text but gets another wId
    /// (``RegisterError/wIdChanged(draft:changes:)``).
    /// - Returns: the new commit, or nil when nothing changed (also when a concurrent commit of the same working
    ///   copy already wrote it all: an empty commit is never written).
    public func commitDraft(_ name: String, message: String, author: Identity) async throws(RegisterError) -> ObjectID? {
        try await commitDraft(name, message: message, author: author, stoppingAfterBranchMove: false)
    }

    /// `commitDraft`, optionally stopping right after the branch moved, before the working copy is rewritten:
    /// where a killed process stops in the worst case (for tests).
    func commitDraft(_ name: String, message: String, author: Identity, stoppingAfterBranchMove: Bool)
        async throws(RegisterError) -> ObjectID?
    {
        let branch = try Self.branch(ofDraft: name)
        guard try await store.tip(of: branch) != nil else { throw await unknownDraft(name) }
        let folder = workingCopy(ofDraft: name)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".xml") }.sorted().map { folder.appendingPathComponent($0).path }
        guard !files.isEmpty else { throw .nothingToImport(path: folder.path) }
        var documents: [LegalDocument] = []
        var problems: [ValidationProblem] = []
        for file in files {
            let check = FileCheck.check(file: file)
            problems += check.problems
            if let document = check.document { documents.append(document) }
        }
        guard problems.isEmpty else { throw .invalidDocuments(problems) }
        let known = try await drafts()
        guard let base = known.first(where: { $0.name == name })?.base else { throw .noWorkingCopyBase(draft: name) }
        try await checkWIds(of: documents, over: base, draft: name)

        // What the drafter changed relative to the base.
        var changes: [String: Data?] = [:]
        for document in documents {
            let work = RegisterLayout.workKey(of: document)
            changes.merge(try await self.changes(toWrite: RegisterLayout.files(for: document), work: work, over: base)) { _, new in new }
        }
        guard !changes.isEmpty else { return nil }
        // Recorded before the branch can move (see `pendingFile`); earlier unfinished writes are kept.
        var pending = pendingWrites(ofDraft: name)
        for (path, data) in changes { pending[path, default: []].insert(Self.pendingMarker(data)) }
        let earlier = pendingWrites(ofDraft: name)
        let pendingText = pending.keys.sorted().flatMap { path in pending[path, default: []].sorted().map { "\($0) \(path)" } }
        do {
            try Data((pendingText.joined(separator: "\n") + "\n").utf8).write(to: pendingFile(ofDraft: name), options: .atomic)
        } catch {
            throw .io(path: pendingFile(ofDraft: name).path, reason: error.localizedDescription)
        }
        // Commit on top of the branch as it is, if nobody changed the same files since the base; the
        // branch moves only if it is still where it was checked (compare-and-swap), else check again.
        let date = Date()
        var commit: ObjectID?
        for _ in 0..<100 where commit == nil {
            guard let tip = try await store.tip(of: branch) else { throw await unknownDraft(name) }
            if tip != base {
                let theirs = try await store.changedPaths(from: base, to: tip).map(\.path)
                var clash: [String] = []
                for path in theirs where changes.keys.contains(path) {
                    // Same content on both sides is no conflict.
                    let there = try await store.readFile(path: path, at: tip)
                    guard there != (changes[path] ?? nil) else { continue }
                    // This working copy's own earlier commit, killed before it could rewrite the working copy.
                    if earlier[path]?.contains(Self.pendingMarker(there)) == true { continue }
                    clash.append(path)
                }
                if !clash.isEmpty { throw .draftConflict(draft: name, paths: clash.sorted()) }
            }
            // Only what the tip does not already hold: a concurrent commit of the same working copy may have
            // written it all (an empty commit is never written).
            var effective: [String: Data?] = [:]
            for (path, data) in changes where try await store.readFile(path: path, at: tip) != data {
                effective[path] = data
            }
            if effective.isEmpty { return nil }
            do {
                commit = try await store.commit(changes: effective, message: message, author: author, date: date,
                                                timeZoneMinutes: 0, onBranch: branch, expectedParent: tip, signer: signer)
            } catch {
                guard case .conflict = error else { throw error }
                await Task.yield()  // another writer moved the branch: check again against its new tip
            }
        }
        guard let commit else { throw .retriesExhausted(ref: branch, attempts: 100) }
        if stoppingAfterBranchMove { return commit }
        // The working copy now reads the branch's tip, with other writers' changes included.
        try await writeWorkingCopy(name: name, at: commit)
        return commit
    }

    /// Refuses `documents` if they give an existing clause of the text at `base` another wId (same place, same
    /// text, new wId): a wId never changes.
    /// - Throws: ``RegisterError/wIdChanged(draft:changes:)``.
    func checkWIds(of documents: [LegalDocument], over base: ObjectID, draft name: String) async throws(RegisterError) {
        let works = Set(try await works(at: base))
        var changed: [WIdChange] = []
        for document in documents {
            let work = RegisterLayout.workKey(of: document)
            guard works.contains(work) else { continue }
            changed += WIdChange.changes(from: try await self.document(at: base, work: work), to: document)
        }
        if !changed.isEmpty { throw .wIdChanged(draft: name, changes: changed) }
    }
}
