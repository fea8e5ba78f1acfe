import Foundation
import LegalText
import Register

/// Writes a long, realistic history into a register, for benchmarks: a generated act of about
/// `clauses` clauses, then `versions - 1` amended versions, each changing about 1% of the alinéas,
/// signed a week apart and entering into force the next day, each tagged like an imported version.
/// Only the part files that change are rewritten, as a real amendment would.
public struct SyntheticHistory: Sendable {
    public var clauses: Int
    public var versions: Int
    public var seed: UInt64

    public init(clauses: Int, versions: Int, seed: UInt64 = 2017) {
        self.clauses = max(10, clauses)
        self.versions = max(1, versions)
        self.seed = seed
    }

    /// The number of articles giving about `clauses` clauses (an article of four alinéas, one in five
    /// with a list of three points, counts 5.6 clauses on average).
    var articleCount: Int { max(1, Int((Double(clauses) / 5.6).rounded())) }

    /// Writes the history; returns the number of commits written.
    @discardableResult
    public func write(into register: TextRegister, author: Identity,
                      progress: (Int) -> Void = { _ in }) async throws(RegisterError) -> Int {
        let store = register.gitStore
        var document = SyntheticAct(articles: articleCount, seed: seed).document()
        var generator = SplitMix64(seed: seed &+ 1)
        let start = LegalDate(year: 2000, month: 1, day: 3)!
        var files = RegisterLayout.files(for: document)
        var changes: [String: Data?] = files.mapValues { Optional($0) }
        var tip = try await store.tip()
        for index in 0..<versions {
            let signature = start.adding(days: 7 * index)
            let entry = signature.adding(days: 1)
            if index > 0 {
                let changedArticles = amend(&document, version: index, using: &generator)
                let fresh = RegisterLayout.files(for: document)
                let work = RegisterLayout.workKey(of: document)
                changes = [:]
                for (path, data) in fresh where path == RegisterLayout.shellPath(work: work)
                    || changedArticles.contains(where: { path.hasSuffix("/articles/\($0).xml") }) {
                    if files[path] != data { changes[path] = data }
                }
                files = fresh
            }
            setDates(&document, signature: signature, entry: entry)
            let shellFiles = RegisterLayout.files(for: document).filter { $0.key.hasSuffix("/text.xml") }
            for (path, data) in shellFiles { changes[path] = data; files[path] = data }
            let record = VersionRecord(document: document)
            let date = TextRegister.commitDate(signature)
            let commit = try await store.commit(changes: changes, message: "Version du \(signature.french) (\(record.work))",
                                                author: author, date: date, expectedParent: tip, signer: nil)
            if let tip { ChangedPathsCache(gitDirectory: store.url).record(changes.keys, from: tip, to: commit) }
            try await store.tag(name: record.tagName ?? "v\(index)", target: commit, message: record.message,
                                tagger: author, date: date)
            tip = commit
            progress(index + 1)
        }
        return versions
    }

    /// Rewrites about 1% of the alinéas (at least one); returns the wIds of the articles touched.
    private func amend(_ document: inout LegalDocument, version: Int, using generator: inout SplitMix64) -> Set<String> {
        let target = max(1, clauses / 100)
        var touched: Set<String> = []
        for _ in 0..<target {
            let articleIndex = Int(generator.next() % UInt64(document.body.count))
            let article = document.body[articleIndex]
            guard !article.children.isEmpty else { continue }
            let paragraphIndex = Int(generator.next() % UInt64(article.children.count))
            guard article.children[paragraphIndex].children.isEmpty else { continue }
            document.body[articleIndex].children[paragraphIndex].content =
                [Block(text: "Rédaction issue de la version \(version + 1) : alinéa modifié pour les mesures (\(generator.next() % 1000)).")]
            touched.insert(article.wId)
        }
        return touched
    }

    private func setDates(_ document: inout LegalDocument, signature: LegalDate, entry: LegalDate) {
        document.lifecycle = [
            LifecycleEvent(eId: "evt_signature", date: signature, refersTo: LegalEventKind.signature.rawValue),
            LifecycleEvent(eId: "evt_vigueur", date: entry, refersTo: LegalEventKind.entryIntoForce.rawValue),
        ]
        let work = document.identification.work.uri
        document.identification.expression.uri = work + "/\(entry.iso)/fr"
        document.identification.expression.this = work + "/\(entry.iso)/fr"
        document.identification.expression.date = FRBRDate(date: entry, name: "version")
    }
}
