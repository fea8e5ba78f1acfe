import Foundation
import LegalText
import ZIPFoundation

/// An OpenDocument text read back: its paragraphs in document order, its user-defined metadata, and the
/// tracked changes it still holds.
public struct ODTReadDocument: Sendable, Hashable {
    /// One paragraph (`text:p` or `text:h`) of the document body.
    public struct Paragraph: Sendable, Hashable {
        /// Position among the body's paragraphs, from 1 (what the reports show).
        public var position: Int
        /// The paragraph's text: runs of spaces (no-break spaces included) collapsed to one space, trimmed.
        public var text: String
        /// The named paragraph style it uses (an automatic style resolved to its parent), e.g. `Text_20_body`.
        public var style: String?
        /// The outline level of a heading (`text:h`), nil for an ordinary paragraph.
        public var outlineLevel: Int?
        /// The bookmark names it holds (`text:bookmark`, `text:bookmark-start`), in order.
        public var bookmarks: [String]
        /// Whether it holds a footnote or an endnote (whose text is not part of the paragraph's).
        public var hasNote: Bool

        public init(position: Int, text: String, style: String?, outlineLevel: Int?, bookmarks: [String], hasNote: Bool = false) {
            self.position = position
            self.text = text
            self.style = style
            self.outlineLevel = outlineLevel
            self.bookmarks = bookmarks
            self.hasNote = hasNote
        }
    }

    public var paragraphs: [Paragraph]
    /// `meta:user-defined` values by name.
    public var userMeta: [String: String]
    /// The changed regions (`text:changed-region`) still recorded, i.e. tracked changes neither accepted nor rejected.
    public var trackedChanges: Int
}

/// Reads an ODT package as hostile input: the archive's size, entry count and each entry's uncompressed size
/// are bounded (a zip bomb stops at the bound, whatever its headers claim), and the XML goes through LegalText's
/// safe parser (no network, no entities, no DTD, bounded depth).
public enum ODTReader {
    /// Bounds on what is read.
    public struct Limits: Sendable, Hashable {
        public var maxArchiveBytes = 64 << 20
        public var maxEntries = 10_000
        public var maxEntryBytes = 32 << 20
        public var maxDepth = 256

        public init() {}
    }

    static let officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let styleNS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let metaNS = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"

