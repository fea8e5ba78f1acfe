import Foundation
import FuzzSupport
import LegalText

/// Feeds arbitrary bytes to the generic tree reader that committee records (roster, reviews, positions,
/// comments) are read through, with the committee's limits (4 MiB, depth 16); then checks the two rules that
/// keep one pasted character from taking the committee offline:
/// - what a damaged record is read as (the committee's lenient reading, `suivi committee repair`) holds no
///   character XML cannot hold;
/// - any text, written by the buffer every record is written with, in an attribute and in an element, reads back.
func fuzzCommitteeRecord(_ data: Data) {
    let limits = XMLParserLimits(maxBytes: 4 << 20, maxDepth: 16)
    _ = try? XMLTreeReader.read(data, file: "record.xml", limits: limits)

    let (clean, _) = XMLCharacters.removingDisallowed(from: data)
    precondition(XMLCharacters.scan(clean).isEmpty, "a character XML cannot hold is left after removal")
    _ = try? XMLTreeReader.read(clean, file: "record.xml", limits: limits)

    let text = String(decoding: data.prefix(4096), as: UTF8.self)
    var buffer = XMLTextBuffer(capacity: 16384)
    buffer.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
    buffer.open("r", ["a": text])
    buffer.line("t", [:], [.text(text)])
    buffer.close("r")
    do {
        _ = try XMLTreeReader.read(Data(buffer.text.utf8), file: "written.xml", limits: limits)
    } catch {
        preconditionFailure("the record writer wrote an unreadable record: \(error)")
    }
}

/// libFuzzer's own `main` (linked with `-sanitize=fuzzer`) names this symbol, so it must exist; SwiftPM points
/// `main` at the `@main` below, which runs libFuzzer's driver on the same function.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    fuzzCommitteeRecord(FuzzDriver.data(bytes, count))
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzCommitteeRecord) }
}
