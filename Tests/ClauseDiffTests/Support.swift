import Foundation
import Testing
import LegalText

/// Reads a fixture of this test target.
func fixture(_ name: String) throws -> LegalDocument {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "xml", subdirectory: "Fixtures"))
    return try LegalTextReader.read(contentsOf: url.path).document
}
