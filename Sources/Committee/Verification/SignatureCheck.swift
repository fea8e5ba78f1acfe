import Foundation
import LegalText
import Register

/// The signature rule of a register whose roster records keys (docs/COMMITTEE.md, « Signatures »), checked on
/// every commit of `main`: from the first commit whose parent's roster records a key, each commit is signed; the
/// signature verifies (in process); its key is recorded in the roster as it stood **before** the commit (its
/// parent's), a member's or a server's (then the `Membre-authentifie:` trailer names the member); and that member
/// held, on the commit's date (Paris), the seat of each record the commit writes — the chair's seat for the chair's
/// actions (reviews, roster, an event's decision, a comment's resolution, texts). A merge (of a pull) needs only a
/// member's key, or a server's (the web server's sync with the forge), without naming a member.
struct SignatureCheck {
    let register: TextRegister

    /// What a commit's changes need of its signer.
    enum Need: Hashable {
        /// A member in office of this seat.
        case seat(String)
        /// The chair's member.
        case chair
        /// A member in office of any seat.
        case anyMember
    }

    func findings(mainTip: ObjectID) async throws(CommitteeError) -> (checked: Int, findings: [VerificationFinding]) {
        let commits = try await call { () async throws(RegisterError) in try await register.commits(from: mainTip) }
        var rosters: [ObjectID: Roster?] = [:]
        var findings: [VerificationFinding] = []
        var checked = 0
        for commit in commits.reversed() {
            guard let parent = commit.parents.first else { continue }
            let roster: Roster?
            if let cached = rosters[parent] { roster = cached } else {
                roster = try await self.roster(at: parent)
                rosters[parent] = roster
            }
            guard let roster, roster.requiresSignatures else { continue }
            checked += 1
            findings += try await check(commit, parent: parent, roster: roster)
        }
        return (checked, findings)
    }

    private func check(_ commit: CommitInfo, parent: ObjectID, roster: Roster) async throws(CommitteeError) -> [VerificationFinding] {
        let subject = "commit \(commit.id.abbreviated)"
        let what = "« \(commit.summary) »"
        let status = try await call { () async throws(RegisterError) in try await register.signature(of: commit.id) }
        let key: SSHPublicKey
        switch status {
        case .unsigned:
            return [.init(kind: .unsignedRecord, subject: subject,
                          message: "\(subject) \(what) n'est pas signé, alors que le comité a inscrit des clés SSH : "
                              + "n'importe qui a pu l'écrire au nom de \(Committee.label(commit.author)).")]
        case .invalid(let reason):
            return [.init(kind: .invalidSignature, subject: subject, message: "\(subject) \(what) : signature invalide : \(reason).")]
        case .valid(let signing):
            key = signing
        }
        let day = LegalDate.today(in: .paris, now: commit.date)
        var tenures: [SeatTenure]
        var who: String
        if let server = roster.server(of: key) {
            guard let email = Self.trailer(Committee.authenticatedMemberTrailer, in: commit.message) else {
                // A merge the server made when syncing with the forge acts for no member: it joins commits that are
                // each checked on their own (docs/SERVER-SYNC.md), as a member's merge does.
                if commit.parents.count > 1 { return [] }
                return [.init(kind: .unknownSigningKey, subject: subject,
                              message: "\(subject) \(what) est signé par le serveur « \(server.name) » sans dire pour quel membre "
                                  + "(« \(Committee.authenticatedMemberTrailer): <courriel> » absent).")]
            }
            tenures = roster.tenures(ofEmail: email)
            who = "\(email) (authentifié par le serveur « \(server.name) »)"
        } else {
            tenures = roster.tenures(of: key)
            guard let first = tenures.first else {
                return [.init(kind: .unknownSigningKey, subject: subject,
                              message: "\(subject) \(what) est signé par la clé \(key.fingerprint), qui n'est celle d'aucun membre "
                                  + "ni d'aucun serveur inscrit au comité à cette date.")]
            }
            who = Committee.label(Identity(name: first.member.name, email: first.member.email))
        }
        let inOffice = tenures.filter { $0.member.isInOffice(on: day) }
        var findings: [VerificationFinding] = []
        // A merge (of a pull) brings commits that are checked on their own: its signer needs only be a member.
        var needs: Set<Need> = [.anyMember]
        if commit.parents.count == 1 { needs = try await self.needs(of: commit, parent: parent) }
        for need in needs.sorted(by: { "\($0)" < "\($1)" }) {
            switch need {
            case .chair:
                guard !inOffice.contains(where: { $0.seat.isChair }) else { continue }
                findings.append(.init(kind: .chairNotSigned, subject: subject,
                                      message: "\(subject) \(what) est un acte de la présidence, signé par \(who), qui ne tenait pas "
                                          + "le siège de la présidence\(roster.chair.map { " (« \($0.id) »)" } ?? "") le \(day.french)."))
            case .seat(let seat):
                guard !inOffice.contains(where: { $0.seat.id == seat }) else { continue }
                findings.append(.init(kind: .seatNotHeld, subject: subject,
                                      message: "\(subject) \(what) écrit pour le siège « \(seat) », signé par \(who), qui n'occupait "
                                          + "pas ce siège le \(day.french)\(Self.held(inOffice))."))
            case .anyMember:
                guard inOffice.isEmpty else { continue }
                findings.append(.init(kind: .seatNotHeld, subject: subject,
                                      message: "\(subject) \(what) est signé par \(who), qui n'était membre en fonction d'aucun siège "
                                          + "le \(day.french)."))
            }
        }
        return findings
    }