    /// Reads the package's bytes. `file` names it in errors.
    public static func read(_ data: Data, file: String, limits: Limits = Limits()) throws(PublishingError) -> ODTReadDocument {
        guard data.count <= limits.maxArchiveBytes else {
            throw .odtUnreadable(file: file, reason: "le fichier dépasse \(limits.maxArchiveBytes >> 20) Mo")
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .odtUnreadable(file: file, reason: "ce n'est pas une archive ODT (zip) lisible")
        }
        var count = 0
        for _ in archive {
            count += 1
            guard count <= limits.maxEntries else { throw .odtUnreadable(file: file, reason: "l'archive contient trop d'entrées") }
        }
        let mimetype = try entry("mimetype", in: archive, file: file, limits: limits)
        guard let mimetype, String(decoding: mimetype, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == ODTPackage.mediaType else {
            throw .odtUnreadable(file: file, reason: "ce n'est pas un document texte OpenDocument (type « \(ODTPackage.mediaType) » attendu)")
        }
        guard let content = try entry("content.xml", in: archive, file: file, limits: limits) else {
            throw .odtUnreadable(file: file, reason: "content.xml manquant")
        }
        let xmlLimits = XMLParserLimits(maxBytes: limits.maxEntryBytes, maxDepth: limits.maxDepth)
        let root: XMLContentElement
        do {
            root = try XMLContentReader.read(content, file: "\(file) (content.xml)", limits: xmlLimits)
        } catch {
            throw .odtUnreadable(file: file, reason: error.description)
        }
        var userMeta: [String: String] = [:]
        if let meta = try entry("meta.xml", in: archive, file: file, limits: limits) {
            do {
                let metaRoot = try XMLContentReader.read(meta, file: "\(file) (meta.xml)", limits: xmlLimits)
                for element in metaRoot.first("meta", in: officeNS)?.elements ?? [] where element.is("user-defined", in: metaNS) {
                    if let name = element.attributes["name"] { userMeta[name] = plain(element) }
                }
            } catch {
                throw .odtUnreadable(file: file, reason: error.description)
            }
        }
        guard root.is("document-content", in: officeNS) else {
            throw .odtUnreadable(file: file, reason: "content.xml n'est pas le contenu d'un document OpenDocument")
        }
        var parents: [String: String] = [:]
        for style in root.first("automatic-styles", in: officeNS)?.elements ?? [] where style.is("style", in: styleNS) {
            if let name = style.attributes["name"], let parent = style.attributes["parent-style-name"] { parents[name] = parent }
        }
        guard let text = root.first("body", in: officeNS)?.first("text", in: officeNS) else {
            throw .odtUnreadable(file: file, reason: "le document n'a pas de corps de texte (office:text)")
        }
        var reader = BodyReader(parents: parents)
        reader.walk(text)
        return ODTReadDocument(paragraphs: reader.paragraphs, userMeta: userMeta, trackedChanges: reader.trackedChanges)
    }

    /// One entry's bytes, at most `limits.maxEntryBytes` of them (counted while inflating); nil when absent.
    static func entry(_ path: String, in archive: Archive, file: String, limits: Limits) throws(PublishingError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.type == .file, entry.uncompressedSize <= UInt64(limits.maxEntryBytes) else {
            throw .odtUnreadable(file: file, reason: "l'entrée \(path) dépasse \(limits.maxEntryBytes >> 20) Mo")
        }
        struct TooLarge: Error {}
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limits.maxEntryBytes else { throw TooLarge() }
                data.append(chunk)
            }
        } catch is TooLarge {
            throw .odtUnreadable(file: file, reason: "l'entrée \(path) dépasse \(limits.maxEntryBytes >> 20) Mo une fois décompressée")
        } catch {
            throw .odtUnreadable(file: file, reason: "l'entrée \(path) est illisible (\(error))")
        }
        return data
    }

    /// The text of an element and its descendants, without markup.
    static func plain(_ element: XMLContentElement) -> String {
        element.children.map { node in
            switch node {
            case .text(let text): return text
            case .element(let child): return plain(child)
            }
        }.joined()
    }

    /// Collapses runs of white space (no-break spaces included) to one space, and trims the ends.
    public static func normalized(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    /// Walks `office:text` into paragraphs.
    struct BodyReader {
        let parents: [String: String]
        var paragraphs: [ODTReadDocument.Paragraph] = []
        var trackedChanges = 0

        init(parents: [String: String]) { self.parents = parents }

        mutating func walk(_ element: XMLContentElement) {
            for child in element.elements {
                guard child.namespace == ODTReader.textNS else {
                    // Tables (table:table…) and sections of other namespaces: their paragraphs count too.
                    if child.namespace != ODTReader.officeNS { walk(child) }
                    continue
                }
                switch child.name {
                case "p", "h": paragraph(child)
                case "tracked-changes": trackedChanges += child.elements.filter { $0.name == "changed-region" }.count
                case "sequence-decls", "variable-decls", "user-field-decls", "dde-connection-decls", "alphabetical-index-auto-mark-file":
                    continue
                default: walk(child)
                }
            }
        }

        mutating func paragraph(_ element: XMLContentElement) {
            var text = ""
            var bookmarks: [String] = []
            var hasNote = false
            func inline(_ nodes: [XMLContentNode]) {
                for node in nodes {
                    switch node {
                    case .text(let run): text += run
                    case .element(let child):
                        guard child.namespace == ODTReader.textNS else {
                            // office:annotation (a comment), draw:frame…: not text of the paragraph.
                            continue
                        }
                        switch child.name {
                        case "s": text += String(repeating: " ", count: max(1, min(Int(child.attributes["c"] ?? "1") ?? 1, 1000)))
                        case "tab", "line-break": text += " "
                        case "bookmark", "bookmark-start":
                            if let name = child.attributes["name"] { bookmarks.append(name) }
                        case "note": hasNote = true
                        case "number", "soft-page-break", "bookmark-end", "change-start", "change-end", "change", "reference-mark-end":
                            continue
                        default: inline(child.children)
                        }
                    }
                }
            }
            inline(element.children)
            var style = element.attributes["style-name"]
            var seen: Set<String> = []
            while let name = style, let parent = parents[name], !seen.contains(name) {
                seen.insert(name)
                style = parent
            }
            let level = element.name == "h" ? Int(element.attributes["outline-level"] ?? "1") ?? 1 : nil
            paragraphs.append(ODTReadDocument.Paragraph(position: paragraphs.count + 1, text: ODTReader.normalized(text), style: style,
                                                        outlineLevel: level, bookmarks: bookmarks, hasNote: hasNote))
        }
    }
}
