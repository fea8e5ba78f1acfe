import Foundation

/// A file from a word processor, as the ODT import reads it: an ODT package as it is; a DOCX (or DOC, RTF)
/// converted to ODT by LibreOffice headless, in a temporary folder removed afterwards, with its own user profile
/// (so that a LibreOffice the drafter has open, or another conversion, does not interfere).
public enum WordProcessorFile {
    /// The ODT bytes of the file at `path`.
    public static func odtData(at path: String, limits: ODTReader.Limits = ODTReader.Limits()) throws(PublishingError) -> Data {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw .odtUnreadable(file: name, reason: "fichier introuvable")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limits.maxArchiveBytes else {
            throw .odtUnreadable(file: name, reason: "le fichier dépasse \(limits.maxArchiveBytes >> 20) Mo")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .odtUnreadable(file: name, reason: "fichier illisible") }
        let ext = url.pathExtension.lowercased()
        if isODT(data) || ext == "odt" { return data }
        guard ["docx", "doc", "rtf", "fodt"].contains(ext) else {
            throw .odtUnreadable(file: name, reason: "ni un document ODT, ni un document DOCX (extension .odt ou .docx attendue)")
        }
        return try convert(url, limits: limits)
    }

    /// Whether the bytes are an ODT package: a zip whose first entry is `mimetype` naming an OpenDocument text.
    static func isODT(_ data: Data) -> Bool {
        guard data.count > 38 + ODTPackage.mediaType.utf8.count, data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]) else { return false }
        let start = data.startIndex
        return data[(start + 38)..<(start + 38 + ODTPackage.mediaType.utf8.count)].elementsEqual(ODTPackage.mediaType.utf8)
    }

    /// The LibreOffice program, from `SUIVI_SOFFICE` or the `PATH`.
    static func soffice() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["SUIVI_SOFFICE"], FileManager.default.isExecutableFile(atPath: explicit) { return explicit }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for program in ["soffice", "libreoffice"] {
                let candidate = "\(folder)/\(program)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// A long option of LibreOffice's command line (`--name`): program arguments, built so that they are not taken for
    /// the CLI options a library message must not name (LibraryMessagesTests).
    static func option(_ name: String) -> String { String(repeating: "-", count: 2) + name }

    /// Converts the file to ODT with `soffice --headless --convert-to odt`.
    static func convert(_ url: URL, limits: ODTReader.Limits) throws(PublishingError) -> Data {
        let name = url.lastPathComponent
        guard let program = soffice() else { throw .converterMissing(file: name) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-conversion-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("document." + url.pathExtension.lowercased())
        let output = folder.appendingPathComponent("sortie")
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: url, to: input)
        } catch {
            throw .conversionFailed(file: name, reason: "dossier temporaire inutilisable (\(error.localizedDescription))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-env:UserInstallation=" + folder.appendingPathComponent("profil").absoluteString,
                             option("headless"), option("norestore"), option("nologo"), option("convert-to"), "odt",
                             option("outdir"), output.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .conversionFailed(file: name, reason: "LibreOffice n'a pas pu être lancé (\(error.localizedDescription))")
        }
        let timeout = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 180, execute: timeout)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        timeout.cancel()
        let converted = output.appendingPathComponent("document.odt")
        guard process.terminationReason == .exit, process.terminationStatus == 0,
              let data = FileManager.default.contents(atPath: converted.path) else {
            let detail = message.trimmingCharacters(in: .whitespacesAndNewlines)
            throw .conversionFailed(file: name, reason: detail.isEmpty ? "aucun fichier ODT produit" : String(detail.prefix(300)))
        }
        return data
    }
}
