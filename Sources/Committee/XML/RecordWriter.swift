import LegalText

/// Writes a committee record in canonical form (LegalText's ``XMLTextBuffer``: one element per line,
/// two-space indent, attributes in alphabetical order), so that plain `git diff` on the register is
/// readable. Attributes whose value is nil are left out; the root element carries the namespace.
struct RecordWriter {
    private var buffer: XMLTextBuffer
    private var rootWritten = false

    init() {
        buffer = XMLTextBuffer(capacity: 4096)
        buffer.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
    }

    var output: String { buffer.text }

    private mutating func attributes(_ given: [String: String?]) -> [String: String] {
        var result = given.compactMapValues { $0 }
        if !rootWritten {
            result["xmlns"] = CommitteeXML.namespace
            rootWritten = true
        }
        return result
    }

    /// An element holding other elements.
    mutating func element(_ name: String, _ attributes: [String: String?] = [:], _ body: (inout RecordWriter) -> Void) {
        buffer.open(name, self.attributes(attributes))
        body(&self)
        buffer.close(name)
    }

    /// An element with attributes only, or with text when `text` is given.
    mutating func leaf(_ name: String, _ attributes: [String: String?] = [:], text: String? = nil) {
        let attributes = self.attributes(attributes)
        if let text {
            buffer.line(name, attributes, [.text(text)])
        } else {
            buffer.empty(name, attributes)
        }
    }
}
