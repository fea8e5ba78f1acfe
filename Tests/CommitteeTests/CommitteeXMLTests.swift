import Foundation
import Testing
@testable import Committee

@Suite("Committee XML records")
struct CommitteeXMLTests {
    @Test("a record with a DOCTYPE is refused")
    func doctypeRefused() {
        let data = Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE x [<!ENTITY a "aaaa">]>
            <comite xmlns="urn:suivi:comite:1">&a;</comite>
            """.utf8)
        #expect(throws: CommitteeError.self) { try CommitteeXML.read(data, file: "m.xml", root: "comite") }
    }

    @Test("hostile or broken records are refused", arguments: [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><comite xmlns=\"urn:suivi:comite:1\">&foo;</comite>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE comite SYSTEM \"http://127.0.0.1:9/x.dtd\"><comite xmlns=\"urn:suivi:comite:1\"/>",
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><comite xmlns=\"urn:suivi:comite:1\"/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><comite xmlns=\"urn:suivi:comite:1\"><siege>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><comite xmlns=\"urn:suivi:comite:1\"><autre xmlns=\"urn:x\"/></comite>",
        "",
    ])
    func hostile(_ text: String) {
        #expect(throws: CommitteeError.self) { try CommitteeXML.read(Data(text.utf8), file: "m.xml", root: "comite") }
    }

    @Test("invalid UTF-8 is refused")
    func invalidUTF8() {
        var data = Data(#"<?xml version="1.0" encoding="UTF-8"?><comite xmlns="urn:suivi:comite:1">"#.utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(contentsOf: Array("</comite>".utf8))
        #expect(throws: CommitteeError.self) { try CommitteeXML.read(data, file: "m.xml", root: "comite") }
    }

    @Test("a record in the wrong namespace is refused")
    func wrongNamespace() {
        let data = Data(#"<?xml version="1.0" encoding="UTF-8"?><comite xmlns="urn:autre"/>"#.utf8)
        #expect(throws: CommitteeError.self) { try CommitteeXML.read(data, file: "m.xml", root: "comite") }
    }

    @Test("the writer escapes text and attributes and the reader gives them back")
    func roundTrip() throws {
        var writer = RecordWriter()
        writer.element("comite", ["a": "x\"<&>é"]) { $0.leaf("motif", text: "a < b & « c »") }
        let root = try CommitteeXML.read(Data(writer.output.utf8), file: "m.xml", root: "comite")
        #expect(root.attributes["a"] == "x\"<&>é")
        #expect(root.first("motif")?.text == "a < b & « c »")
    }
}
