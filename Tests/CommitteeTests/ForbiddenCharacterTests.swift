import Foundation
import LegalText
import Register
import Testing
@testable import Committee
import SuiviSynthetic

/// A character XML 1.0 cannot hold, as a user pastes it.
struct BadCharacter: Sendable, CustomTestStringConvertible {
    let scalar: Unicode.Scalar
    var code: String { XMLCharacters.label(code: scalar.value) }
    var testDescription: String { String(format: "U+%04X", scalar.value) }

    static let all: [BadCharacter] = [0x00, 0x01, 0x0B, 0x1F, 0xFFFE, 0xFFFF].map { BadCharacter(scalar: Unicode.Scalar($0)!) }

    /// "Avant<c>après": the character is at position 6, after « Avant ».
    var text: String { "Avant" + String(Character(scalar)) + "après" }
}

/// Every way a committee record gets written, each with the field it fills.
enum WritePath: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case comment, reply, resolution, position, stepNote, closingReason, eventSummary, eventSource, noRevisionReason
    case seatOrganisation, memberName, memberEmail, reviewSubject, actingPerson, publicationReference
    case importRaw, importReference

    var testDescription: String { rawValue }

    /// The field the refusal must name.
    var field: String {
        switch self {
        case .comment, .reply: return "texte"
        case .resolution: return "note de résolution"
        case .position, .closingReason, .noRevisionReason, .stepNote: return "motif"
        case .eventSummary: return "résumé"
        case .eventSource: return "source"
        case .seatOrganisation: return "organisation"
        case .memberName: return "nom d'un membre"
        case .memberEmail: return "courriel d'un membre"
        case .reviewSubject: return "objet"
        case .actingPerson: return "auteur"
        case .publicationReference: return "journal (référence de publication)"
        case .importRaw, .importReference: return ""
        }
    }

    /// Brings the fixture to where the write can be tried (a review in drafting or consultation, an event…).
    func prepare(_ f: CommitteeFixture) async throws {
        switch self {
        case .comment, .reply, .resolution, .actingPerson, .stepNote:
            try await f.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil, acting: f.chair, today: f.today)
            try await f.committee.advance(review: "p1", AdvanceRequest(to: .drafting), acting: f.chair, today: f.today)
            try await f.committee.addComment(review: "p1", eId: "art_3", text: "Premier commentaire.", acting: f.ofii, today: f.today)
            if self == .stepNote { try await f.editDraft("p1") }
        case .position, .publicationReference:
            try await f.draftRevision("p1")
            try await f.committee.advance(review: "p1", AdvanceRequest(to: .consultation), acting: f.chair, today: f.today)
        case .closingReason:
            try await f.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil, acting: f.chair, today: f.today)
        case .noRevisionReason:
            try await f.committee.addEvent(Self.event(summary: "Événement", source: "Bulletin"), acting: f.ofii, today: f.today)
        case .eventSummary, .eventSource, .seatOrganisation, .memberName, .memberEmail, .reviewSubject, .importRaw, .importReference:
            break
        }
    }

    static func event(summary: String, source: String) -> CommitteeEvent {
        CommitteeEvent(id: "ev", date: day("2026-10-01"), kind: .sanitary, summary: summary, source: source, works: [],
                       deadline: day("2027-04-01"))
    }

    /// Tries the write with `text` in its field.
    func write(_ text: String, _ f: CommitteeFixture) async throws {
        let c = f.committee
        switch self {
        case .comment:
            try await c.addComment(review: "p1", eId: "art_3", text: text, acting: f.association, today: f.today)
        case .reply:
            let parent = try #require(try await c.state().comments["p1"]?.first)
            try await c.addComment(review: "p1", eId: nil, text: text, replyTo: parent.id, acting: f.association, today: f.today)
        case .resolution:
            let parent = try #require(try await c.state().comments["p1"]?.first)
            try await c.resolveComment(review: "p1", comment: parent.id, note: text, acting: f.chair, today: f.today)
        case .actingPerson:
            let acting = Acting(seat: "ofii-medecins", person: Identity(name: text, email: "medecin@example.org"))
            try await c.addComment(review: "p1", eId: "art_3", text: "Commentaire.", acting: acting, today: f.today)
        case .position:
            try await c.recordPosition(review: "p1", opinion: .reserves, reason: text, acting: f.ofii, today: f.today)
        case .stepNote:
            try await c.advance(review: "p1", AdvanceRequest(to: .consultation, note: text), acting: f.chair, today: f.today)
        case .closingReason:
            try await c.advance(review: "p1", AdvanceRequest(to: .closedWithoutChange, note: text), acting: f.chair, today: f.today)
        case .publicationReference:
            var dates = CommitteeFixture.adoption
            dates.publicationReference = text
            try await c.advance(review: "p1", AdvanceRequest(to: .adopted, adoption: dates), acting: f.chair, today: f.today)
        case .noRevisionReason:
            try await c.decideNoRevision(event: "ev", reason: text, acting: f.chair, today: f.today)
        case .eventSummary:
            try await c.addEvent(Self.event(summary: text, source: "Bulletin"), acting: f.ofii, today: f.today)
        case .eventSource:
            try await c.addEvent(Self.event(summary: "Événement", source: text), acting: f.ofii, today: f.today)
        case .seatOrganisation:
            try await c.addSeat(Seat(id: "nouveau", category: .researcher, organisation: text), author: f.clerk)
        case .memberName:
            try await c.addMember(Member(name: text, email: "membre@example.org", from: f.today), toSeat: "ofii-medecins", author: f.clerk)
        case .memberEmail:
            try await c.addMember(Member(name: "Membre", email: text + "@example.org", from: f.today), toSeat: "ofii-medecins",
                                  author: f.clerk)
        case .reviewSubject:
            try await c.openReview(id: "p2", kind: .periodic, work: nil, event: nil, subject: text, acting: f.chair, today: f.today)
        case .importRaw, .importReference:
            let folder = f.folder.appendingPathComponent("a-importer")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("reviews"), withIntermediateDirectories: true)
            let code = try #require(text.unicodeScalars.dropFirst(5).first).value
            let objet = self == .importRaw ? text : "Avant&#\(code);après"
            let record = """
                <?xml version="1.0" encoding="UTF-8"?>
                <revision xmlns="urn:suivi:comite:1" echeance="2020-01-05" id="importee" ouverture="2026-11-24" statut="ouverte" texte="AFSP1638149A" type="periodique">
                  <objet>\(objet)</objet>
                  <etape date="2026-11-24" par="Secrétariat" siege="dgs" vers="ouverte"/>
                </revision>

                """
            try Data(record.utf8).write(to: folder.appendingPathComponent("reviews/importee.xml"))
            _ = try await c.importRecords(from: folder.path, author: f.clerk)
        }
    }
}

