import Foundation
import Testing
import ZIPFoundation
@testable import Publishing
import SuiviTestSupport

@Suite("ODT: a real OpenDocument package that LibreOffice opens")
struct ODTPackageTests {
    func draftODT() async throws -> Data {
        let fixture = try await RegisterFixture()
        return try ConsolidatedRenderer.odt(try await fixture.publisher.consolidated(at: "draft/2026-projet"))
    }

    @Test("mimetype comes first, stored uncompressed, then content, styles, meta and the manifest")
    func packageLayout() async throws {
        let data = try await draftODT()
        // The mimetype is readable at offset 30 of the file, as ODF requires.
        #expect(data.count > 38 + 39)
        #expect(String(decoding: data[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: data[38..<(38 + 39)], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        let archive = try Archive(data: data, accessMode: .read)
        let entries = Array(archive)
        #expect(entries.first?.path == "mimetype")
        #expect(entries.first?.compressedSize == entries.first?.uncompressedSize)
        #expect(Set(entries.map(\.path)) == ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"])
        var content = Data()
        _ = try archive.extract(try #require(archive["content.xml"])) { content.append($0) }
        let text = String(decoding: content, as: UTF8.self)
        #expect(text.contains("Article 6-1"))
        #expect(text.contains("<text:bookmark text:name=\"art_6-1\"/>"))
    }

    @Test("LibreOffice headless opens the consolidated draft and the comparison table and converts them to PDF", .tags(.externalTool),
          .enabled(if: ExternalTool.runs("soffice"), ExternalTool.reason("soffice", package: "libreoffice-writer-nogui")))
    func libreOffice() async throws {
        let soffice = try ExternalTool.require("soffice", package: "libreoffice-writer-nogui")
        let fixture = try await RegisterFixture()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-odt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = try ConsolidatedRenderer.odt(try await fixture.publisher.consolidated(at: "draft/2026-projet"))
        let table = try ComparisonRenderer.odt(try await fixture.publisher.comparison(from: "v2017-01-05", to: "draft/2026-projet"))
        try draft.write(to: folder.appendingPathComponent("consolide.odt"))
        try table.write(to: folder.appendingPathComponent("tableau.odt"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(folder.path)/profil", "--headless", "--convert-to", "pdf",
                             "--outdir", folder.appendingPathComponent("pdf").path,
                             folder.appendingPathComponent("consolide.odt").path, folder.appendingPathComponent("tableau.odt").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for name in ["consolide.pdf", "tableau.pdf"] {
            let pdf = try Data(contentsOf: folder.appendingPathComponent("pdf/\(name)"))
            #expect(pdf.starts(with: Data("%PDF".utf8)), "\(name) n'est pas un PDF")
            #expect(pdf.count > 10_000)
        }
    }
}
