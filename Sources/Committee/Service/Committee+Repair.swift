import Foundation
import LegalText
import Register

extension Committee {
    /// Rewrites every record of `committee/` that holds characters XML cannot hold (a control character,
    /// U+FFFE, U+FFFF, raw or as a character reference), with those characters removed and every other byte
    /// kept, in one commit by `author` whose message lists each character removed (file, line, column, code).
    /// Nothing to repair: nothing is written and the list is empty.
    /// - Returns: the records repaired, with the characters removed.
    /// - Throws: ``CommitteeError/invalidRecord(path:line:reason:)`` when a record is still unreadable once the
    ///   characters are removed (then nothing is written).
    @discardableResult
    public func repair(author: Identity) async throws(CommitteeError) -> [DamagedRecord] {
        for _ in 0..<50 {
            guard let tip = try await call({ () async throws(RegisterError) in try await register.mainTip() }) else { return [] }
            let files = try await call { () async throws(RegisterError) in
                try await register.records(under: CommitteeState.folder, at: tip)
            }
            var repaired: [DamagedRecord] = []
            var cleaned: [String: Data] = [:]
            for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".xml") {
                let (clean, removed) = XMLCharacters.removingDisallowed(from: data)
                guard !removed.isEmpty else { continue }
                repaired.append(DamagedRecord(path: path, characters: removed))
                cleaned[path] = clean
            }
            guard !repaired.isEmpty else { return [] }
            // Each repaired record must now read as a record, strictly.
            _ = try CommitteeState(files: cleaned, commit: tip)
            let count = repaired.count
            let message = "Comité : réparation de \(count) enregistrement\(count > 1 ? "s" : "") "
                + "(caractères interdits en XML retirés)\n\n"
                + repaired.flatMap(\.lines).map { "- \($0) retiré" }.joined(separator: "\n")
            var changes: [String: Data?] = [:]
            for (path, data) in cleaned { changes[path] = data }
            do {
                _ = try await register.writeRecords(changes, message: message, author: author, expectedMain: tip)
                return repaired
            } catch {
                if case .conflict = error { await Task.yield(); continue }
                throw .register(error)
            }
        }
        throw .register(.retriesExhausted(ref: TextRegister.mainBranch, attempts: 50))
    }
}