@Suite("Characters XML cannot hold: refused at input, never written, repaired when found")
struct ForbiddenCharacterTests {
    @Test("a character XML cannot hold is refused on every write path, naming the field, the character and its position; nothing is written",
          arguments: WritePath.allCases, BadCharacter.all)
    func refusedOnEveryWritePath(path: WritePath, character: BadCharacter) async throws {
        let fixture = try await CommitteeFixture()
        try await path.prepare(fixture)
        let before = try await fixture.refs()
        let error = await refusal { try await path.write(character.text, fixture) }
        switch (path, error) {
        case (.importRaw, .invalidRecord(let file, let line, let reason)?), (.importReference, .invalidRecord(let file, let line, let reason)?):
            #expect(file == "committee/reviews/importee.xml" && line == 3)
            #expect(reason.contains(character.code), "\(reason)")
            #expect(reason.contains("colonne 15"), "\(reason)")
        case (_, .forbiddenCharacter(let field, _, let code, let position, let after)?):
            #expect(field == path.field)
            #expect(code == character.code)
            #expect(position == 6 && after == "Avant")
            #expect(error?.description.contains("en position 6 (après « Avant »)") == true)
        default:
            Issue.record("\(path) with \(character.code): expected a refusal naming the character, got \(String(describing: error))")
        }
        #expect(try await fixture.refs() == before)
        // Every record at the tip still reads strictly, and none is damaged.
        let tip = try #require(try await fixture.register.gitStore.tip())
        let files = try await fixture.register.gitStore.readFiles(under: CommitteeState.folder, at: tip)
        #expect(throws: Never.self) { _ = try CommitteeState(files: files, commit: tip) }
        #expect(try await fixture.committee.state().damaged.isEmpty)
    }

