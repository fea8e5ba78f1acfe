import Committee
import Foundation
import LegalText
import Register
import Testing
@testable import Publishing
import SuiviTestSupport

func day(_ iso: String) -> LegalDate { LegalDate(iso: iso)! }

/// The corpus the tests read: the frozen copy of the shipped one (Tests/Fixtures/shipped-2026-12, via `ShippedFixture`).
enum Corpus {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = ShippedFixture.corpus

    static func read(_ version: String) throws -> LegalDocument {
        try LegalTextReader.read(contentsOf: folder.appendingPathComponent("\(version)/AFSP1638149A.xml").path).document
    }
}

/// Reads a fixture of this target.
func fixtureText(_ name: String, _ ext: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"))
    return try String(contentsOf: url, encoding: .utf8)
}

/// A register built in a temporary folder from the corpus (2017 version adopted, 2026 draft on
/// `draft/2026-projet`), removed when the value goes away.
final class RegisterFixture {
    let folder: URL
    let register: TextRegister
    let publisher: Publisher
    let clerk = Identity(name: "Secrétariat", email: "secretariat@example.org")
    let chair = Acting(seat: "dgs", person: Identity(name: "Présidence", email: "presidence@example.org"))
    let today = day("2026-11-24")

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-publishing-\(UUID().uuidString)")
        register = try TextRegister.create(at: folder)
        publisher = Publisher(register: register)
        _ = try await register.importVersions(from: Corpus.folder.path, author: clerk)
        try await publisher.committee.addSeat(Seat(id: "dgs", category: .dgs, organisation: "Direction générale de la santé", isChair: true), author: clerk)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Opens review `id`, drafts the 2026 revision on `draft/<id>`, and moves it to `stage`
    /// (drafting, consultation or adopted).
    func review(_ id: String = "periodique-2020", upTo stage: ReviewStatus) async throws {
        let committee = publisher.committee
        try await committee.openReview(id: id, kind: .periodic, work: nil, event: nil,
                                       subject: "Révision périodique de l'arrêté et de son annexe II.", acting: chair, today: today)
        try await committee.advance(review: id, AdvanceRequest(to: .drafting, note: "Rédaction du projet après l'avis du CNS.", notePublic: true), acting: chair, today: today)
        let target = register.workingCopy(ofDraft: id).appendingPathComponent("AFSP1638149A.xml")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: Corpus.folder.appendingPathComponent("2026-projet/AFSP1638149A.xml"), to: target)
        _ = try await register.commitDraft(id, message: "Projet de révision 2026", author: clerk)
        guard stage != .drafting else { return }
        try await committee.advance(review: id, AdvanceRequest(to: .consultation), acting: chair, today: today)
        guard stage != .consultation else { return }
        try await committee.advance(review: id, AdvanceRequest(to: .adopted, adoption: AdoptionDates(
            signature: day("2026-12-15"), entryIntoForce: day("2027-01-01"), publication: day("2026-12-20"),
            publicationReference: "Journal officiel du 20 décembre 2026"), confirmOutstanding: true), acting: chair, today: today)
    }
}
