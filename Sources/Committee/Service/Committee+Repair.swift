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
    ///   characters are removed (then nothing is written); on a register whose roster records keys, the signing
    ///   refusals of ``authorizeRepair(of:author:in:)``, before anything is written.
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
            try authorizeRepair(of: cleaned, author: author, in: try await state(at: tip))
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

    /// Checks, before the repair is written, that the register's signer may sign a commit rewriting `records`: what
    /// ``RegisterVerifier`` asks of that commit afterwards (``SignatureCheck/needs(of:parent:)``) — a member in office,
    /// the chair's member for the roster, a review or an event, and the member of each position's and comment's seat.
    /// The repair is one commit: records of several seats need a signer holding them all (the refusal names the seat
    /// missing).
    func authorizeRepair(of records: [String: Data], author: Identity, in state: CommitteeState) throws(CommitteeError) {
        _ = try authorizeSigner(seat: nil, person: author, in: state)
        guard state.roster.requiresSignatures else { return }
        var needsChair = false
        var seats: [String] = []
        for (path, data) in records.sorted(by: { $0.key < $1.key }) {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.first == CommitteeState.folder, parts.count >= 2 else { continue }
            switch parts[1] {
            case "members.xml", "reviews", "events":
                needsChair = true
            case "positions" where parts.count == 4:
                seats.append(String(parts[3].dropLast(".xml".count)))
            case "comments":
                if let comment = try? Comment(data: data, file: path) { seats.append(comment.seat) } else { needsChair = true }
            default:
                continue
            }
        }
        if needsChair, let chair = state.roster.chair { _ = try authorizeSigner(seat: chair, person: author, in: state) }
        for id in seats where !(needsChair && id == state.roster.chair?.id) {
            _ = try authorizeSigner(seat: try state.seat(id), person: author, in: state)
        }
    }
}
