import Committee
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Hummingbird
import HummingbirdTesting
import LegalText
import Publishing
import Register
import Testing
@testable import SuiviWeb

/// The web server's clone kept in step with the forge (docs/SERVER-SYNC.md): each member's write is pushed, a forge
/// that moved is pulled and merged before pushing again, a conflict is shown to the chair and nothing is lost.
@Suite("Web server synced with the forge")
struct ForgeSyncTests {
    static let review = ForgeFixture.reviewPath

    @Test("a member's comment through the web arrives on the forge, once, after the sync that follows the write")
    func writeArrives() async throws {
        let setup = try await ForgeFixture()
        try await setup.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("asso@example.org")
            let response = try await browser.post(Self.review + "/commentaires", [("eid", "art_3__para_3"), ("texte", "Arrive sur la forge.")])
            #expect(response.status == .seeOther)
        }
        await setup.sync.idle()
        let serverMain = try await setup.fixture.register.mainTip()
        #expect(try await setup.forgeMain() == serverMain)
        #expect(try await setup.forgeCount("Arrive sur la forge.") == 1)
        let status = await setup.sync.status
        #expect(status.problem == nil && status.pending == [:] && status.lastPush != nil, "\(status)")
    }

    @Test("the forge moved (another clone's comment): the server's push is refused, it merges the forge's writes and pushes again; both records on the forge once")
    func forgeMovedMerged() async throws {
        let setup = try await ForgeFixture()
        let clone = try await setup.clone("a")
        try await Committee(register: clone).addComment(review: WebFixture.review, eId: "art_3__para_3", text: "Ecrit dans le clone.",
                                                        acting: setup.fixture.chair, today: WebFixture.today)
        _ = try await clone.push()
        let cloneTip = try #require(try await clone.mainTip())
        try await setup.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("asso@example.org")
            let response = try await browser.post(Self.review + "/commentaires", [("eid", "art_3__para_3"), ("texte", "Ecrit sur le serveur.")])
            #expect(response.status == .seeOther)
        }
        await setup.sync.idle()
        let serverMain = try #require(try await setup.fixture.register.mainTip())
        #expect(try await setup.forgeMain() == serverMain)
        let merge = try await setup.fixture.register.commitInfo(serverMain)
        #expect(merge.parents.count == 2 && merge.parents.contains(cloneTip), "\(merge)")
        #expect(try await setup.forgeCount("Ecrit dans le clone.") == 1)
        #expect(try await setup.forgeCount("Ecrit sur le serveur.") == 1)
        let status = await setup.sync.status
        #expect(status.problem == nil && status.pending == [:] && status.lastPull != nil, "\(status)")
    }

    @Test("the same record changed on the forge and on the server: nothing moves on either side, the chair sees « Conflit avec la forge » with the record and both texts, public pages still answer; the same content on both sides then merges")
    func conflictShownNeverLost() async throws {
        let setup = try await ForgeFixture()
        let clone = try await setup.clone("a")
        try await Committee(register: clone).recordPosition(review: WebFixture.review, opinion: .favorable, reason: "Avis du clone, sans reserve.",
                                                            acting: ForgeFixture.doctor, today: WebFixture.today)
        _ = try await clone.push()
        let forgeBefore = try await setup.forgeMain()
        let serverWrite: ObjectID? = try await setup.application().test(.router) { client in
            var doctor = Browser(client)
            try await doctor.login("ofii-medecins")
            let response = try await doctor.post(Self.review + "/position", [("avis", "defavorable"), ("motif", "Avis du serveur <contre>.")])
            #expect(response.status == .seeOther)
            let serverWrite = try await setup.fixture.register.mainTip()
            await setup.sync.idle()

            // Nothing moved: the server's commit is still its main, the forge's main is the clone's.
            #expect(try await setup.fixture.register.mainTip() == serverWrite)
            #expect(try await setup.forgeMain() == forgeBefore)
            let written = try await setup.fixture.register.commitInfo(try #require(serverWrite))
            #expect(written.author.email == "medecin@example.org" && written.message.contains("position"))

            var chair = Browser(client)
            try await chair.login("dgs")
            for page in ["/revisions", "/synchronisation"] {
                let html = try await chair.get(page)
                #expect(html.status == .ok)
                #expect(html.text.contains("Conflit avec la forge"), "\(page)")
                #expect(html.text.contains("committee/positions/\(WebFixture.review)/ofii-medecins.xml"), "\(page)")
                #expect(html.text.contains("Avis du clone, sans reserve."), "\(page): the forge's text")
                // A record is shown as its XML source (its text escaped there), escaped again for the page.
                #expect(html.text.contains("Avis du serveur &amp;lt;contre&amp;gt;."), "\(page): the server's text, escaped")
                #expect(!html.text.contains("<contre>"), "\(page): never unescaped")
            }
            #expect(try await chair.get("/").status == .ok)
            #expect(try await doctor.get("/synchronisation").status == .forbidden)
            #expect(try await doctor.get(Self.review).status == .ok)
            return serverWrite
        }
        let status = await setup.sync.status
        guard case .conflict(let conflicts, _) = status.problem else {
            Issue.record("no conflict recorded: \(status)")
            return
        }
        #expect(conflicts.map(\.path) == ["committee/positions/\(WebFixture.review)/ofii-medecins.xml"])
        #expect(status.pending == ["refs/heads/main": 1], "the server's position is the one commit the forge lacks")

        // The remedy the page gives: the same content on both sides (here the clone records the server's words).
        try await Committee(register: clone).recordPosition(review: WebFixture.review, opinion: .defavorable, reason: "Avis du serveur <contre>.",
                                                            acting: ForgeFixture.doctor, today: WebFixture.today)
        _ = try await clone.push()
        let after = await setup.sync.synchronize()
        #expect(after.problem == nil && after.pending == [:], "\(after)")
        let forgeMain = try #require(try await setup.forgeMain())
        #expect(try await setup.forge.contents().isAncestor(try #require(serverWrite), of: forgeMain))
        #expect(try await setup.forge.contents().isAncestor(try #require(forgeBefore), of: forgeMain))
    }

    @Test("the same clause reworded on the forge and in the server's draft editor: the chair sees the text's NOR, the wId and eId of the article holding the clause, and both wordings; the draft stays as the server wrote it")
    func clauseConflict() async throws {
        let setup = try await ForgeFixture(stage: .drafting)
        let clone = try await setup.clone("a")
        _ = try await Publisher(register: clone).applyEdit(.reword(wId: "art_2__para_1", text: "Formulation venue de la forge."),
                                                          review: WebFixture.review, acting: setup.fixture.chair,
                                                          expectedTip: try await clone.draftTip(WebFixture.review), today: WebFixture.today)
        _ = try await clone.push()
        let editor = Self.review + "/rediger"
        try await setup.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            let page = try await chair.get(editor)
            let head = try #require(DraftEditorPagesTests.head(in: page.text))
            let save = try await chair.post(editor, [("operation", "reformuler"), ("cible", "art_2__para_1"),
                                                     ("texte", "Formulation du serveur."), ("tete", head)])
            #expect(save.status == .seeOther)
            let written = try await setup.fixture.register.draftTip(WebFixture.review)
            await setup.sync.idle()
            #expect(try await setup.fixture.register.draftTip(WebFixture.review) == written)
            let html = try await chair.get("/synchronisation").text
            #expect(html.contains("Conflit avec la forge"))
            // One file per article: the conflict is the article holding the clause.
            #expect(html.contains("Texte AFSP1638149A (NOR), élément wId art_2 (eId art_2)"), "\(html)")
            #expect(html.contains("Formulation venue de la forge.") && html.contains("Formulation du serveur."))
            #expect(html.contains("branche <code>draft/\(WebFixture.review)</code>"))
        }
    }

    @Test("an unreachable forge never fails a write: the write is kept, the chair sees the forge unreachable and the pending commit; it is pushed once the forge is back")
    func unreachableForge() async throws {
        let setup = try await ForgeFixture()
        // The server started with the forge up (its first exchange), then the forge went down.
        let first = await setup.sync.synchronize()
        #expect(first.problem == nil, "\(first)")
        try setup.forge.setReachable(false)
        try await setup.application().test(.router) { client in
            var member = Browser(client)
            try await member.login("asso@example.org")
            let response = try await member.post(Self.review + "/commentaires", [("eid", "art_3__para_3"), ("texte", "Pendant la panne.")])
            #expect(response.status == .seeOther)
            await setup.sync.idle()
            var chair = Browser(client)
            try await chair.login("dgs")
            let page = try await chair.get("/synchronisation")
            #expect(page.status == .ok)
            #expect(page.text.contains("Forge injoignable"), "\(page.text)")
            #expect(page.text.contains("<dd>1</dd>"), "one commit of the server not on the forge")
            #expect(try await member.get(Self.review).text.contains("Pendant la panne."))
        }
        let during = await setup.sync.status
        guard case .unreachable = during.problem else {
            Issue.record("the forge is not shown unreachable: \(during)")
            return
        }
        try setup.forge.setReachable(true)
        #expect(try await setup.forgeCount("Pendant la panne.") == 0)
        let after = await setup.sync.synchronize()
        #expect(after.problem == nil && after.pending == [:], "\(after)")
        #expect(try await setup.forgeCount("Pendant la panne.") == 1)
        #expect(try await setup.forgeMain() == setup.fixture.register.mainTip())
    }

    @Test("the chair's « Synchroniser maintenant » brings the forge's writes in; another seat may not ask for it")
    func chairSyncsOnDemand() async throws {
        let setup = try await ForgeFixture()
        let clone = try await setup.clone("a")
        try await Committee(register: clone).addComment(review: WebFixture.review, eId: "art_3__para_3", text: "Venu de la forge.",
                                                        acting: setup.fixture.chair, today: WebFixture.today)
        _ = try await clone.push()
        let before = try await setup.fixture.refs()
        try await setup.application().test(.router) { client in
            var member = Browser(client)
            try await member.login("asso@example.org")
            try await member.get(Self.review)
            #expect(try await member.post("/synchronisation", []).status == .forbidden)
            #expect(try await setup.fixture.refs() == before)
            var chair = Browser(client)
            try await chair.login("dgs")
            try await chair.get("/synchronisation")
            #expect(try await chair.post("/synchronisation", [], withToken: false).status == .forbidden, "CSRF")
            let response = try await chair.post("/synchronisation", [])
            #expect(response.status == .seeOther)
            #expect(try await chair.get(Self.review).text.contains("Venu de la forge."))
        }
        #expect(try await setup.fixture.register.mainTip() == setup.forgeMain())
    }

    @Test("a forge that hangs never holds the pages: they are served while the exchange waits, which then fails as unreachable")
    func hangingForge() async throws {
        let fixture = try await WebFixture()
        let listener = try SilentListener()
        let sync = try ForgeSync(registerRoot: fixture.folder, signer: nil, remote: "http://127.0.0.1:\(listener.port)/registre.git")
        var configuration = WebConfiguration(registerRoot: fixture.folder, today: { WebFixture.today })
        configuration.remote = "http://127.0.0.1:\(listener.port)/registre.git"
        let application = Application(router: try buildRouter(configuration, passwordCost: 10, forgeSync: sync))
        await sync.request(.pull)
        // Bounded polling until the exchange has started (it then waits on the silent forge).
        for _ in 0..<600 where await sync.status.exchanges == 0 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(await sync.status.exchanges == 1)
        try await application.test(.router) { client in
            var member = Browser(client)
            for page in ["/", "/versions", Self.review] {
                #expect(try await member.get(page).status == (page == Self.review ? .seeOther : .ok), "\(page)")
            }
            try await member.login("asso@example.org")
            let response = try await member.post(Self.review + "/commentaires", [("eid", "art_3__para_3"), ("texte", "Pendant que la forge se tait.")])
            #expect(response.status == .seeOther)
            #expect(try await member.get(Self.review).text.contains("Pendant que la forge se tait."))
        }
        let waiting = await sync.status
        #expect(waiting.lastPush == nil && waiting.problem == nil, "the exchange was still waiting on the forge: \(waiting)")
        listener.close()
        await sync.idle()
        let after = await sync.status
        guard case .unreachable = after.problem else {
            Issue.record("a forge that hung up is not shown unreachable: \(after)")
            return
        }
    }

    @Test("without a forge (no --distant, no origin), writes go nowhere, the dashboard shows no sync box and the page says how to set one")
    func noForge() async throws {
        let fixture = try await WebFixture()
        let sync = try ForgeSync(registerRoot: fixture.folder, signer: nil, remote: nil)
        let configuration = WebConfiguration(registerRoot: fixture.folder, today: { WebFixture.today })
        let application = Application(router: try buildRouter(configuration, passwordCost: 10, forgeSync: sync))
        try await application.test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            let response = try await chair.post(Self.review + "/commentaires", [("eid", "art_3__para_3"), ("texte", "Sans forge.")])
            #expect(response.status == .seeOther)
            await sync.idle()
            #expect(!(try await chair.get("/revisions").text.contains("forge")))
            let page = try await chair.get("/synchronisation")
            #expect(page.status == .ok && page.text.contains("ne se synchronise avec aucune forge"))
            #expect(!page.text.contains("Synchroniser maintenant"))
        }
        let status = await sync.status
        #expect(status.forge == nil && status.exchanges == 0 && status.problem == nil)
    }

    @Test("a password in the forge's address never reaches the chair's page nor the status")
    func credentialsNeverShown() async throws {
        #expect(ForgeSyncStatus.shown("https://jean:Pw-9x7q@forge.example.org/comite/registre.git") == "https://forge.example.org/comite/registre.git")
        #expect(ForgeSyncStatus.shown("/srv/forge/a@b/register.git") == "/srv/forge/a@b/register.git")
        let fixture = try await WebFixture()
        // An address holding a password is refused before any request (docs/SYNC.md): the refusal says so, without it.
        let sync = try ForgeSync(registerRoot: fixture.folder, signer: nil, remote: "http://jean:Pw-9x7q@127.0.0.1:9/registre.git")
        let status = await sync.synchronize()
        guard case .refused(let message) = status.problem else {
            Issue.record("not refused: \(status)")
            return
        }
        #expect(message.contains("mot de passe") && !message.contains("Pw-9x7q") && status.forge == "http://127.0.0.1:9/registre.git",
                "\(status)")
        let page = SyncController.view(status, csrf: "", withButton: true)
        #expect(!"\(page)".contains("Pw-9x7q"))
    }

    @Test("with a period, the running server brings the forge's writes in by itself, and its sync stops with it")
    func periodicPull() async throws {
        let setup = try await ForgeFixture()
        var configuration = setup.configuration()
        configuration.port = 0
        configuration.syncPeriod = 0.2
        let application = try await buildApplication(configuration)
        let clone = try await setup.clone("a")
        try await Committee(register: clone).addComment(review: WebFixture.review, eId: "art_3__para_3", text: "Tire par la periode.",
                                                        acting: setup.fixture.chair, today: WebFixture.today)
        _ = try await clone.push()
        let wanted = try #require(try await clone.mainTip())
        try await application.test(.live) { client in
            #expect(try await client.execute(uri: "/", method: .get).status == .ok)
            // Bounded polling: the period is 0.2 s; give up after 60 s.
            for _ in 0..<300 where try await setup.fixture.register.mainTip() != wanted {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        #expect(try await setup.fixture.register.mainTip() == wanted)
    }
}

/// A loopback port that takes connections (the kernel's backlog) and never answers: a forge that hangs.
final class SilentListener: Sendable {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(bound == 0 && listen(descriptor, 16) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Closes the socket: the connections waiting in its backlog are reset.
    func close() { _ = Glibc.close(descriptor) }
}
