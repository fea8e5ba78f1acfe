import Foundation
import LegalText
import Register
import Testing
@testable import Committee
import SuiviSynthetic
import SuiviTestSupport

/// Syntheses (R5.1) and news items (R3.3) as committee records: reading, writing, hostile input, versions,
/// overdue reviews.
@Suite("Syntheses and news items as records")
struct SynthesisAndNewsTests {
    static let writer = Identity(name: "Rédaction DGS", email: "redaction@example.org")
    static let dgs = Acting(seat: "dgs", person: Identity(name: "Chargée de mission DGS", email: "dgs@example.org"))
    static let ofiiDirection = Acting(seat: "ofii-direction-medicale", person: Identity(name: "Direction médicale", email: "ofii@example.org"))

    /// A register with the 2017 text and the shipped committee (its references, its event).
    static func fixture() async throws -> CommitteeFixture {
        let fixture = try await CommitteeFixture(roster: false)
        _ = try await fixture.committee.importRecords(from: ShippedFixture.committee.path, author: fixture.clerk)
        return fixture
    }

    static func synthesis(_ id: String = "vih-cameroun", references: [String] = ["onusida-aidsinfo"],
                          paragraphs: [String] = ["Premier paragraphe.", "Second paragraphe."]) -> Synthesis {
        Synthesis(id: id, title: "VIH au Cameroun", pathologies: ["VIH"], countries: ["Cameroun"], paragraphs: paragraphs,
                  authors: [], references: references, date: day("2026-11-24"), reviewBy: day("2027-11-24"))
    }

    @Test("a synthesis with every field writes and reads back identically")
    func synthesisRoundTrip() throws {
        let synthesis = Synthesis(id: "vih-afrique", title: "VIH « Afrique de l'Ouest » & Centre", pathologies: ["VIH", "hépatite B"],
                                  countries: ["Côte d'Ivoire", "Mali"], paragraphs: ["Un <texte> & des \"guillemets\".", "Deux\tavec tabulation."],
                                  authors: ["A <a@example.org>", "B <b@example.org>"], references: ["onusida-aidsinfo", "unicef"],
                                  date: day("2024-02-29"), reviewBy: day("2025-02-28"))
        let data = try Committee.data(synthesis)
        let read = try Synthesis(data: data, file: Synthesis.path("vih-afrique"))
        #expect(read == synthesis)
        #expect(read.xml == synthesis.xml)
    }

    @Test("a news item with every field writes and reads back identically")
    func newsRoundTrip() throws {
        let item = NewsItem(id: "rupture-2026-03", date: day("2026-03-02"), publisher: .ofiiMedicalService, seat: "ofii-direction-medicale",
                            person: "Direction <d@example.org>", title: "Rupture « ténofovir »", text: "Ligne 1\nLigne 2 & <fin>",
                            pathologies: ["VIH"], countries: ["Cameroun"], references: ["onusida-aidsinfo"], event: "crise-financement-vih-2025")
        let read = try NewsItem(data: try Committee.data(item), file: NewsItem.path(item.id))
        #expect(read == item)
    }

    @Test("a synthesis or news record that is not well-formed or lacks what it must hold is refused, naming its file", arguments: [
        #"<?xml version="1.0" encoding="UTF-8"?><synthese xmlns="urn:suivi:comite:1" id="s" date="2026-01-01" a-revoir-le="2027-01-01"><titre>T</titre>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><synthese xmlns="urn:suivi:comite:1" id="s" date="2026-01-01" a-revoir-le="2027-01-01"><titre>T</titre><pays>Mali</pays><auteur>A</auteur></synthese>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><synthese xmlns="urn:suivi:comite:1" id="s" date="2026-01-01" a-revoir-le="2025-01-01"><titre>T</titre><pays>Mali</pays><auteur>A</auteur><paragraphe>P</paragraphe></synthese>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><synthese xmlns="urn:suivi:comite:1" id="s" date="2026-13-01" a-revoir-le="2027-01-01"><titre>T</titre><pays>Mali</pays><auteur>A</auteur><paragraphe>P</paragraphe></synthese>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><synthese xmlns="urn:suivi:comite:1" id="s" date="2026-01-01" a-revoir-le="2027-01-01"><titre>T&#11;</titre><pays>Mali</pays><auteur>A</auteur><paragraphe>P</paragraphe></synthese>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY e "x">]><synthese xmlns="urn:suivi:comite:1" id="s" date="2026-01-01" a-revoir-le="2027-01-01"><titre>&e;</titre></synthese>"#,
    ])
    func hostileSynthesis(_ text: String) {
        let error = #expect(throws: CommitteeError.self) { try Synthesis(data: Data(text.utf8), file: "committee/syntheses/s.xml") }
        guard case .invalidRecord(let path, _, _)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(path == "committee/syntheses/s.xml")
    }

