import Foundation
import LegalText

/// A managed repository of legal texts: each adopted version a dated, tagged commit on `main`, each
/// draft a branch `draft/<name>`, every text split into one file per article and annex section
/// (``RegisterLayout``). All writes go through ``GitStore`` (libgit2, compare-and-swap on refs).
///
/// On disk, a register is a folder holding `register.git` (a bare git repository any git can clone)
/// and `brouillons/` (the working copies of drafts, one whole Akoma Ntoso file per text).
public struct TextRegister: Sendable {
    /// The register's folder.
    public let root: URL
    let store: GitStore
    /// Who signs every commit this value writes (`nil`: unsigned); see ``signing(with:)``.
    public private(set) var signer: Signer?

    /// The git repository inside a register folder.
    public static func gitDirectory(of root: URL) -> URL { root.appendingPathComponent("register.git") }

    /// The working copies of drafts.
    public static func draftsDirectory(of root: URL) -> URL { root.appendingPathComponent("brouillons") }

    private init(root: URL, store: GitStore) {
        self.root = root
        self.store = store
    }

    /// Creates an empty register in `root` (created if missing).
    public static func create(at root: URL) throws(RegisterError) -> TextRegister {
        let store = try GitStore(creatingAt: gitDirectory(of: root))
        try? FileManager.default.createDirectory(at: draftsDirectory(of: root), withIntermediateDirectories: true)
        return TextRegister(root: root, store: store)
    }

    /// Opens the register in `root`.
    public static func open(at root: URL) throws(RegisterError) -> TextRegister {
        let git = gitDirectory(of: root)
        guard FileManager.default.fileExists(atPath: git.path) else { throw .notARegister(path: root.path) }
        return TextRegister(root: root, store: try GitStore(openingAt: git))
    }

    /// The same register, every commit it writes (records, drafts, adoptions, merges) signed by `signer`.
    public func signing(with signer: Signer?) -> TextRegister {
        var copy = self
        copy.signer = signer
        return copy
    }

    /// The underlying git store (for the register's own tests; every other caller goes through the register).
    package var gitStore: GitStore { store }

    // MARK: Reading texts

    /// The works (texts) present at a commit.
    public func works(at commit: ObjectID) async throws(RegisterError) -> [String] {
        let paths = try await store.listFiles(at: commit, under: RegisterLayout.textsFolder)
        return Array(Set(paths.compactMap(RegisterLayout.work(ofPath:)))).sorted()
    }

    /// The text a request is about: `work` if given, else the only text stored at `commit`.
    public func chooseWork(_ work: String?, at commit: ObjectID) async throws(RegisterError) -> String {
        let works = try await self.works(at: commit)
        guard let chosen = work ?? (works.count == 1 ? works.first : nil) else {
            throw works.isEmpty ? .noText(commit: commit.abbreviated) : .severalTexts(works)
        }
        guard works.contains(chosen) else { throw .noText(commit: commit.abbreviated) }
        return chosen
    }

    /// The shell of text `work` at `commit`: its metadata and the list of its part files, without
    /// reading the parts (cheap: one small file).
    public func shell(at commit: ObjectID, work: String) async throws(RegisterError) -> DocumentShell {
        let shellPath = RegisterLayout.shellPath(work: work)
        guard let shellData = try await store.readFile(path: shellPath, at: commit) else {
            throw .noText(commit: commit.abbreviated)
        }
        do {
            return try LegalTextReader.readShell(data: shellData, file: shellPath)
        } catch {
            throw .corruptText(path: shellPath, reason: error.description)
        }
    }

    /// One part file of a text (an article, an annex section), parsed.
    public func part(_ path: String, at commit: ObjectID) async throws(RegisterError) -> Clause? {
        guard let data = try await store.readFile(path: path, at: commit) else { return nil }
        do {
            return try LegalTextReader.readFragment(data: data, file: path)
        } catch {
            throw .corruptText(path: path, reason: error.description)
        }
    }

    /// The files that differ between two commits (from the changed-paths cache, else by diffing the trees).
    public func changedPaths(from old: ObjectID, to new: ObjectID) async throws(RegisterError) -> Set<String> {
        if old == new { return [] }
        return try await ChangedPathsCache(gitDirectory: store.url).changedPaths(from: old, to: new, store: store)
    }

    /// The whole text `work` (or the only text) as it stands at `commit`, reassembled from its files.
    public func document(at commit: ObjectID, work: String? = nil) async throws(RegisterError) -> LegalDocument {
        let chosen = try await chooseWork(work, at: commit)
        let folder = RegisterLayout.folder(work: chosen)
        let shell = try await self.shell(at: commit, work: chosen)
        let files = try await store.readFiles(under: folder, at: commit)
        var parts: [String: Clause] = [:]
        for source in shell.bodySources + shell.annexSources.values.flatMap({ $0 }) {
            let path = folder + "/" + source
            guard let data = files[path] else { throw .corruptText(path: path, reason: "fichier absent") }
            do {
                parts[source] = try LegalTextReader.readFragment(data: data, file: path)
            } catch {
                throw .corruptText(path: path, reason: error.description)
            }
        }
        return shell.assemble { source in parts[source] ?? Clause(kind: .paragraph, eId: source) }
    }

    /// The text as it stood at a revision (``resolveRevision(_:work:)``: a tag, a draft, a commit, a date).
    public func document(at revision: String, work: String? = nil) async throws(RegisterError) -> LegalDocument {
        try await document(at: resolve(revision, work: work), work: work)
    }

    // MARK: Versions

    /// The adopted versions (annotated tags carrying a ``VersionRecord``), by signature date, then the
    /// drafts (branches `draft/…`), by name.
    public func versions() async throws(RegisterError) -> [VersionInfo] {
        var adopted: [VersionInfo] = []
        for tag in try await store.tags() {
            guard let message = tag.message, let record = VersionRecord(message: message) else { continue }
            adopted.append(VersionInfo(name: tag.name, kind: .adopted, commit: tag.target, record: record,
                                       draftDate: nil, summary: record.title))
        }
        adopted.sort { ($0.record?.signature?.iso ?? "", $0.name) < ($1.record?.signature?.iso ?? "", $1.name) }
        var drafts: [VersionInfo] = []
        for branch in try await store.branches() {
            guard let name = DraftName(ref: branch.ref)?.branch else { continue }
            let info = try await store.commitInfo(branch.tip)
            var draftDate: LegalDate?
            if let work = try? await chooseWork(nil, at: branch.tip) {
                draftDate = (try? await shell(at: branch.tip, work: work))?.header.date(of: .draft)
            }
            drafts.append(VersionInfo(name: name, kind: .draft, commit: branch.tip, record: nil,
                                      draftDate: draftDate, summary: info.summary))
        }
        return adopted + drafts
    }

    /// The adopted version in force on `date` (by entry-into-force dates, not commit order).
    public func versionInForce(on date: LegalDate, work: String? = nil) async throws(RegisterError) -> VersionInfo {
        let adopted = try await versions().compactMap { version -> (start: LegalDate, version: VersionInfo)? in
            guard version.kind == .adopted, work == nil || version.record?.work == work,
                  let start = version.record?.entryIntoForce ?? version.record?.signature else { return nil }
            return (start, version)
        }
        let inForce = adopted.filter { $0.start <= date }.max { $0.start < $1.start }
        guard let inForce else {
            throw .noVersionInForce(date: date, firstEntryIntoForce: adopted.map(\.start).min())
        }
        if let repeal = inForce.version.record?.repeal {
            throw .repealed(date: date, since: repeal, version: inForce.version.name)
        }
        return inForce.version
    }
}
