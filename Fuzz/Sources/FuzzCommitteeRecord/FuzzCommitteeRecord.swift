import Foundation
import FuzzSupport
import LegalText

/// Feeds arbitrary bytes to the generic tree reader that committee records (roster, reviews, positions,
/// comments) are read through, with the committee's limits (4 MiB, depth 16).
func fuzzCommitteeRecord(_ data: Data) {
    _ = try? XMLTreeReader.read(data, file: "record.xml", limits: XMLParserLimits(maxBytes: 4 << 20, maxDepth: 16))
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
