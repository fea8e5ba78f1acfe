import Committee
import Foundation
import Hummingbird
import HummingbirdTesting
import LegalText
import Register
import Testing
@testable import SuiviWeb
import SuiviTestSupport

func day(_ iso: String) -> LegalDate { LegalDate(iso: iso)! }

/// A register with the 2017 order, a small roster with web accounts, and review `periodique-2020` in
/// consultation on the 2026 draft; removed when the value goes away.
final class WebFixture: Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = ShippedFixture.corpus
    static let today = day("2026-11-24")
    static let review = "periodique-2020"

    let folder: URL
    let register: TextRegister
    let committee: Committee
    let clerk = Identity(name: "Secrétariat", email: "secretariat@example.org")
    let chair = Acting(seat: "dgs", person: Identity(name: "Présidence", email: "presidence@example.org"))

    /// Passwords of the accounts: a seat account for the chair and for the OFII doctors, a member
    /// account for the association's member.
    static let passwords = ["dgs": "presidence-secrete", "ofii-medecins": "medecins-secret-1",
                            "asso@example.org": "association-secret"]

    init(stage: ReviewStatus = .consultation) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-web-\(UUID().uuidString)")
        register = try TextRegister.create(at: folder)
        committee = Committee(register: register)
        _ = try await register.importVersions(from: Self.corpus.appendingPathComponent("2017-01-05").path, author: clerk)
        try await committee.addSeat(Seat(id: "dgs", category: .dgs, organisation: "Direction générale de la santé", isChair: true), author: clerk)
        try await committee.addSeat(Seat(id: "ofii-medecins", category: .ofiiDoctors, organisation: "OFII"), author: clerk)
        try await committee.addSeat(Seat(id: "assoc-medicale", category: .medicalAssociation, organisation: "Association (exemple)",
                                         members: [Member(name: "Camille Association", email: "asso@example.org", from: day("2026-01-01"))]),
                                    author: clerk)
        let accounts = AccountStore(registerRoot: folder, cost: 10)
        try await accounts.setPassword(login: "dgs", password: Self.passwords["dgs"]!, committee: committee, today: Self.today,
                                       person: Identity(name: "Présidence", email: "presidence@example.org"))
        try await accounts.setPassword(login: "ofii-medecins", password: Self.passwords["ofii-medecins"]!, committee: committee,
                                       today: Self.today, person: Identity(name: "Médecin OFII", email: "medecin@example.org"))
        try await accounts.setPassword(login: "asso@example.org", password: Self.passwords["asso@example.org"]!, committee: committee,
                                       today: Self.today, person: nil)
        try await committee.openReview(id: Self.review, kind: .periodic, work: nil, event: nil, subject: nil, acting: chair, today: Self.today)
        guard stage != .opened else { return }
        try await committee.advance(review: Self.review, AdvanceRequest(to: .drafting), acting: chair, today: Self.today)
        let target = register.workingCopy(ofDraft: Self.review).appendingPathComponent("AFSP1638149A.xml")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent("2026-projet/AFSP1638149A.xml"), to: target)
        _ = try await register.commitDraft(Self.review, message: "Projet de révision 2026", author: clerk)
        guard stage == .consultation else { return }
        try await committee.advance(review: Self.review, AdvanceRequest(to: .consultation), acting: chair, today: Self.today)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The application `suivi serve` runs, on this register.
    func application(loginThrottle: LoginThrottle = LoginThrottle(), publicAddress: String? = nil) throws -> some ApplicationProtocol {
        var configuration = WebConfiguration(registerRoot: folder, today: { WebFixture.today })
        configuration.publicAddress = publicAddress
        return Application(router: try buildRouter(configuration, passwordCost: 10, loginThrottle: loginThrottle))
    }

    /// Every ref and what it points at: a refused action must leave this unchanged.
    func refs() async throws -> [String: String] {
        let store = register.gitStore
        var result: [String: String] = [:]
        for branch in try await store.branches() { result[branch.ref] = branch.tip.description }
        for tag in try await store.tags() { result["refs/tags/" + tag.name] = tag.id.description }
        return result
    }

    /// The author and subject of the last commit on main.
    func lastCommit() async throws -> CommitInfo {
        let store = register.gitStore
        let tip = try #require(try await store.tip())
        return try await store.commitInfo(tip)
    }
}

/// A browser for the in-process client: keeps the session cookie and the page's CSRF token.
struct Browser {
    let client: any TestClientProtocol
    var cookie: String?
    var csrf: String?

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// GET, keeping the CSRF token of the page.
    @discardableResult
    mutating func get(_ uri: String) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = "suivi_session=\(cookie)" }
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        keepCookie(response)
        if let token = Self.csrf(in: response.text) { csrf = token }
        return response
    }

    /// POST a form; `csrf` is added unless `withToken` is false (or replaced by `token`).
    @discardableResult
    mutating func post(_ uri: String, _ fields: [(String, String)], withToken: Bool = true, token: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = "suivi_session=\(cookie)" }
        var all = fields
        if withToken, let value = token ?? csrf { all.append(("csrf", value)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        keepCookie(response)
        return response
    }

    /// Opens the login page and logs in.
    @discardableResult
    mutating func login(_ login: String, password: String? = nil) async throws -> TestResponse {
        try await get("/connexion")
        let response = try await post("/connexion", [("identifiant", login), ("mot_de_passe", password ?? WebFixture.passwords[login] ?? "")])
        try await get("/revisions")
        return response
    }

    mutating func keepCookie(_ response: TestResponse) {
        for value in response.headers[values: .setCookie] where value.hasPrefix("suivi_session=") {
            let cookieValue = value.dropFirst("suivi_session=".count).prefix { $0 != ";" }
            cookie = cookieValue.isEmpty ? nil : String(cookieValue)
        }
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}