    @Test("a news record with an unknown publisher or no text is refused", arguments: [
        #"<?xml version="1.0" encoding="UTF-8"?><actualite xmlns="urn:suivi:comite:1" id="n" date="2026-01-01" editeur="blog" siege="dgs" par="A"><titre>T</titre><texte>X</texte></actualite>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><actualite xmlns="urn:suivi:comite:1" id="n" date="2026-01-01" editeur="dgs" siege="dgs" par="A"><titre>T</titre></actualite>"#,
    ])
    func hostileNews(_ text: String) {
        #expect(throws: CommitteeError.self) { try NewsItem(data: Data(text.utf8), file: "committee/news/n.xml") }
    }

    @Test("a synthesis is one commit by its author, who is its first author, and lists as such")
    func addSynthesis() async throws {
        let fixture = try await Self.fixture()
        let recorded = try await fixture.committee.addSynthesis(Self.synthesis(), author: Self.writer)
        #expect(recorded.authors == ["Rédaction DGS <redaction@example.org>"])
        #expect(try await fixture.committee.syntheses() == [recorded])
        let commit = try await fixture.register.commitInfo(try #require(try await fixture.register.mainTip()))
        #expect(commit.author.email == "redaction@example.org" && commit.summary.contains("synthèse vih-cameroun"))
    }

    @Test("a synthesis resting on an unknown reference, empty, a duplicate or holding a control character is refused and writes nothing")
    func refusedSynthesis() async throws {
        let fixture = try await Self.fixture()
        try await fixture.committee.addSynthesis(Self.synthesis(), author: Self.writer)
        let before = try await fixture.refs()
        let unknown = await refusal { try await fixture.committee.addSynthesis(Self.synthesis("autre", references: ["inventee"]), author: Self.writer) }
        #expect(unknown == .unknownReference("inventee"))
        let duplicate = await refusal { try await fixture.committee.addSynthesis(Self.synthesis(), author: Self.writer) }
        #expect(duplicate == .recordExists(kind: "synthèse", id: "vih-cameroun"))
        let empty = await refusal { try await fixture.committee.addSynthesis(Self.synthesis("vide", paragraphs: []), author: Self.writer) }
        guard case .invalidInput? = empty else { Issue.record("\(String(describing: empty))"); return }
        let control = await refusal {
            try await fixture.committee.addSynthesis(Self.synthesis("ctrl", paragraphs: ["a\u{0B}b"]), author: Self.writer)
        }
        guard case .forbiddenCharacter(let field, _, _, _, _)? = control else { Issue.record("\(String(describing: control))"); return }
        #expect(field == "texte")
        let modifyUnknown = await refusal {
            try await fixture.committee.modifySynthesis("vih-cameroun", SynthesisChange(references: ["inventee"]), author: Self.writer,
                                                         today: day("2026-12-01"))
        }
        #expect(modifyUnknown == .unknownReference("inventee"))
        let nothing = await refusal {
            try await fixture.committee.modifySynthesis("vih-cameroun", SynthesisChange(title: "VIH au Cameroun"), author: Self.writer,
                                                         today: day("2026-12-01"))
        }
        guard case .invalidInput? = nothing else { Issue.record("\(String(describing: nothing))"); return }
        let missing = await refusal {
            try await fixture.committee.modifySynthesis("absente", SynthesisChange(title: "X"), author: Self.writer, today: day("2026-12-01"))
        }
        #expect(missing == .unknownSynthesis("absente"))
        #expect(try await fixture.refs() == before)
    }

    @Test("each change of a synthesis is a version: versions read back in order, numbered from 1, with their author")
    func versions() async throws {
        let fixture = try await Self.fixture()
        try await fixture.committee.addSynthesis(Self.synthesis(), author: Self.writer)
        let other = Identity(name: "Seconde plume", email: "plume@example.org")
        try await fixture.committee.modifySynthesis("vih-cameroun", SynthesisChange(paragraphs: ["Premier paragraphe revu.", "Second paragraphe."]),
                                                    author: other, today: day("2026-12-10"))
        try await fixture.committee.modifySynthesis("vih-cameroun", SynthesisChange(countries: ["Cameroun", "Tchad"], reviewBy: day("2027-06-30")),
                                                    author: Self.writer, today: day("2027-01-05"))
        let versions = try await fixture.committee.synthesisVersions("vih-cameroun")
        #expect(versions.map(\.number) == [1, 2, 3])
        #expect(versions.map(\.synthesis.date) == [day("2026-11-24"), day("2026-12-10"), day("2027-01-05")])
        #expect(versions[1].synthesis.paragraphs == ["Premier paragraphe revu.", "Second paragraphe."])
        #expect(versions[1].author == "Seconde plume <plume@example.org>")
        #expect(versions[2].synthesis.authors == ["Rédaction DGS <redaction@example.org>", "Seconde plume <plume@example.org>"])
        #expect(versions[2].synthesis.reviewBy == day("2027-06-30"))
        #expect(versions[1].synthesis.reviewBy == day("2027-11-24"), "a change before the review date keeps it")
    }

    @Test("a synthesis is overdue the day after its review date, not on it; a change then counts as its review")
    func overdue() async throws {
        let fixture = try await Self.fixture()
        try await fixture.committee.addSynthesis(Self.synthesis(), author: Self.writer)
        #expect(try await fixture.committee.status(today: day("2027-11-24")).overdueSyntheses.isEmpty)
        let late = try await fixture.committee.status(today: day("2027-11-25")).overdueSyntheses
        #expect(late.map(\.id) == ["vih-cameroun"] && late.first?.overdueDays == 1)
        let revised = try await fixture.committee.modifySynthesis("vih-cameroun", SynthesisChange(title: "VIH au Cameroun (2027)"),
                                                                  author: Self.writer, today: day("2027-11-25"))
        #expect(revised.reviewBy == day("2028-11-25"))
        #expect(try await fixture.committee.status(today: day("2027-11-25")).overdueSyntheses.isEmpty)
    }

    @Test("news are published by the DGS or the OFII medical service only, with known references and event, and write nothing otherwise")
    func news() async throws {
        let fixture = try await Self.fixture()
        let item = NewsItem(id: "rupture", date: day("2026-11-20"), publisher: .dgs, seat: "", person: "", title: "Rupture de stock",
                            text: "Un antirétroviral manque.", pathologies: ["VIH"], countries: ["Cameroun"], references: ["onusida-aidsinfo"],
                            event: "crise-financement-vih-2025")
        let published = try await fixture.committee.publishNews(item, acting: Self.ofiiDirection, today: fixture.today)
        #expect(published.publisher == .ofiiMedicalService && published.seat == "ofii-direction-medicale")
        #expect(published.person == "Direction médicale <ofii@example.org>")
        let before = try await fixture.refs()
        var unknownReference = item
        unknownReference.id = "autre"
        unknownReference.references = ["inventee"]
        #expect(await refusal { try await fixture.committee.publishNews(unknownReference, acting: Self.dgs, today: fixture.today) }
                == .unknownReference("inventee"))
        var unknownEvent = item
        unknownEvent.id = "autre"
        unknownEvent.event = "invente"
        #expect(await refusal { try await fixture.committee.publishNews(unknownEvent, acting: Self.dgs, today: fixture.today) } == .unknownEvent("invente"))
        var fromAssociation = item
        fromAssociation.id = "autre"
        let association = await refusal {
            try await fixture.committee.publishNews(fromAssociation, acting: Acting(seat: "association-medicale", person: Self.writer), today: fixture.today)
        }
        guard case .invalidInput(let message)? = association else { Issue.record("\(String(describing: association))"); return }
        #expect(message.contains("ne publie pas d'actualités"))
        #expect(await refusal { try await fixture.committee.publishNews(item, acting: Self.dgs, today: fixture.today) }
                == .recordExists(kind: "actualité", id: "rupture"))
        #expect(try await fixture.refs() == before)
        #expect(try await fixture.committee.news().map(\.id) == ["rupture"])
    }

    @Test("importing a synthesis resting on an unknown reference, or a reference with a javascript: or file: address, is refused and writes nothing",
          arguments: ["synthese", "javascript", "file"])
    func hostileImport(_ kind: String) async throws {
        let fixture = try await Self.fixture()
        let before = try await fixture.refs()
        let folder = fixture.folder.appendingPathComponent("import-\(kind)")
        let file: URL
        let content: String
        switch kind {
        case "synthese":
            file = folder.appendingPathComponent("syntheses/s.xml")
            var synthesis = Self.synthesis("s", references: ["inventee"])
            synthesis.authors = ["Rédaction <r@example.org>"]
            content = synthesis.xml
        default:
            file = folder.appendingPathComponent("references/r.xml")
            let address = kind == "file" ? "file:///etc/passwd" : "javascript:alert(1)"
            content = #"<?xml version="1.0" encoding="UTF-8"?><reference xmlns="urn:suivi:comite:1" id="r" nature="rapport"><editeur>E</editeur><titre>T</titre><adresse>"#
                + address + "</adresse></reference>"
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try content.write(to: file, atomically: true, encoding: .utf8)
        let error = await refusal { _ = try await fixture.committee.importRecords(from: folder.path, author: fixture.clerk) }
        guard case .invalidRecord(let path, _, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(path.hasSuffix(kind == "synthese" ? "syntheses/s.xml" : "references/r.xml"))
        #expect(reason.contains(kind == "synthese" ? "inventee" : "adresse"))
        #expect(try await fixture.refs() == before)
    }

    /// Seeds run by `swift test`; `SUIVI_PROPERTY_SEED=<seed>` runs one.
    static var seeds: [UInt64] {
        if let text = ProcessInfo.processInfo.environment["SUIVI_PROPERTY_SEED"], let seed = UInt64(text) { return [seed] }
        return [1, 20261206]
    }

    @Test("random changes of a synthesis: its versions are exactly the successive states of a simple model",
          arguments: seeds)
    func randomVersions(seed: UInt64) async throws {
        print("SynthesisAndNewsTests.randomVersions seed \(seed)")
        var random = SplitMix64(seed: seed)
        let fixture = try await Self.fixture()
        let words = ["soins", "traitement", "disponible", "rupture", "accès", "hôpital", "coût", "l'antirétroviral", "« gratuit »", "région"]
        func sentence() -> String { (0..<(2 + random.below(6))).map { _ in random.pick(words) }.joined(separator: " ") + "." }
        var model: [[String]] = [[sentence()]]
        try await fixture.committee.addSynthesis(Self.synthesis(paragraphs: model[0]), author: Self.writer)
        var today = day("2026-11-24")
        for step in 0..<8 {
            today = today.adding(months: 1)
            var next = model.last ?? []
            switch random.below(3) {
            case 0: next.append(sentence())
            case 1 where next.count > 1: next.remove(at: random.below(next.count))
            default: next[random.below(next.count)] = sentence()
            }
            if next == model.last { next.append(sentence()) }
            try await fixture.committee.modifySynthesis("vih-cameroun", SynthesisChange(paragraphs: next), author: Self.writer, today: today)
            model.append(next)
            _ = step
        }
        let versions = try await fixture.committee.synthesisVersions("vih-cameroun")
        #expect(versions.map(\.synthesis.paragraphs) == model, "seed \(seed)")
    }

    @Test("an id already taken is refused in correct French: « l'actualité » (which cannot be modified), « la synthèse » (which can)")
    func recordExistsWording() {
        #expect(CommitteeError.recordExists(kind: "actualité", id: "rupture").description(.probe)
            == "l'actualité « rupture » existe déjà : choisissez un autre identifiant.")
        #expect(CommitteeError.recordExists(kind: "synthèse", id: "vih-mali").description(.probe)
            == "la synthèse « vih-mali » existe déjà : choisissez un autre identifiant, ou modifiez celle qui existe.")
    }
}
