import Foundation
import FuzzSupport
import LegalText

/// Feeds arbitrary bytes to what `suivi import akn` runs before it commits a document from another tool: the
/// reader (``LegalTextReader/read(data:file:)``), the subset scan that lists every unsupported element
/// (``SubsetScan/unsupportedElements(in:file:limits:)``, run on a refused file) and the validator the register
/// applies. A document that reads and validates must write a canonical form that reads back and validates (the
/// register commits that form). Any input must end in a value or a `LegalTextError`, never a crash, a hang or a
/// leak.
func fuzzAknImport(_ data: Data) {
    _ = try? SubsetScan.unsupportedElements(in: data, file: "import.xml")
    guard let source = try? LegalTextReader.read(data: data, file: "import.xml"),
          LegalTextValidator.validate(source).isEmpty else { return }
    let canonical = CanonicalWriter.data(source.document)
    let reread = try? LegalTextReader.read(data: canonical, file: "canonical.xml")
    FuzzDriver.check(reread != nil, "the canonical form of a valid imported document does not read back")
    if let reread {
        FuzzDriver.check(LegalTextValidator.validate(reread).isEmpty,
                         "the canonical form of a valid imported document does not validate")
    }
}

/// libFuzzer's own `main` (linked with `-sanitize=fuzzer`) names this symbol, so it must exist; SwiftPM points
/// `main` at the `@main` below, which runs libFuzzer's driver on the same function.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    fuzzAknImport(FuzzDriver.data(bytes, count))
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzAknImport) }
}
