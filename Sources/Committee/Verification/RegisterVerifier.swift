import Foundation
import LegalText
import Register

/// Checks a managed repository (`suivi verify`): every adopted version reads and validates, every tag
/// designates what its message and the committee's records say, every position, comment and consulted draft
/// names a commit the repository holds, and history was only appended to since the last verification (a tag
/// moved or deleted, or a recorded branch tip no longer in its branch's history, is tampering).
public struct RegisterVerifier: Sendable {
    public let register: TextRegister

    public init(register: TextRegister) {
        self.register = register
    }

    /// Runs every check; records the tags and tips seen when no tampering was found.
    /// - Parameter record: `false` to check without updating `register.git/suivi-verify`.
    public func verify(record: Bool = true, now: Date = Date()) async throws(CommitteeError) -> VerificationReport {
        var findings: [VerificationFinding] = []
        let gitDirectory = register.gitDirectory
        let previous = VerificationRecord.read(gitDirectory: gitDirectory)

        // The state now.
        let tags = try await call { () async throws(RegisterError) in try await register.tags() }
        let branches = try await call { () async throws(RegisterError) in try await register.branches() }
        var current = VerificationRecord()
        current.date = now.formatted(.iso8601)
        for tag in tags { current.tags["refs/tags/" + tag.name] = tag.id }
        for branch in branches { current.branches[branch.ref] = branch.tip }
        let mainTip = current.branches[TextRegister.mainBranch]

        // History only appended to since the last verification.
        if let previous {
            for (ref, old) in previous.tags.sorted(by: { $0.key < $1.key }) {
                let name = String(ref.dropFirst("refs/tags/".count))
                guard let now = current.tags[ref] else {
                    findings.append(.init(kind: .tagDeleted, subject: name,
                                          message: "l'étiquette \(name) (\(old.abbreviated)) a été supprimée depuis la dernière vérification."))
                    continue
                }
                if now != old {
                    findings.append(.init(kind: .tagMoved, subject: name,
                                          message: "l'étiquette \(name) désignait \(old.abbreviated) à la dernière vérification ; elle désigne maintenant \(now.abbreviated)."))
                }
            }
            for (ref, old) in previous.branches.sorted(by: { $0.key < $1.key }) {
                let name = String(ref.dropFirst("refs/heads/".count))
                guard let now = current.branches[ref] else {
                    // A draft branch may be deleted once adopted or abandoned; the main line may not.
                    if ref == TextRegister.mainBranch {
                        findings.append(.init(kind: .branchDeleted, subject: name,
                                              message: "la branche \(name) (\(old.abbreviated)) a disparu."))
                    }
                    continue
                }
                let kept = try await call { () async throws(RegisterError) in
                    try await register.containsCommit(old) ? try await register.isAncestor(old, of: now) : false
                }
                if !kept {
                    findings.append(.init(kind: .historyRewritten, subject: name,
                                          message: "l'historique de \(name) a été réécrit : le commit \(old.abbreviated), sa tête à la dernière vérification, n'est plus dans son histoire (tête actuelle \(now.abbreviated))."))
                }
            }
        }

        // Every adopted version reads, validates, and is where its tag message says.
        var versionsChecked: [String] = []
        for tag in tags {
            guard let message = tag.message, let record = VersionRecord(message: message) else { continue }
            versionsChecked.append(tag.name)
            findings += try await checkVersion(tag, record: record, mainTip: mainTip)
        }

        // Committee records at the tip of main name commits the repository holds; adopted reviews name their tag.
        var recordsChecked = 0
        if let mainTip {
            do {
                let state = try await Committee(register: register).state(at: mainTip)
                for record in state.damaged {
                    for character in record.characters {
                        findings.append(.init(kind: .forbiddenCharacter, subject: record.path,
                                              message: "\(record.path), \(character.description) : caractère interdit en XML, "
                                                  + "qui rend l'enregistrement illisible (il est lu sans lui) ; "
                                                  + "\(Remedy.repairCommittee.french)."))
                    }
                }
                for review in state.reviews.values.sorted(by: { $0.id < $1.id }) {
                    recordsChecked += 1
                    findings += try await checkCommit(review.consultedCommit, subject: "révision \(review.id)", what: "le projet soumis au comité")
                    if let version = review.adoptedVersion {
                        findings += try await checkAdoption(review, version: version, tags: tags)
                    }
                }
                for (review, seats) in state.positions.sorted(by: { $0.key < $1.key }) {
                    for (seat, position) in seats.sorted(by: { $0.key < $1.key }) {
                        recordsChecked += 1
                        findings += try await checkCommit(position.commit, subject: "position \(seat) sur \(review)", what: "le projet sur lequel porte la position")
                    }
                }
                for (review, comments) in state.comments.sorted(by: { $0.key < $1.key }) {
                    for comment in comments {
                        recordsChecked += 1
                        findings += try await checkCommit(comment.commit, subject: "commentaire \(comment.id) sur \(review)", what: "la version commentée")
                    }
                }
            } catch {
                findings.append(.init(kind: .unreadableRecord, subject: "committee/", message: error.description))
            }
        }

        // Signed records: from the first commit whose roster records keys, who signed each commit, and for which seat.
        if let mainTip {
            let signatures = try await SignatureCheck(register: register).findings(mainTip: mainTip)
            recordsChecked += signatures.checked
            findings += signatures.findings
        }

        let tampered = findings.contains { $0.kind.isTampering }
        if record && !tampered { try current.write(gitDirectory: gitDirectory) }
        return VerificationReport(versionsChecked: versionsChecked, recordsChecked: recordsChecked, findings: findings,
                                  previousVerification: previous?.date, recorded: record && !tampered)
    }

