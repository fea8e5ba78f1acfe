import CXML2
import Foundation

/// Parses untrusted XML with libxml2 under a hostile-input policy: no network, no entity
/// substitution, no DTD loading, no XInclude, and any `<!DOCTYPE>` stops the parse at once, so no
/// entity (internal, external or parameter) is ever declared. Size and depth are bounded.
enum SafeXMLParser {
    /// The libxml2 options: network off, no error printing, big line numbers; deliberately without
    /// `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`, `XML_PARSE_XINCLUDE`,
    /// `XML_PARSE_HUGE` (which would lift libxml2's own depth and text-size limits) and `XML_PARSE_RECOVER`.
    static let options: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue
    )

    /// Parses `data` and hands the root element to `body`; the libxml2 document is freed on return,
    /// so nothing from libxml2 outlives the call.
    static func withDocument<T>(
        _ data: Data, file: String, limits: XMLParserLimits = .standard,
        _ body: (XMLNode) throws(LegalTextError) -> T
    ) throws(LegalTextError) -> T {
        ensureLibXML2()
        guard data.count <= limits.maxBytes else {
            throw .tooLarge(file: file, bytes: data.count, limit: limits.maxBytes)
        }
        guard data.count <= Int(Int32.max) else {
            throw .tooLarge(file: file, bytes: data.count, limit: Int(Int32.max))
        }
        guard !data.isEmpty else {
            throw .malformed(file: file, line: 1, column: 1, problem: .truncated, detail: "fichier vide")
        }
        let document = try parse(data, file: file)
        guard !document.hasDTD else { throw .doctypeForbidden(file: file, line: 1) }
        if let encoding = document.declaredEncoding, encoding.uppercased() != "UTF-8" {
            throw .badAttribute(file: file, line: 1, element: "?xml", attribute: "encoding", value: encoding)
        }
        guard let root = document.root else {
            throw .malformed(file: file, line: 1, column: 1, problem: .truncated, detail: "no root element")
        }
        return try withExtendedLifetime(document) { () throws(LegalTextError) -> T in try body(root) }
    }

    private static func parse(_ data: Data, file: String) throws(LegalTextError) -> XMLDocumentHandle {
        let guardBox = DoctypeGuard()
        let result: Result<XMLDocumentHandle, LegalTextError> = data.withUnsafeBytes { raw in
            let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
            guard let base, let context = xmlCreateMemoryParserCtxt(base, Int32(raw.count)) else {
                return .failure(.unreadable(file: file, reason: "libxml2 n'a pas pu créer de contexte d'analyse"))
            }
            defer { xmlFreeParserCtxt(context) }
            _ = xmlCtxtUseOptions(context, options)
            context.pointee.sax.pointee.internalSubset = refuseDoctype
            context.pointee._private = Unmanaged.passUnretained(guardBox).toOpaque()
            _ = xmlParseDocument(context)
            let parsed = context.pointee.myDoc
            context.pointee.myDoc = nil
            if let line = guardBox.doctypeLine {
                if let parsed { xmlFreeDoc(parsed) }
                return .failure(.doctypeForbidden(file: file, line: line))
            }
            guard context.pointee.wellFormed != 0, let parsed else {
                if let parsed { xmlFreeDoc(parsed) }
                // A character XML cannot hold is named, with its place, rather than libxml2's "invalid char".
                if let first = XMLCharacters.scan(data).first {
                    return .failure(.malformed(file: file, line: first.line, column: first.column, problem: .forbiddenCharacter,
                                               detail: first.label))
                }
                return .failure(malformed(context, file: file))
            }
            return .success(XMLDocumentHandle(parsed))
        }
        return try result.get()
    }

    /// Turns libxml2's last error into a typed error with the file, line and a French reason.
    private static func malformed(_ context: xmlParserCtxtPtr, file: String) -> LegalTextError {
        let error = context.pointee.lastError
        let detail = (error.message.flatMap { String(validatingCString: $0) } ?? "erreur inconnue")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let code = xmlParserErrors(rawValue: UInt32(bitPattern: error.code))
        let problem: LegalTextError.XMLProblem
        switch code {
        case XML_ERR_INVALID_CHAR, XML_ERR_INVALID_ENCODING, XML_ERR_UNSUPPORTED_ENCODING,
             XML_ERR_UNKNOWN_ENCODING:
            problem = .invalidEncoding
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY, XML_ERR_ENTITY_LOOP,
             XML_ERR_ENTITY_PE_INTERNAL, XML_ERR_EXT_ENTITY_STANDALONE, XML_ERR_ENTITYREF_NO_NAME,
             XML_ERR_ENTITY_NOT_FINISHED:
            problem = .entity
        case XML_ERR_DOCUMENT_EMPTY, XML_ERR_DOCUMENT_END, XML_ERR_TAG_NOT_FINISHED,
             XML_ERR_LTSLASH_REQUIRED, XML_ERR_GT_REQUIRED:
            problem = detail.contains("Extra content") ? .syntax : .truncated
        default:
            if detail.contains("Excessive depth") {
                problem = .tooDeep
            } else if detail.contains("UTF-8") || detail.contains("encoding") {
                problem = .invalidEncoding
            } else if detail.contains("Premature end") || detail.contains("EndTag") {
                problem = .truncated
            } else {
                problem = .syntax
            }
        }
        return .malformed(file: file, line: Int(error.line), column: Int(error.int2), problem: problem, detail: detail)
    }
}

/// Records where a `<!DOCTYPE>` was met; handed to the C callback through the parser's `_private`.
private final class DoctypeGuard {
    var doctypeLine: Int?
}

/// SAX callback for `<!DOCTYPE …>`: note the line and stop the parser before any declaration is read.
private let refuseDoctype: internalSubsetSAXFunc = { rawContext, _, _, _ in
    guard let rawContext else { return }
    let context = rawContext.assumingMemoryBound(to: xmlParserCtxt.self)
    if let box = context.pointee._private {
        Unmanaged<DoctypeGuard>.fromOpaque(box).takeUnretainedValue().doctypeLine =
            Int(xmlSAX2GetLineNumber(rawContext))
    }
    xmlStopParser(context)
}
