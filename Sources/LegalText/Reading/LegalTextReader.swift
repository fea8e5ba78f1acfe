import Foundation

/// Reads an Akoma Ntoso file of the supported subset into a ``LegalDocument``, refusing hostile or
/// unsupported input with a ``LegalTextError`` that names the file, the line and the reason.
public enum LegalTextReader {
    /// Reads the file at `path`.
    public static func read(contentsOf path: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> SourceDocument {
        let url = URL(fileURLWithPath: path)
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limits.maxBytes {
            throw .tooLarge(file: path, bytes: size, limit: limits.maxBytes)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
        return try read(data: data, file: path, limits: limits)
    }

    /// Reads a document held in memory; `file` is the name used in messages.
    public static func read(data: Data, file: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> SourceDocument {
        try SafeXMLParser.withDocument(data, file: file, limits: limits) { root throws(LegalTextError) in
            let walker = DocumentWalker(file: file, limits: limits)
            let document = try walker.readRoot(root)
            return SourceDocument(file: file, document: document, locations: walker.locations)
        }
    }
}
