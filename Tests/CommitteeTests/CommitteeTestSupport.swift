import Foundation
import LegalText
import Register
import Testing
@testable import Committee
import SuiviTestSupport

func day(_ iso: String) -> LegalDate { LegalDate(iso: iso)! }

/// A fresh register with the 2017 order imported and a small roster, removed when the value goes away.
final class CommitteeFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = ShippedFixture.corpus

    let folder: URL
    let register: TextRegister
    let committee: Committee
    let clerk = Identity(name: "Secrétariat", email: "secretariat@example.org")
    let chair = Acting(seat: "dgs", person: Identity(name: "Présidence", email: "presidence@example.org"))
    let ofii = Acting(seat: "ofii-medecins", person: Identity(name: "Médecin OFII", email: "medecin@example.org"))
    let association = Acting(seat: "assoc-medicale", person: Identity(name: "Association", email: "asso@example.org"))
    let today = day("2026-11-24")

    init(roster: Bool = true) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-committee-\(UUID().uuidString)")
        register = try TextRegister.create(at: folder)
        committee = Committee(register: register)
        _ = try await register.importVersions(from: Self.corpus.appendingPathComponent("2017-01-05").path, author: clerk)
        if roster {
            try await committee.addSeat(Seat(id: "dgs", category: .dgs, organisation: "Direction générale de la santé", isChair: true), author: clerk)
            try await committee.addSeat(Seat(id: "ofii-medecins", category: .ofiiDoctors, organisation: "OFII"), author: clerk)
            try await committee.addSeat(Seat(id: "assoc-medicale", category: .medicalAssociation, organisation: "Association (exemple)"), author: clerk)
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Every ref and what it points at: a refused action must leave this unchanged.
    func refs() async throws -> [String: String] {
        let store = register.gitStore
        var result: [String: String] = [:]
        for branch in try await store.branches() { result[branch.ref] = branch.tip.description }
        for tag in try await store.tags() { result["refs/tags/" + tag.name] = tag.id.description }
        return result
    }

    /// Opens the periodic review `id`, starts its draft and commits the 2026 revision on it.
    func draftRevision(_ id: String = "periodique-2020") async throws {
        try await committee.openReview(id: id, kind: .periodic, work: nil, event: nil, subject: nil, acting: chair, today: today)
        try await committee.advance(review: id, AdvanceRequest(to: .drafting), acting: chair, today: today)
        try await writeDraft(id, from: Self.corpus.appendingPathComponent("2026-projet/AFSP1638149A.xml"))
    }

    /// Replaces the draft's working copy with `file` and commits it.
    func writeDraft(_ id: String, from file: URL) async throws {
        let target = register.workingCopy(ofDraft: id).appendingPathComponent("AFSP1638149A.xml")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: file, to: target)
        _ = try await register.commitDraft(id, message: "Projet de révision 2026", author: clerk)
    }

    /// Edits one word of the draft's working copy and commits it (the draft moves on).
    func editDraft(_ id: String) async throws {
        let target = register.workingCopy(ofDraft: id).appendingPathComponent("AFSP1638149A.xml")
        var text = try String(contentsOf: target, encoding: .utf8)
        let range = try #require(text.range(of: "</p>"))
        text.replaceSubrange(range, with: " Modifié.</p>")
        try text.write(to: target, atomically: true, encoding: .utf8)
        _ = try await register.commitDraft(id, message: "Retouche", author: clerk)
    }

    static let adoption = AdoptionDates(signature: day("2026-12-15"), entryIntoForce: day("2027-01-01"),
                                        publication: day("2026-12-20"), publicationReference: "Journal officiel du 20 décembre 2026")
}

/// The committee error an action threw, or nil when it succeeded (or threw something else).
func refusal(_ body: () async throws -> Void) async -> CommitteeError? {
    do {
        try await body()
        return nil
    } catch {
        return error as? CommitteeError
    }
}

extension CommitteeFixture {
    /// Replaces `old` by `new` in the draft's working copy of review `id` and commits it: a change of one clause.
    func editClause(_ id: String, replacing old: String, with new: String) async throws {
        let target = register.workingCopy(ofDraft: id).appendingPathComponent("AFSP1638149A.xml")
        let text = try String(contentsOf: target, encoding: .utf8)
        try #require(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: target, atomically: true, encoding: .utf8)
        _ = try await register.commitDraft(id, message: "Modification de « \(old) »", author: clerk)
    }

    /// Every seat but the chair's gives a favourable position on review `id` (in consultation).
    func allPositions(_ id: String) async throws {
        for seat in [ofii, association] {
            try await committee.recordPosition(review: id, opinion: .favorable, reason: "D'accord.", acting: seat, today: today)
        }
    }
}

extension ErrorWording {
    /// Shows each field and remedy as its value in brackets, so that a test sees which ones a message points at.
    static let probe = ErrorWording(field: { "[\($0.rawValue)]" }, remedy: { "[\($0)]" })
}
