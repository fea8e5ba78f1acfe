import Foundation
import LegalText
import Register
import SuiviSynthetic
import SuiviTestSupport
import Testing
@testable import Committee

/// Random rosters (people, keys, tenures of seats around today, the server's key) and random signed writes, checked
/// against a model of who may sign what: a key may write for a seat on a day iff the roster records it for a person
/// holding that seat that day (for the server's key: the person its trailer names). The committee's up-front check
/// and the verifier must both agree with the model, write by write.
@Suite("Signed records against a model")
struct SignedRecordsModelTests {
    struct Tenure {
        let seat: String
        let from: LegalDate
        let to: LegalDate?
        func holds(_ day: LegalDate) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }
    }

    struct Person {
        let identity: Identity
        let key: Signer
        var tenures: [Tenure]
    }

    enum Writer {
        case member(Int)
        case server(Int)
        case stranger
    }

    static let seats = ["dgs", "ofii-medecins", "assoc-medicale"]

    @Test("the up-front check and the verifier agree with the model of who may sign for which seat", arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func modelAgreement(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let fixture = try await CommitteeFixture()
        let now = LegalDate.today(in: .paris)
        let server = Signer(randomFor: .server)
        let stranger = Signer(randomFor: .member)

        // The roster: 2 to 4 people, each with a key and 1 to 3 tenures around today.
        var people: [Person] = []
        for index in 0..<Int.random(in: 2...4, using: &random) {
            var tenures: [Tenure] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let from = now.adding(days: Int.random(in: -500...60, using: &random))
                let to: LegalDate? = Bool.random(using: &random) ? nil : from.adding(days: Int.random(in: 0...400, using: &random))
                tenures.append(Tenure(seat: Self.seats.randomElement(using: &random)!, from: from, to: to))
            }
            people.append(Person(identity: Identity(name: "Personne \(index)", email: "p\(index)@example.org"),
                                 key: Signer(randomFor: .member), tenures: tenures))
        }
        var roster = try await fixture.committee.state().roster
        for person in people {
            for tenure in person.tenures {
                let index = try #require(roster.seats.firstIndex { $0.id == tenure.seat })
                roster.seats[index].members.append(Member(name: person.identity.name, email: person.identity.email, from: tenure.from,
                                                          to: tenure.to, publicKey: person.key.publicKey))
            }
        }
        roster.servers = [ServerKey(name: "serveur", publicKey: server.publicKey)]
        // The first roster with keys is written unsigned: nothing recorded yet to check it against.
        _ = try await fixture.register.applyRecords([CommitteeState.rosterPath: Data(roster.xml.utf8)], message: "Clés du comité",
                                                    author: fixture.clerk)

        var expected: [String: Set<VerificationFinding.Kind>] = [:]
        var log: [String] = []
        for step in 0..<14 {
            let writer: Writer
            switch Int.random(in: 0..<10, using: &random) {
            case 0: writer = .stranger
            case 1, 2: writer = .server(Int.random(in: 0..<people.count, using: &random))
            default: writer = .member(Int.random(in: 0..<people.count, using: &random))
            }
            let seat = Self.seats.randomElement(using: &random)!
            let signer: Signer
            var acting = Acting(seat: seat)
            var message = "Position \(step)"
            let allowed: Bool
            switch writer {
            case .stranger:
                signer = stranger
                allowed = false
            case .member(let index):
                signer = people[index].key
                allowed = people[index].tenures.contains { $0.seat == seat && $0.holds(now) }
            case .server(let index):
                signer = server
                acting.person = people[index].identity
                message += "\n\nMembre-authentifie: \(people[index].identity.email)"
                allowed = people[index].tenures.contains { $0.seat == seat && $0.holds(now) }
            }
            log.append("\(step): \(writer) pour \(seat) → \(allowed ? "permis" : "refusé")")

            // Up front.
            let committee = Committee(register: fixture.register.signing(with: signer))
            let refused = await refusal { _ = try await committee.actingIdentity(acting, on: now) }
            #expect((refused == nil) == allowed, "seed \(seed), \(log.last!) ; refus : \(String(describing: refused))\n\(log.joined(separator: "\n"))")

            // Written anyway, as someone with git and the key could: the verifier must say the same.
            let position = Position(review: "r", seat: seat, opinion: .favorable, reason: "Motif \(step)",
                                    commit: String(repeating: "0", count: 40), date: now, person: "X <x@example.org>")
            let commit = try await fixture.register.signing(with: signer)
                .applyRecords([Position.path(review: "r", seat: seat): Data(position.xml.utf8)], message: message,
                              author: Identity(name: "X", email: "x@example.org"))
            if case .stranger = writer {
                expected["commit \(commit.abbreviated)"] = [.unknownSigningKey]
            } else if !allowed {
                expected["commit \(commit.abbreviated)"] = [.seatNotHeld]
            }
        }
        let report = try await RegisterVerifier(register: fixture.register).verify(record: false)
        var found: [String: Set<VerificationFinding.Kind>] = [:]
        let kinds: Set<VerificationFinding.Kind> = [.unsignedRecord, .invalidSignature, .unknownSigningKey, .seatNotHeld, .chairNotSigned]
        for finding in report.findings where kinds.contains(finding.kind) { found[finding.subject, default: []].insert(finding.kind) }
        #expect(found == expected, "seed \(seed)\n\(log.joined(separator: "\n"))\n\(report.findings.map(\.message).joined(separator: "\n"))")
    }
}
