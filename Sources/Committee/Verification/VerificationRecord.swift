import Foundation
import Register

/// The tags and branch tips a verification saw, kept in `register.git/suivi-verify` (inside the git
/// directory: never pushed, never part of a commit) so the next verification can tell appended history from
/// rewritten history.
///
/// ```
/// # suivi verify 2026-11-24T10:00:00Z
/// tag refs/tags/v2017-01-05 <tag object id>
/// branch refs/heads/main <tip>
/// ```
struct VerificationRecord: Sendable, Hashable {
    static let fileName = "suivi-verify"

    var date: String?
    var tags: [String: ObjectID] = [:]
    var branches: [String: ObjectID] = [:]

    static func url(gitDirectory: URL) -> URL { gitDirectory.appendingPathComponent(fileName) }

    /// The record in `gitDirectory`; `nil` when there is none yet.
    static func read(gitDirectory: URL) -> VerificationRecord? {
        guard let text = try? String(contentsOf: url(gitDirectory: gitDirectory), encoding: .utf8) else { return nil }
        var record = VerificationRecord()
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            // "# vérification du registre <date>" (earlier "# suivi verify <date>"): the date is the last field.
            if fields.first == "#", let last = fields.last, last.first?.isNumber == true { record.date = last }
            guard fields.count == 3, let id = ObjectID(hex: fields[2]) else { continue }
            if fields[0] == "tag" { record.tags[fields[1]] = id }
            if fields[0] == "branch" { record.branches[fields[1]] = id }
        }
        return record
    }

    /// Writes the record atomically (a killed `verify` leaves the previous one).
    func write(gitDirectory: URL) throws(CommitteeError) {
        var lines = ["# vérification du registre \(date ?? "")"]
        lines += tags.keys.sorted().map { "tag \($0) \(tags[$0]?.hex ?? "")" }
        lines += branches.keys.sorted().map { "branch \($0) \(branches[$0]?.hex ?? "")" }
        do {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: Self.url(gitDirectory: gitDirectory), options: .atomic)
        } catch {
            throw .register(.io(path: Self.url(gitDirectory: gitDirectory).path, reason: error.localizedDescription))
        }
    }
}
