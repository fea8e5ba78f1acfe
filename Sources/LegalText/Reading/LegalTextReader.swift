import Foundation

/// Reads an Akoma Ntoso file into a ``LegalDocument``, refusing hostile input with a ``LegalTextError``
/// that names the file, the line and the reason: `read` holds the file to the suivi profile (anything
/// outside it is refused), `readAny` takes any Akoma Ntoso 3.0 document and carries what suivi does not
/// model (same hostile-input protections: no DTD, no entity, no network, bounded size and depth).
public enum LegalTextReader {
    /// Reads the file at `path`, in the suivi profile.
    public static func read(contentsOf path: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> SourceDocument {
        try read(contentsOf: path, limits: limits, lenient: false)
    }

    /// Reads the file at `path`, any Akoma Ntoso 3.0 document.
    public static func readAny(contentsOf path: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> SourceDocument {
        try read(contentsOf: path, limits: limits, lenient: true)
    }

    /// Reads the file at `path` in the profile it claims: a document that says it was written by suivi
    /// (`identification source="#suivi"`) strictly, in the suivi profile; any other as any Akoma Ntoso 3.0 document.
    public static func readInItsProfile(contentsOf path: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> SourceDocument {
        try read(contentsOf: path, limits: limits, lenient: true, strictWhenClaimed: true)
    }

    /// Reads a document held in memory, any Akoma Ntoso 3.0 document; `file` is the name used in messages.
    public static func readAny(data: Data, file: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> SourceDocument {
        try read(data: data, file: file, limits: limits, lenient: true)
    }

    private static func read(contentsOf path: String, limits: XMLParserLimits, lenient: Bool,
                             strictWhenClaimed: Bool = false) throws(LegalTextError) -> SourceDocument {
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
        return try read(data: data, file: path, limits: limits, lenient: lenient, strictWhenClaimed: strictWhenClaimed)
    }

    /// Reads a document held in memory, in the suivi profile; `file` is the name used in messages.
    public static func read(data: Data, file: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> SourceDocument {
        try read(data: data, file: file, limits: limits, lenient: false)
    }

    private static func read(data: Data, file: String, limits: XMLParserLimits, lenient: Bool,
                             strictWhenClaimed: Bool = false) throws(LegalTextError) -> SourceDocument {
        try SafeXMLParser.withDocument(data, file: file, limits: limits) { root throws(LegalTextError) in
            let walker = DocumentWalker(file: file, limits: limits, lenient: lenient, strictWhenClaimed: strictWhenClaimed)
            let document = try walker.readRoot(root)
            return SourceDocument(file: file, document: document, locations: walker.locations)
        }
    }
}