    private func checkVersion(_ tag: TagInfo, record: VersionRecord, mainTip: ObjectID?) async throws(CommitteeError)
        -> [VerificationFinding]
    {
        var findings: [VerificationFinding] = []
        if !record.isNamed(tag.name) {
            findings.append(.init(kind: .tagMismatch, subject: tag.name,
                                  message: "l'étiquette \(tag.name) porte une version signée le \(record.signature?.iso ?? "?") (elle devrait s'appeler \(record.tagName ?? "?"))."))
        }
        if let mainTip {
            let onMain = try await call { () async throws(RegisterError) in try await register.isAncestor(tag.target, of: mainTip) }
            if !onMain {
                findings.append(.init(kind: .tagMismatch, subject: tag.name,
                                      message: "l'étiquette \(tag.name) désigne \(tag.target.abbreviated), qui n'est pas dans l'histoire de main."))
            }
        }
        do {
            let document = try await register.document(at: tag.target, work: record.work)
            let problems = try LegalTextValidator.validateAsStored(document, file: "\(tag.name):\(record.work)")
            if !problems.isEmpty {
                findings.append(.init(kind: .invalidVersion, subject: tag.name,
                                      message: "la version \(tag.name) ne valide pas : " + problems.prefix(5).map(\.description).joined(separator: " ; ")))
            }
            let stored = VersionRecord(document: document)
            if stored.signature != record.signature || stored.work != record.work {
                findings.append(.init(kind: .tagMismatch, subject: tag.name,
                                      message: "l'étiquette \(tag.name) annonce le texte \(record.work) signé le \(record.signature?.iso ?? "?") ; le commit \(tag.target.abbreviated) contient \(stored.work) signé le \(stored.signature?.iso ?? "?")."))
            }
        } catch let error as RegisterError {
            findings.append(.init(kind: .invalidVersion, subject: tag.name, message: "la version \(tag.name) est illisible : \(error.description)"))
        } catch let error as LegalTextError {
            findings.append(.init(kind: .invalidVersion, subject: tag.name, message: "la version \(tag.name) est illisible : \(error.description)"))
        } catch {
            findings.append(.init(kind: .invalidVersion, subject: tag.name, message: "la version \(tag.name) est illisible : \(error)"))
        }
        return findings
    }

    private func checkAdoption(_ review: Review, version: String, tags: [TagInfo]) async throws(CommitteeError)
        -> [VerificationFinding]
    {
        guard let tag = tags.first(where: { $0.name == version }) else {
            return [.init(kind: .tagMismatch, subject: "révision \(review.id)",
                          message: "la révision \(review.id) est adoptée en \(version), mais aucune étiquette \(version) n'existe.")]
        }
        // The adoption commit itself records the review as adopted in that version.
        let recorded = try await call { () async throws(RegisterError) in
            try await register.record(at: Review.path(review.id), in: tag.target)
        }
        guard let recorded, let atTag = try? Review(data: recorded, file: Review.path(review.id)),
              atTag.adoptedVersion == version else {
            return [.init(kind: .tagMismatch, subject: version,
                          message: "l'étiquette \(version) désigne \(tag.target.abbreviated), où la révision \(review.id) n'est pas enregistrée comme adoptée en \(version).")]
        }
        return []
    }

    private func checkCommit(_ hex: String?, subject: String, what: String) async throws(CommitteeError) -> [VerificationFinding] {
        guard let hex else { return [] }
        guard let id = ObjectID(hex: hex) else {
            return [.init(kind: .missingCommit, subject: subject, message: "\(subject) : « \(hex) » n'est pas un identifiant de commit.")]
        }
        let exists = try await call { () async throws(RegisterError) in
            try await register.containsCommit(id)
        }
        return exists ? [] : [.init(kind: .missingCommit, subject: subject,
                                    message: "\(subject) : \(what) (\(id.abbreviated)) est absent du dépôt.")]
    }

    private func call<T>(_ body: () async throws(RegisterError) -> T) async throws(CommitteeError) -> T {
        do {
            return try await body()
        } catch {
            throw .register(error)
        }
    }
}
