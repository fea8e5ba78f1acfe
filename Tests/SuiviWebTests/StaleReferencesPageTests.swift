import Committee
import Foundation
import HummingbirdTesting
import Register
import Testing
@testable import SuiviWeb
import SuiviTestSupport

/// The committee's dashboard (`/revisions`) lists Annexe II's references to check, with the clauses relying on them.
@Suite("Member dashboard: documentary references to check")
struct StaleReferencesPageTests {
    /// The shipped references imported into the fixture's register.
    static func importReferences(into fixture: WebFixture) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-references-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ShippedFixture.committee.appendingPathComponent("references"),
                                         to: folder.appendingPathComponent("references"))
        _ = try await fixture.committee.importRecords(from: folder.path, author: fixture.clerk)
    }

    @Test("the dashboard lists each stale reference with the clauses of the text in force that cite it, named as a lawyer would")
    func dashboard() async throws {
        let fixture = try await WebFixture()
        try await Self.importReferences(into: fixture)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            let html = try await browser.get("/revisions").text
            #expect(html.contains("<h2 id=\"h-references\">Références documentaires à vérifier</h2>"))
            #expect(html.contains("<caption>11 référence(s) à vérifier</caption>"))
            #expect(html.contains("<code>rapport-iga-igas-2013</code>"))
            #expect(html.contains("<a href=\"/texte#annex_2__sec_A__para_8\">Annexe II, section A, alinéa 8</a>"))
            #expect(html.contains("<a href=\"/texte#annex_2__sec_A__para_2\">Annexe II, section A, alinéa 2</a>"))
            // Cited only by the 2026 draft: shown, said absent from the text in force.
            #expect(html.contains("annex_2__sec_A__para_8-2026 (absente du texte en vigueur)"))
            #expect(html.contains("<td>jamais vérifiée</td><td>jamais</td>"))
        }
        // A confirmed reference leaves the list.
        try await fixture.committee.confirmContent(reference: "rapport-iga-igas-2013", reason: "Rapport relu.", author: fixture.clerk,
                                                   today: WebFixture.today)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            let html = try await browser.get("/revisions").text
            #expect(html.contains("<caption>10 référence(s) à vérifier</caption>"))
            #expect(!html.contains("<code>rapport-iga-igas-2013</code>"))
        }
    }

    @Test("without references the dashboard says there is none to check")
    func none() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            let html = try await browser.get("/revisions").text
            #expect(html.contains("Références documentaires à vérifier"))
            #expect(html.contains("<p>Aucune référence à vérifier.</p>"))
        }
    }
}
