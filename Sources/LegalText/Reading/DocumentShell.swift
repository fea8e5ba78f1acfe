import Foundation

/// A document split into parts: a *shell* (metadata, preface, preamble, conclusions and annex
/// headers) whose body and annex bodies only list their top-level clauses by reference
/// (`componentRef src="…"`), and the clauses themselves, each stored on its own.
///
/// The register stores a text this way, one file per article and per annex section, so that git
/// compares versions clause by clause. ``LegalDocument`` ⇄ ``DocumentShell`` is lossless.
public struct DocumentShell: Sendable, Hashable {
    /// The document without its top-level clauses (body and annex bodies are empty).
    public var header: LegalDocument
    /// The `src` of each top-level clause of the body, in order.
    public var bodySources: [String]
    /// The `src` of each top-level clause of each annex, in order, by annex eId.
    public var annexSources: [String: [String]]

    public init(header: LegalDocument, bodySources: [String], annexSources: [String: [String]]) {
        self.header = header
        self.bodySources = bodySources
        self.annexSources = annexSources
    }

    /// Splits a document: `source` names where each top-level clause will be stored (`annex` is nil
    /// for the body). Returns the shell and the clauses by source.
    public static func split(
        _ document: LegalDocument, source: (Clause, Annex?) -> String
    ) -> (shell: DocumentShell, parts: [(source: String, clause: Clause)]) {
        var parts: [(String, Clause)] = []
        var header = document
        let bodySources = document.body.map { clause in
            let name = source(clause, nil)
            parts.append((name, clause))
            return name
        }
        var annexSources: [String: [String]] = [:]
        for (index, annex) in document.annexes.enumerated() {
            annexSources[annex.eId] = annex.clauses.map { clause in
                let name = source(clause, annex)
                parts.append((name, clause))
                return name
            }
            header.annexes[index].clauses = []
        }
        header.body = []
        return (DocumentShell(header: header, bodySources: bodySources, annexSources: annexSources), parts)
    }

    /// Puts the document back together; `clause(source)` gives the clause stored under that source.
    public func assemble(_ clause: (String) throws -> Clause) rethrows -> LegalDocument {
        var document = header
        document.body = try bodySources.map(clause)
        for index in document.annexes.indices {
            document.annexes[index].clauses = try (annexSources[document.annexes[index].eId] ?? []).map(clause)
        }
        return document
    }
}

extension LegalTextReader {
    /// Reads a shell written by ``CanonicalWriter/shell(_:)``.
    public static func readShell(data: Data, file: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> DocumentShell {
        try SafeXMLParser.withDocument(data, file: file, limits: limits) { root throws(LegalTextError) in
            // The register keeps documents from other tools too: their shells and parts carry what suivi does not model.
            let walker = DocumentWalker(file: file, limits: limits, readsShell: true, lenient: true)
            let header = try walker.readRoot(root)
            var annexSources = walker.componentSources
            let body = annexSources.removeValue(forKey: "body") ?? []
            return DocumentShell(header: header, bodySources: body, annexSources: annexSources)
        }
    }

    /// Reads one clause stored alone in a file, written by ``CanonicalWriter/fragment(_:)``.
    public static func readFragment(data: Data, file: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> Clause {
        try SafeXMLParser.withDocument(data, file: file, limits: limits) { root throws(LegalTextError) in
            let walker = DocumentWalker(file: file, limits: limits, lenient: true)
            return try walker.readFragment(root)
        }
    }
}
