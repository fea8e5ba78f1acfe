import Foundation
import LegalText
import Register
import Testing
@testable import Committee
import SuiviTestSupport

/// Annexe II's documentary references as committee records: reading, writing, hostile input, import.
@Suite("Documentary references (Annexe II) as records")
struct DocumentaryReferenceTests {
    static let file = "committee/references/r.xml"

    static func record(address: String? = "https://www.who.int/data/gho", extra: String = "") -> Data {
        Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <reference xmlns="urn:suivi:comite:1" id="r" nature="base-de-donnees">
              <editeur>OMS</editeur>
              <titre>Indicateurs</titre>
            \(address.map { "  <adresse>\($0)</adresse>" } ?? "")
              <pathologie>VIH</pathologie>
              <pays>Côte d'Ivoire</pays>
              <citation texte="AFSP1638149A" wId="annex_2__sec_A__para_2"/>
            \(extra)
            </reference>
            """.utf8)
    }

    @Test("a reference with every field writes and reads back identically")
    func roundTrip() throws {
        let reference = DocumentaryReference(
            id: "oms-gho", publisher: "Organisation mondiale de la santé (OMS)", title: "Indicateurs « par pays » & aide-mémoire",
            address: "https://www.who.int/data/gho?x=1&y=2", kind: .database, pathologies: ["VIH", "hépatite B"],
            countries: ["Cameroun", "Haïti"],
            citations: [ReferenceCitation(work: "AFSP1638149A", wId: "annex_2__sec_A__para_2"),
                        ReferenceCitation(work: "AFSP1638149A", wId: "annex_2__sec_A__para_8-2026")],
            checks: [ReferenceCheck(date: day("2026-01-10"), person: "A <a@example.org>", outcome: .moved, note: "redirigée"),
                     ReferenceCheck(date: day("2026-02-01"), person: "B <b@example.org>", outcome: .reachable)],
            note: "Adresse donnée par le projet.")
        let data = try Committee.data(reference)
        let read = try DocumentaryReference(data: data, file: DocumentaryReference.path("oms-gho"))
        #expect(read == reference)
        #expect(read.xml == reference.xml)
        #expect(read.lastCheck?.person == "B <b@example.org>")
    }

    @Test("a reference without address or check reads as never checked")
    func noAddress() throws {
        let read = try DocumentaryReference(data: Self.record(address: nil), file: Self.file)
        #expect(read.address == nil && read.checks.isEmpty && read.lastCheck == nil)
        #expect(read.pathologies == ["VIH"] && read.countries == ["Côte d'Ivoire"])
        #expect(read.citations == [ReferenceCitation(work: "AFSP1638149A", wId: "annex_2__sec_A__para_2")])
    }

    @Test("an address that is not http or https is refused, naming it", arguments: [
        "file:///etc/passwd", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "ftp://example.org/x",
        "mailto:a@example.org", "https://", "http://user:secret@example.org/", "//example.org/x", "www.who.int",
        "https://exa mple.org/",
    ])
    func addressRefused(_ address: String) {
        #expect(DocumentaryReference.addressProblem(address) != nil)
        let escaped = address.replacingOccurrences(of: "&", with: "&amp;")
        let error = #expect(throws: CommitteeError.self) {
            try DocumentaryReference(data: Self.record(address: escaped), file: Self.file)
        }
        guard case .invalidRecord(let path, _, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(path == Self.file && reason.contains("adresse"))
    }

    @Test("http and https addresses are accepted", arguments: [
        "http://www.who.int/gho/countries/en/index.html#N", "https://aidsinfo.unaids.org/", "HTTPS://EUAA.europa.eu/",
    ])
    func addressAccepted(_ address: String) throws {
        #expect(DocumentaryReference.addressProblem(address) == nil)
        #expect(try DocumentaryReference(data: Self.record(address: address), file: Self.file).address == address)
    }

    @Test("a reference that is not well-formed, or lacks what it must hold, is refused with its file", arguments: [
        #"<?xml version="1.0" encoding="UTF-8"?><reference xmlns="urn:suivi:comite:1" id="r" nature="rapport"><editeur>X</editeur>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><reference xmlns="urn:suivi:comite:1" id="r" nature="blog"><editeur>X</editeur><titre>T</titre></reference>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><reference xmlns="urn:suivi:comite:1" id="r" nature="rapport"><titre>T</titre></reference>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><reference xmlns="urn:suivi:comite:1" id="r" nature="rapport"><editeur>X</editeur></reference>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><reference xmlns="urn:suivi:comite:1" id="../r" nature="rapport"><editeur>X</editeur><titre>T</titre></reference>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><reference xmlns="urn:suivi:comite:1" id="r" nature="rapport"><editeur>X</editeur><titre>T</titre><verification date="2026-02-30" par="A &lt;a@b.fr&gt;" resultat="joignable"/></reference>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><reference xmlns="urn:suivi:comite:1" id="r" nature="rapport"><editeur>X</editeur><titre>T</titre><verification date="2026-02-01" par="A &lt;a@b.fr&gt;" resultat="ok"/></reference>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><reference xmlns="urn:suivi:comite:1" id="r" nature="rapport"><editeur>X</editeur><titre>T</titre><citation wId="annex_2"/></reference>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE reference [<!ENTITY x SYSTEM "file:///etc/passwd">]><reference xmlns="urn:suivi:comite:1" id="r" nature="rapport"><editeur>&x;</editeur><titre>T</titre></reference>"#,
    ])
    func malformed(_ text: String) {
        let error = #expect(throws: CommitteeError.self) {
            try DocumentaryReference(data: Data(text.utf8), file: Self.file)
        }
        guard case .invalidRecord(let path, _, _)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(path == Self.file)
    }

    @Test("a reference whose id differs from its file name is refused when the records are read")
    func idMismatch() {
        #expect(throws: CommitteeError.self) {
            try CommitteeState(files: ["committee/references/autre.xml": Self.record()], commit: nil)
        }
    }

    @Test("the committee's single door refuses a reference text holding a character XML cannot hold")
    func forbiddenCharacter() {
        let reference = DocumentaryReference(id: "r", publisher: "OMS", title: "Ti\u{0B}tre", kind: .report)
        #expect(throws: CommitteeError.self) { try Committee.data(reference) }
    }

    @Test("an import holding a reference with a javascript: address writes nothing")
    func hostileImport() async throws {
        let fixture = try await CommitteeFixture(roster: false)
        let folder = fixture.folder.appendingPathComponent("import")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("references"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ShippedFixture.committee.appendingPathComponent("members.xml"),
                                         to: folder.appendingPathComponent("members.xml"))
        try Self.record(address: "javascript:alert(1)").write(to: folder.appendingPathComponent("references/r.xml"))
        let before = try await fixture.refs()
        let error = await refusal { _ = try await fixture.committee.importRecords(from: folder.path, author: fixture.clerk) }
        guard case .invalidRecord(let path, _, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(path == "committee/references/r.xml" && reason.contains("javascript"))
        #expect(try await fixture.refs() == before)
        #expect(try await fixture.committee.state().references.isEmpty)
    }

    @Test("the shipped references import: every source Annexe II names, with the clauses that cite it")
    func shippedReferences() async throws {
        let fixture = try await CommitteeFixture(roster: false)
        _ = try await fixture.committee.importRecords(from: ShippedFixture.committee.path, author: fixture.clerk)
        let references = try await fixture.committee.state().references
        #expect(references.count == 11)
        #expect(references.values.allSatisfy { $0.checks.isEmpty && !$0.citations.isEmpty })
        // Every address the two Annexe II texts give is a record's address or named in its note; no other address.
        let texts = try [ShippedFixture.version2017, ShippedFixture.draft2026].map { try String(contentsOf: $0, encoding: .utf8) }
        for reference in references.values {
            if let address = reference.address { #expect(texts.contains { $0.contains("href=\"\(address)\"") }, "\(reference.id)") }
        }
        // Every wId cited is a clause of Annexe II in the 2017 text or in the 2026 draft.
        for citation in references.values.flatMap(\.citations) {
            #expect(citation.wId.hasPrefix("annex_2__") && texts.contains { $0.contains("wId=\"\(citation.wId)\"") }, "\(citation.wId)")
        }
        #expect(references["rapport-iga-igas-2013"]?.citations.map(\.wId) == ["annex_2__sec_A__para_8"])
        #expect(references["onusida-aidsinfo"]?.address == "https://aidsinfo.unaids.org/")
    }
}
