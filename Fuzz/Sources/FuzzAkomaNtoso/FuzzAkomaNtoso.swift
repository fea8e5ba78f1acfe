import Foundation
import FuzzSupport
import LegalText

/// Feeds arbitrary bytes to every reader of Akoma Ntoso text: the whole-document reader (then the validator and
/// the canonical writer, whose output must read back), and the readers of the register's split files (shell,
/// fragment). Any input must end in a value or a `LegalTextError`, never a crash, a hang or a leak.
func fuzzAkomaNtoso(_ data: Data) {
    if let source = try? LegalTextReader.read(data: data, file: "fuzz.xml") {
        _ = LegalTextValidator.validate(source)
        let canonical = CanonicalWriter.data(source.document)
        FuzzDriver.check((try? LegalTextReader.read(data: canonical, file: "canonical.xml")) != nil,
                         "the canonical form of a document that was read does not read back")
    }
    _ = try? LegalTextReader.readShell(data: data, file: "text.xml")
    _ = try? LegalTextReader.readFragment(data: data, file: "art.xml")
}

/// libFuzzer's own `main` (linked with `-sanitize=fuzzer`) names this symbol, so it must exist; SwiftPM points
/// `main` at the `@main` below, which runs libFuzzer's driver on the same function.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    fuzzAkomaNtoso(FuzzDriver.data(bytes, count))
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzAkomaNtoso) }
}
