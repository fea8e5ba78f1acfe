import Committee
import Foundation
import HummingbirdTesting
import LegalText
import Register
import Testing
@testable import SuiviWeb

/// The review page and the adoption form (issue 14, items 2, 9 and 10): the draft is compared with the version it
/// was built on, inconsistent dates are refused with a French page (never a 500), and adopting with comments
/// unresolved or seats unheard needs the confirmation box.
@Suite("Adoption and the review page")
struct AdoptionPagesTests {
    static let review = "/revisions/\(WebFixture.review)"

    @Test("inconsistent or absurd adoption dates give 422 with a French message, and nothing is written")
    func inconsistentDates() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            let cases: [([(String, String)], String)] = [
                ([("signature", "2026-11-20"), ("entree_en_vigueur", "2026-11-01")], "précède la signature (20 novembre 2026)"),
                ([("signature", "2999-01-01"), ("entree_en_vigueur", "2999-02-01"), ("date_future_confirmee", "oui")],
                 "date impossible, même confirmée"),
                ([("signature", "2027-06-01"), ("entree_en_vigueur", "2027-06-02")], "confirmez-la explicitement"),
                ([("signature", "2026-11-20"), ("entree_en_vigueur", "2026-12-01"), ("publication", "2026-12-05")],
                 "précède la publication (5 décembre 2026)"),
                ([("signature", "2016-01-01"), ("entree_en_vigueur", "2016-02-01")], "n’est pas postérieure|n&#39;est pas postérieure|n'est pas postérieure"),
            ]
            for (dates, expected) in cases {
                let response = try await chair.postConfirmed(Self.review + "/etape", [("vers", "adoptee"), ("confirmer", "oui")] + dates)
                #expect(response.status == .unprocessableContent, "\(dates) → \(response.status)")
                #expect(response.text.contains("adoption refusée, dates à corriger"), "\(dates)")
                #expect(expected.split(separator: "|").contains { response.text.contains($0) }, "\(dates): \(response.text)")
            }
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("adopting with seats unheard is refused with their list unless the box is ticked; the form lists them")
    func confirmation() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            let page = try await chair.get(Self.review).text
            #expect(page.contains("sièges sans position sur le projet consulté : ofii-medecins, assoc-medicale"))
            #expect(page.contains("name=\"confirmer\""))
            let dates = [("vers", "adoptee"), ("signature", "2026-11-20"), ("entree_en_vigueur", "2026-12-01")]
            let refused = try await chair.postConfirmed(Self.review + "/etape", dates)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("adoption non confirmée") && refused.text.contains("ofii-medecins, assoc-medicale"))
            #expect(try await fixture.refs() == before)
            let adopted = try await chair.postConfirmed(Self.review + "/etape", dates + [("confirmer", "oui")])
            #expect(adopted.status == .seeOther)
            #expect(try await fixture.committee.state().reviews[WebFixture.review]?.status == .adopted)
        }
    }

    @Test("a signature months ahead is adopted once the future-date box is ticked")
    func confirmedFutureDate() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            #expect(try await chair.get(Self.review).text.contains("name=\"date_future_confirmee\""))
            let response = try await chair.postConfirmed(Self.review + "/etape", [("vers", "adoptee"), ("signature", "2027-06-01"),
                                                                         ("entree_en_vigueur", "2027-06-02"), ("confirmer", "oui"),
                                                                         ("date_future_confirmee", "oui")])
            #expect(response.status == .seeOther)
            #expect(try await fixture.refs()["refs/tags/AFSP1638149A/v2027-06-01"] != nil)
        }
    }

    @Test("the review page compares the draft with its base, not with a version another review adopted since")
    func pageAgainstBase() async throws {
        let fixture = try await WebFixture()
        // An event review changes art_2__para_3 (which the 2026 draft leaves alone) and is adopted; in force since the 21st.
        let committee = fixture.committee
        let event = CommitteeEvent(id: "vih", date: day("2025-12-18"), kind: .economic, summary: "Crise du financement",
                                   source: "Avis du CNS", works: [], deadline: day("2026-06-18"))
        try await committee.addEvent(event, acting: fixture.chair, today: WebFixture.today)
        try await committee.openReview(id: "e1", kind: .event, work: nil, event: "vih", subject: nil, acting: fixture.chair, today: WebFixture.today)
        try await committee.advance(review: "e1", AdvanceRequest(to: .drafting), acting: fixture.chair, today: WebFixture.today)
        let target = fixture.register.workingCopy(ofDraft: "e1").appendingPathComponent("AFSP1638149A.xml")
        let text = try String(contentsOf: target, encoding: .utf8)
        try text.replacingOccurrences(of: "L'avis transmis au préfet ne comporte", with: "L'avis transmis au préfet ne contient")
            .write(to: target, atomically: true, encoding: .utf8)
        _ = try await fixture.register.commitDraft("e1", message: "Modification", author: fixture.clerk)
        try await committee.advance(review: "e1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: WebFixture.today)
        try await committee.advance(review: "e1", AdvanceRequest(to: .adopted, adoption: AdoptionDates(
            signature: day("2026-11-20"), entryIntoForce: day("2026-11-21")), confirmOutstanding: true), acting: fixture.chair, today: WebFixture.today)
        #expect(try await fixture.register.versionInForce(on: WebFixture.today).name == "AFSP1638149A/v2026-11-20")

        try await fixture.application().test(.router) { client in
            var member = Browser(client)
            try await member.login("ofii-medecins")
            let page = try await member.get(Self.review).text
            #expect(page.contains("Modifications par rapport à la version du 5 janvier 2017 (AFSP1638149A/v2017-01-05)"), "\(page)")
            #expect(page.contains("comparé à sa version de base (AFSP1638149A/v2017-01-05)"))
            #expect(page.contains("id=\"ligne-art_3__para_4\""))
            #expect(!page.contains("id=\"ligne-art_2__para_3\""), "the adopted change of e1 is shown as the draft's")
            // The adopted review's page compares its version with the one before it.
            let adopted = try await member.get("/revisions/e1").text
            #expect(adopted.contains("Version adoptée AFSP1638149A/v2026-11-20 comparée à la version précédente (AFSP1638149A/v2017-01-05)"))
            #expect(adopted.contains("id=\"ligne-art_2__para_3\""))
        }
    }
}
