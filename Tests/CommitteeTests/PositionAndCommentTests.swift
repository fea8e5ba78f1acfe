import Foundation
import LegalText
import Register
import Testing
@testable import Committee

@Suite("Positions and comments")
struct PositionAndCommentTests {
    @Test("a position is bound to the consulted commit and goes stale when consultation reopens on a new draft")
    func stalePositions() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.draftRevision("p1")
        let consulted = try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation),
                                                            acting: fixture.chair, today: fixture.today)
        let position = try await fixture.committee.recordPosition(review: "p1", opinion: .reserves, reason: "Préciser l'article 3.",
                                                                  acting: fixture.ofii, today: fixture.today)
        #expect(position.commit == consulted.consultedCommit)
        var summary = try #require(try await fixture.committee.status(today: fixture.today).openReviews.first)
        #expect(summary.seatsWithoutPosition == ["assoc-medicale"] && summary.stalePositions.isEmpty)

        // Back to drafting, the draft changes, consultation again on the new commit.
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .drafting), acting: fixture.chair, today: fixture.today)
        try await fixture.editDraft("p1")
        let again = try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation),
                                                        acting: fixture.chair, today: fixture.today)
        #expect(again.consultedCommit != consulted.consultedCommit)
        summary = try #require(try await fixture.committee.status(today: fixture.today).openReviews.first)
        #expect(summary.stalePositions == ["ofii-medecins"])
        #expect(position.isStale(consulted: again.consultedCommit))
        // A new position replaces it, on the new commit.
        try await fixture.committee.recordPosition(review: "p1", opinion: .favorable, reason: "Réserves levées.",
                                                   acting: fixture.ofii, today: fixture.today)
        summary = try #require(try await fixture.committee.status(today: fixture.today).openReviews.first)
        #expect(summary.stalePositions.isEmpty && summary.positions.map(\.opinion) == [.favorable])
    }

    @Test("a position outside consultation, or without a reason, is refused and writes nothing")
    func positionRefused() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.draftRevision("p1")
        let before = try await fixture.refs()
        let error = await refusal {
            try await fixture.committee.recordPosition(review: "p1", opinion: .favorable, reason: "Bien.", acting: fixture.ofii,
                                                       today: fixture.today)
        }
        guard case .wrongStage? = error else { Issue.record("\(String(describing: error))"); return }
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        let afterConsultation = try await fixture.refs()
        #expect(afterConsultation != before)
        #expect(await refusal {
            try await fixture.committee.recordPosition(review: "p1", opinion: .defavorable, reason: "  ", acting: fixture.ofii,
                                                       today: fixture.today)
        } != nil)
        #expect(try await fixture.refs() == afterConsultation)
    }

    @Test("a comment on art_3__para_4 of 2017 shows on art_3__para_5 after the 2026 renumbering")
    func reanchoring() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil,
                                               acting: fixture.chair, today: fixture.today)
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .drafting), acting: fixture.chair, today: fixture.today)
        // The draft still reads as the 2017 text: comment on its art_3__para_4.
        let comment = try await fixture.committee.addComment(review: "p1", eId: "art_3__para_4", text: "Ajouter la continuité des soins.",
                                                             acting: fixture.association, today: fixture.today)
        #expect(comment.wId == "art_3__para_4" && comment.eId == "art_3__para_4")
        try await fixture.writeDraft("p1", from: CommitteeFixture.corpus.appendingPathComponent("2026-projet/AFSP1638149A.xml"))
        let reply = try await fixture.committee.addComment(review: "p1", eId: nil, text: "Fait dans le projet.", replyTo: comment.id,
                                                           acting: fixture.chair, today: fixture.today)
        #expect(reply.wId == comment.wId)
        let listed = try await fixture.committee.comments(review: "p1")
        let shown = try #require(listed.first)
        #expect(listed.count == 1 && shown.currentEId == "art_3__para_5" && shown.renumbered)
        #expect(shown.replies.map(\.id) == [reply.id])
        #expect(try await fixture.committee.status(today: fixture.today).openReviews.first?.unresolvedComments == 1)

        // Only the drafter (chair's seat) resolves, with a note.
        #expect(await refusal {
            try await fixture.committee.resolveComment(review: "p1", comment: comment.id, note: "ok", acting: fixture.ofii,
                                                       today: fixture.today)
        } == .chairOnly(action: "résoudre un commentaire", seat: "ofii-medecins"))
        let resolved = try await fixture.committee.resolveComment(review: "p1", comment: comment.id, note: "Repris au 4e alinéa.",
                                                                  acting: fixture.chair, today: fixture.today)
        #expect(resolved.resolution?.note == "Repris au 4e alinéa.")
        #expect(try await fixture.committee.status(today: fixture.today).openReviews.first?.unresolvedComments == 0)
    }

    @Test("a comment on a clause that does not exist is refused and writes nothing")
    func unknownClause() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil,
                                               acting: fixture.chair, today: fixture.today)
        let before = try await fixture.refs()
        let error = await refusal {
            try await fixture.committee.addComment(review: "p1", eId: "art_99", text: "?", acting: fixture.ofii, today: fixture.today)
        }
        guard case .unknownClause(let eId, _)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(eId == "art_99")
        #expect(try await fixture.refs() == before)
    }

    @Test("a person who is not a current member of the seat cannot act for it")
    func membership() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.committee.addMember(Member(name: "Titulaire", email: "titulaire@example.org", from: day("2026-01-01")),
                                              toSeat: "ofii-medecins", author: fixture.clerk)
        try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil,
                                               acting: fixture.chair, today: fixture.today)
        #expect(await refusal {
            try await fixture.committee.addComment(review: "p1", eId: "art_1", text: "x", acting: fixture.ofii, today: fixture.today)
        } == .notAMember(seat: "ofii-medecins", email: "medecin@example.org"))
        // The seat's only member acts without naming herself.
        let comment = try await fixture.committee.addComment(review: "p1", eId: "art_1", text: "x",
                                                             acting: Acting(seat: "ofii-medecins"), today: fixture.today)
        #expect(comment.person == "Titulaire <titulaire@example.org>")
        // After her term ends, nobody can act for the seat without naming a person.
        try await fixture.committee.removeMember(email: "titulaire@example.org", fromSeat: "ofii-medecins", on: day("2026-11-30"),
                                                 author: fixture.clerk)
        #expect(await refusal {
            try await fixture.committee.addComment(review: "p1", eId: "art_1", text: "x", acting: Acting(seat: "ofii-medecins"),
                                                   today: day("2026-12-01"))
        } == .noActingPerson(seat: "ofii-medecins"))
        // Nor can she act for it by naming herself, although the seat now has no member in office.
        let former = Acting(seat: "ofii-medecins", person: Identity(name: "Titulaire", email: "Titulaire@example.org"))
        #expect(await refusal {
            try await fixture.committee.addComment(review: "p1", eId: "art_1", text: "x", acting: former, today: day("2026-12-01"))
        } == .notAMember(seat: "ofii-medecins", email: "Titulaire@example.org"))
        #expect(await refusal {
            _ = try await fixture.committee.actingIdentity(former, on: day("2026-12-01"))
        } == .notAMember(seat: "ofii-medecins", email: "Titulaire@example.org"))
        // Someone else may still act for the empty seat (the secretariat), and is named in the commit.
        let stand = Acting(seat: "ofii-medecins", person: Identity(name: "Intérim", email: "interim@example.org"))
        #expect(try await fixture.committee.actingIdentity(stand, on: day("2026-12-01")).person.email == "interim@example.org")
        let roster = try await fixture.committee.state().roster
        #expect(roster.seat("ofii-medecins")?.members.first?.to == day("2026-11-30"))
    }

    @Test("every committee commit is authored by the acting person")
    func authorship() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil,
                                               acting: fixture.chair, today: fixture.today)
        let tip = try #require(try await fixture.register.gitStore.tip())
        let info = try await fixture.register.gitStore.commitInfo(tip)
        #expect(info.author.email == "presidence@example.org" && info.summary.contains("p1"))
    }
}