    private static func held(_ tenures: [SeatTenure]) -> String {
        var seats: [String] = []
        for tenure in tenures where !seats.contains(tenure.seat.id) { seats.append(tenure.seat.id) }
        return seats.isEmpty ? " (aucun siège ce jour-là)" : " (il occupait : " + seats.map { "« \($0) »" }.joined(separator: ", ") + ")"
    }

    /// What the changes of `commit` (against its first parent) need of the signer.
    func needs(of commit: CommitInfo, parent: ObjectID) async throws(CommitteeError) -> Set<Need> {
        let changes = try await call { () async throws(RegisterError) in try await register.fileChanges(from: parent, to: commit.id) }
        var needs: Set<Need> = [.anyMember]
        for change in changes {
            let parts = change.path.split(separator: "/").map(String.init)
            if parts.first == "texts" { needs.insert(.chair); continue }
            guard parts.first == CommitteeState.folder, parts.count >= 2 else { continue }
            switch parts[1] {
            case "members.xml", "reviews":
                needs.insert(.chair)
            case "events":
                if change.kind != .added { needs.insert(.chair) }
            case "positions" where parts.count == 4 && change.kind != .deleted:
                needs.insert(.seat(String(parts[3].dropLast(".xml".count))))
            case "comments" where change.kind != .deleted:
                let new = try await record(change.path, at: commit.id).flatMap { try? Comment(data: $0, file: change.path) }
                let old = try await record(change.path, at: parent).flatMap { try? Comment(data: $0, file: change.path) }
                if let new {
                    if new.resolution != nil && old?.resolution == nil { needs.insert(.chair) } else { needs.insert(.seat(new.seat)) }
                }
            case "positions", "comments":
                needs.insert(.chair)  // a deletion: not something a seat does
            default:
                continue
            }
        }
        return needs
    }

    /// The value of the last `Name: value` trailer line of `message`.
    static func trailer(_ name: String, in message: String) -> String? {
        let prefix = name + ":"
        return message.split(separator: "\n").last { $0.hasPrefix(prefix) }
            .map { $0.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces) }
    }

    private func roster(at commit: ObjectID) async throws(CommitteeError) -> Roster? {
        guard let data = try await record(CommitteeState.rosterPath, at: commit) else { return nil }
        return try? Roster(data: data, file: CommitteeState.rosterPath)
    }

    private func record(_ path: String, at commit: ObjectID) async throws(CommitteeError) -> Data? {
        try await call { () async throws(RegisterError) in try await register.record(at: path, in: commit) }
    }

    private func call<T>(_ body: () async throws(RegisterError) -> T) async throws(CommitteeError) -> T {
        do {
            return try await body()
        } catch {
            throw .register(error)
        }
    }
}