    @Test("a register already holding records with characters XML cannot hold still works, verify names them, repair rewrites them")
    func damagedRegister() async throws {
        let fixture = try await CommitteeFixture()
        try await WritePath.comment.prepare(fixture)
        let store = fixture.register.gitStore
        let tip = try #require(try await store.tip())
        // Two comments written by another tool: a raw vertical tab, and U+FFFE as a character reference.
        func record(_ id: String, _ body: String) -> String {
            Comment(id: id, review: "p1", seat: "ofii-medecins", person: "Autre outil <x@example.org>", date: fixture.today,
                    work: "AFSP1638149A", wId: "art_3", eId: "art_3", commit: tip.description, text: "CORPS").xml
                .replacingOccurrences(of: "CORPS", with: body)
        }
        let raw = Comment.path(review: "p1", id: "c-brut")
        let reference = Comment.path(review: "p1", id: "c-ref")
        _ = try await store.commit(changes: [raw: Data(record("c-brut", "Collé\u{0B}ici").utf8),
                                             reference: Data(record("c-ref", "Non&#xFFFE;caractère").utf8)],
                                   message: "écrit par un autre outil", author: fixture.clerk, date: Date(), expectedParent: tip, signer: nil)

        // The committee still reads, without the characters, and says which records hold them.
        let state = try await fixture.committee.state()
        #expect(state.damaged.map(\.path) == [raw, reference])
        #expect(state.damaged.flatMap(\.lines) == ["\(raw), ligne 3, colonne 15 : U+000B (tabulation verticale)",
                                                  "\(reference), ligne 3, colonne 13 : U+FFFE (non-caractère) écrit en référence de caractère"])
        let texts = try await fixture.committee.comments(review: "p1").map(\.comment.text)
        #expect(Set(texts) == ["Premier commentaire.", "Colléici", "Noncaractère"])
        #expect(try await fixture.committee.status(today: fixture.today).damagedRecords.count == 2)
        // Writes still work.
        try await fixture.committee.addComment(review: "p1", eId: "art_3", text: "Encore un.", acting: fixture.ofii, today: fixture.today)

        // verify reports each character, with file, line and column.
        let verifier = RegisterVerifier(register: fixture.register)
        let report = try await verifier.verify(record: false)
        let found = report.findings.filter { $0.kind == .forbiddenCharacter }
        #expect(found.map(\.subject) == [raw, reference])
        #expect(found.first?.message.contains("\(raw), ligne 3, colonne 15 : U+000B") == true)
        #expect(!report.isClean)

        // repair rewrites both in one commit listing what it removed; then everything reads strictly.
        let repaired = try await fixture.committee.repair(author: fixture.clerk)
        #expect(repaired.map(\.path) == [raw, reference])
        let commit = try await store.commitInfo(try #require(try await store.tip()))
        #expect(commit.message.contains("- \(raw), ligne 3, colonne 15 : U+000B (tabulation verticale) retiré"))
        #expect(commit.message.contains("- \(reference), ligne 3, colonne 13 : U+FFFE"))
        #expect(commit.author.name == fixture.clerk.name)
        let newTip = try #require(try await store.tip())
        let files = try await store.readFiles(under: CommitteeState.folder, at: newTip)
        let strict = try CommitteeState(files: files, commit: newTip)
        #expect(Set(strict.comments["p1"]?.map(\.text) ?? []) == ["Premier commentaire.", "Colléici", "Noncaractère", "Encore un."])
        #expect(try await verifier.verify(record: false).isClean)
        // Nothing left to repair: nothing written.
        #expect(try await fixture.committee.repair(author: fixture.clerk).isEmpty)
        #expect(try await store.tip() == newTip)
    }

    @Test("a character that disguises what a reader sees (bidi override, zero-width space) is refused, naming it; nothing is written",
          arguments: ["\u{202E}", "\u{200B}", "\u{2067}", "\u{FEFF}"])
    func deceptiveRefused(_ character: String) async throws {
        let fixture = try await CommitteeFixture()
        try await WritePath.comment.prepare(fixture)
        let before = try await fixture.refs()
        let error = await refusal {
            _ = try await fixture.committee.addComment(review: "p1", eId: "art_3", text: "VIH Mali\(character) fin",
                                                       acting: fixture.association, today: fixture.today)
        }
        guard case .forbiddenCharacter(let field, _, let label, let position, _)? = error else {
            Issue.record("expected forbiddenCharacter, got \(String(describing: error))"); return
        }
        #expect(field == "texte")
        #expect(label.hasPrefix("U+" + String(character.unicodeScalars.first!.value, radix: 16, uppercase: true)))
        #expect(position == 9)
        #expect(try await fixture.refs() == before)
    }

    @Test("tabs and line breaks are kept; a carriage return is kept and reads back exactly")
    func allowedControls() async throws {
        let fixture = try await CommitteeFixture()
        try await WritePath.comment.prepare(fixture)
        let text = "Ligne 1\tcolonne\r\nLigne 2\rLigne 3\nfin"
        let comment = try await fixture.committee.addComment(review: "p1", eId: "art_3", text: text, acting: fixture.association,
                                                             today: fixture.today)
        let read = try #require(try await fixture.committee.state().comments["p1"]?.first { $0.id == comment.id })
        #expect(read.text == text)
    }

    @Test("the record writer never writes an ill-formed record: what XML cannot hold becomes U+FFFD")
    func writerDefence() throws {
        for character in BadCharacter.all {
            let comment = Comment(id: "c1", review: "p1", seat: "ofii", person: "Nom" + String(Character(character.scalar)), date: day("2026-11-24"),
                                  work: "AFSP1638149A", wId: "art_3", eId: "art_3", commit: String(repeating: "a", count: 40),
                                  text: character.text)
            let read = try Comment(data: Data(comment.xml.utf8), file: "c1.xml")
            #expect(read.text == "Avant\u{FFFD}après")
            #expect(read.person == "Nom\u{FFFD}")
        }
    }

    @Test("any text written through the record writer reads back as written, but for U+FFFD in place of what XML cannot hold (seeded)")
    func writerRoundTrip() throws {
        var generator = SplitMix64(seed: UInt64(ProcessInfo.processInfo.environment["SUIVI_SEED"] ?? "") ?? 0x5EED_0008)
        let seed = generator.state
        for round in 0..<500 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 24) {
                let pick = generator.next()
                let code: UInt32
                switch pick % 4 {
                case 0: code = UInt32(pick >> 8 % 0x40)  // C0 controls and ASCII punctuation
                case 1: code = 0xFFF0 + UInt32(pick >> 8 % 0x10)  // around U+FFFE / U+FFFF
                case 2: code = UInt32(pick >> 8 % 0x80)
                default: code = UInt32(pick >> 8 % 0x10_FFFF)
                }
                if let scalar = Unicode.Scalar(code) { scalars.append(scalar) }
            }
            let text = String(scalars)
            var expected = String.UnicodeScalarView()
            for scalar in text.unicodeScalars { expected.append(XMLCharacters.isAllowed(scalar) ? scalar : "\u{FFFD}") }
            let position = Position(review: "p1", seat: "s", opinion: .abstention, reason: "r", commit: "c", date: day("2026-11-24"),
                                    person: "p" + text)
            let read = try Position(data: Data(position.xml.utf8), file: "seed-\(seed)-round-\(round).xml")
            #expect(read.person == "p" + String(expected), "seed \(seed), round \(round): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
