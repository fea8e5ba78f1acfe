import Committee
import LegalText
import Register
import Testing

@Suite("Which seat and person a login acts as (the seat-account rule)")
struct SeatAccountTests {
    static let day = LegalDate(iso: "2026-12-01")!
    static let roster = Roster(seats: [
        Seat(id: "dgs", category: .dgs, organisation: "DGS", isChair: true,
             members: [Member(name: "Ancienne présidence", email: "ancienne@example.org", from: LegalDate(iso: "2020-01-01")!,
                              to: LegalDate(iso: "2025-12-31")!),
                       Member(name: "Présidence", email: "presidence@example.org", from: LegalDate(iso: "2026-01-01")!)]),
        Seat(id: "ofii-medecins", category: .ofiiDoctors, organisation: "OFII"),
        Seat(id: "assoc-medicale", category: .medicalAssociation, organisation: "Association",
             members: [Member(name: "Camille", email: "camille@example.org", from: LegalDate(iso: "2026-01-01")!),
                       Member(name: "Dominique", email: "dominique@example.org", from: LegalDate(iso: "2026-06-01")!)]),
    ])
    static let someone = Identity(name: "Médecin OFII", email: "medecin@example.org")

    @Test("a seat's login signs as its only member in office, whatever person is offered")
    func seatWithOneMember() throws {
        let account = try Self.roster.account(for: " dgs ", on: Self.day, person: Self.someone)
        #expect(account == SeatAccount(login: "dgs", seat: "dgs", person: Identity(name: "Présidence", email: "presidence@example.org"),
                                       isMember: false))
        #expect(account.acting == Acting(seat: "dgs", person: nil, fallback: Identity(name: "Présidence", email: "presidence@example.org")))
    }

    @Test("a seat with no member in office needs the person who holds it; without one it is refused")
    func seatWithoutMember() throws {
        let account = try Self.roster.account(for: "ofii-medecins", on: Self.day, person: Self.someone)
        #expect(account.person == Self.someone && !account.isMember && account.seat == "ofii-medecins")
        #expect(throws: CommitteeError.noActingPerson(seat: "ofii-medecins")) {
            try Self.roster.account(for: "ofii-medecins", on: Self.day, person: nil)
        }
    }

    @Test("a seat with several members in office has no seat login: each member logs in with their e-mail")
    func seatWithSeveralMembers() throws {
        #expect(throws: CommitteeError.severalMembers(seat: "assoc-medicale", emails: ["camille@example.org", "dominique@example.org"])) {
            try Self.roster.account(for: "assoc-medicale", on: Self.day, person: Self.someone)
        }
        // Before the second member joined, the seat had one holder.
        #expect(try Self.roster.account(for: "assoc-medicale", on: LegalDate(iso: "2026-05-31")!, person: nil).person.email == "camille@example.org")
        let member = try Self.roster.account(for: "DOMINIQUE@example.org", on: Self.day, person: nil)
        #expect(member == SeatAccount(login: "dominique@example.org", seat: "assoc-medicale",
                                      person: Identity(name: "Dominique", email: "dominique@example.org"), isMember: true))
        #expect(member.acting == Acting(seat: "assoc-medicale", person: Identity(name: "Dominique", email: "dominique@example.org")))
    }

    @Test("a member out of office, or a login that is neither a seat nor a member, has no account")
    func unknown() {
        #expect(throws: CommitteeError.unknownLogin("ancienne@example.org")) {
            try Self.roster.account(for: "ancienne@example.org", on: Self.day, person: Self.someone)
        }
        #expect(throws: CommitteeError.unknownLogin("personne")) { try Self.roster.account(for: "personne", on: Self.day, person: nil) }
    }
}
