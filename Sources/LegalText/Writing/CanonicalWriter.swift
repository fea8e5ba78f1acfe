import Foundation

/// Writes a ``LegalDocument`` in the canonical form of docs/FORMAT.md: UTF-8, two-space indentation,
/// one block element per line, attributes in alphabetical order. Writing is deterministic, so that
/// reading and writing a canonical file gives it back byte for byte and `git diff` stays readable.
public enum CanonicalWriter {
    /// The canonical text of the document.
    public static func string(_ document: LegalDocument) -> String {
        string(document, shell: nil)
    }

    /// The canonical text of a shell: the header document with a `componentRef` for each
    /// top-level clause (see ``DocumentShell``).
    public static func shell(_ shell: DocumentShell) -> String {
        string(shell.header, shell: shell)
    }

    /// One clause alone, as the root element of a file (a part of a ``DocumentShell``).
    public static func fragment(_ clause: Clause) -> String {
        var out = XMLTextBuffer(capacity: 4096)
        out.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        write(clause, into: &out, rootNamespace: true)
        return out.text
    }

    private static func string(_ document: LegalDocument, shell: DocumentShell?) -> String {
        var out = XMLTextBuffer()
        out.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        out.open("akomaNtoso", document.rootAttributes.merging(["xmlns": AKN.namespace]) { _, new in new })
        out.open(document.documentType, document.documentAttributes.merging(["name": document.actName]) { _, new in new })
        if let carried = document.carriedMeta, carried.matches(document) {
            write(carried.element, into: &out)
        } else {
            writeMeta(document, into: &out)
        }
        if let coverPage = document.coverPage { write(coverPage, into: &out) }
        writePreface(document.preface, attributes: document.partAttributes["preface"] ?? [:], into: &out)
        writePreamble(document.preamble, attributes: document.partAttributes["preamble"] ?? [:], into: &out)
        out.open("body", document.partAttributes["body"] ?? [:])
        if let shell {
            for source in shell.bodySources { out.empty("componentRef", ["src": source]) }
        } else {
            for clause in document.body { write(clause, into: &out) }
        }
        out.close("body")
        if !document.conclusions.isEmpty {
            write(document.conclusions, in: "conclusions", attributes: document.partAttributes["conclusions"] ?? [:], into: &out)
        }
        if !document.annexes.isEmpty {
            out.open("attachments", document.partAttributes["attachments"] ?? [:])
            for annex in document.annexes {
                write(annex, of: document.identification, sources: shell.map { $0.annexSources[annex.eId] ?? [] }, into: &out)
            }
            out.close("attachments")
        }
        out.close(document.documentType)
        out.close("akomaNtoso")
        return out.text
    }

    /// The canonical bytes of the document (UTF-8).
    public static func data(_ document: LegalDocument) -> Data {
        Data(string(document).utf8)
    }

    // MARK: Parts

    private static func writeMeta(_ document: LegalDocument, into out: inout XMLTextBuffer) {
        out.open("meta")
        write(document.identification, into: &out)
        if let publication = document.publication {
            var attributes = ["date": publication.date.iso, "name": publication.name, "showAs": publication.showAs]
            attributes["number"] = publication.number
            out.empty("publication", attributes)
        }
        if !document.lifecycle.isEmpty {
            out.open("lifecycle", ["source": "#suivi"])
            for event in document.lifecycle {
                out.empty("eventRef", ["eId": event.eId, "date": event.date.iso, "refersTo": event.refersTo,
                                       "source": event.source, "type": event.type])
            }
            out.close("lifecycle")
        }
        if !document.references.isEmpty {
            out.open("references", ["source": "#suivi"])
            for reference in document.references {
                out.empty(reference.element, ["eId": reference.eId, "href": reference.href, "showAs": reference.showAs])
            }
            out.close("references")
        }
        if !document.notes.isEmpty {
            out.open("notes", ["source": "#suivi"])
            for note in document.notes {
                var attributes = note.attributes
                attributes["eId"] = note.eId
                write(note.blocks, in: "note", attributes: attributes, into: &out)
            }
            out.close("notes")
        }
        out.close("meta")
    }

    private static func write(_ identification: Identification, into out: inout XMLTextBuffer) {
        out.open("identification", ["source": "#suivi"])
        let work = identification.work
        out.open("FRBRWork")
        out.empty("FRBRthis", ["value": work.this])
        out.empty("FRBRuri", ["value": work.uri])
        out.empty("FRBRdate", ["date": work.date.date.iso, "name": work.date.name])
        out.empty("FRBRauthor", ["href": work.author])
        out.empty("FRBRcountry", ["value": work.country])
        if let number = work.number { out.empty("FRBRnumber", ["value": number]) }
        if let name = work.name { out.empty("FRBRname", ["value": name]) }
        out.close("FRBRWork")
        let expression = identification.expression
        out.open("FRBRExpression")
        out.empty("FRBRthis", ["value": expression.this])
        out.empty("FRBRuri", ["value": expression.uri])
        out.empty("FRBRdate", ["date": expression.date.date.iso, "name": expression.date.name])
        out.empty("FRBRauthor", ["href": expression.author])
        out.empty("FRBRlanguage", ["language": expression.language])
        out.close("FRBRExpression")
        let manifestation = identification.manifestation
        out.open("FRBRManifestation")
        out.empty("FRBRthis", ["value": manifestation.this])
        out.empty("FRBRuri", ["value": manifestation.uri])
        out.empty("FRBRdate", ["date": manifestation.date.date.iso, "name": manifestation.date.name])
        out.empty("FRBRauthor", ["href": manifestation.author])
        out.close("FRBRManifestation")
        out.close("identification")
    }

    private static func writePreface(_ items: [PrefaceItem], attributes: [String: String], into out: inout XMLTextBuffer) {
        guard !items.isEmpty else { return }
        out.open("preface", attributes)
        for item in items {
            switch item {
            case .longTitle(let blocks):
                write(blocks, in: "longTitle", into: &out)
            case .block(let block):
                write(block, into: &out)
            }
        }
        out.close("preface")
    }

    private static func writePreamble(_ items: [PreambleItem], attributes: [String: String], into out: inout XMLTextBuffer) {
        guard !items.isEmpty else { return }
        out.open("preamble", attributes)
        for item in items {
            switch item {
            case .formula(let name, let blocks):
                write(blocks, in: "formula", attributes: ["name": name], into: &out)
            case .citations(let citations):
                out.open("citations")
                for citation in citations {
                    out.open("citation", identifiers(of: citation))
                    write(citation.content, into: &out)
                    out.close("citation")
                }
                out.close("citations")
            case .block(let block):
                write(block, into: &out)
            }
        }
        out.close("preamble")
    }

    private static func write(_ annex: Annex, of act: Identification, sources: [String]?, into out: inout XMLTextBuffer) {
        if let carried = annex.carried {
            out.open("attachment", annex.attributes.merging(["eId": annex.eId, "wId": annex.wId]) { _, new in new })
            write(carried, into: &out)
            out.close("attachment")
            return
        }
        out.open("attachment", annex.attributes.merging(["eId": annex.eId, "wId": annex.wId]) { _, new in new })
        out.open("doc", ["name": annex.name])
        out.open("meta")
        write(AnnexIdentification.derive(from: act, annexEId: annex.eId), into: &out)
        out.close("meta")
        if !annex.preface.isEmpty {
            write(annex.preface, in: "preface", into: &out)
        }
        out.open("mainBody")
        if let sources {
            for source in sources { out.empty("componentRef", ["src": source]) }
        } else {
            for clause in annex.clauses { write(clause, into: &out) }
        }
        out.close("mainBody")
        out.close("doc")
        out.close("attachment")
    }

    // MARK: Clauses and blocks

    /// Writes one clause and its descendants (also used by the register to write one article per file).
    static func write(_ clause: Clause, into out: inout XMLTextBuffer, rootNamespace: Bool = false) {
        let name = clause.kind.elementName
        var attributes = identifiers(of: clause)
        if rootNamespace { attributes["xmlns"] = AKN.namespace }
        out.open(name, attributes)
        if let num = clause.num {
            if let markup = clause.numMarkup, markup.plainText == num {
                if markup.count == 1, case .element("num", let attributes, let children) = markup[0] {
                    out.line("num", attributes, children)
                } else {
                    out.line("num", [:], markup)
                }
            } else {
                out.line("num", [:], [.text(num)])
            }
        }
        let parts = clause.partAttributes ?? [:]
        if let heading = clause.heading { out.line("heading", parts["heading"] ?? [:], heading) }
        if clause.children.isEmpty {
            write(clause.content, in: "content", attributes: parts["content"] ?? [:], into: &out)
        } else {
            if !clause.intro.isEmpty {
                write(clause.intro, in: "intro", attributes: parts["intro"] ?? [:], into: &out)
            }
            for child in clause.children { write(child, into: &out) }
            if !clause.wrapUp.isEmpty {
                write(clause.wrapUp, in: "wrapUp", attributes: parts["wrapUp"] ?? [:], into: &out)
            }
        }
        out.close(name)
    }

    private static func identifiers(of clause: Clause) -> [String: String] {
        var attributes = clause.attributes
        attributes["eId"] = clause.eId
        attributes["wId"] = clause.wId
        return attributes
    }

    /// `<element …>` holding one `p` per block.
    private static func write(_ blocks: [Block], in element: String, attributes: [String: String] = [:],
                              into out: inout XMLTextBuffer) {
        out.open(element, attributes)
        write(blocks, into: &out)
        out.close(element)
    }

    private static func write(_ blocks: [Block], into out: inout XMLTextBuffer) {
        for block in blocks { write(block, into: &out) }
    }

    /// One block on its line: a `p`, or an element carried as it is.
    private static func write(_ block: Block, into out: inout XMLTextBuffer) {
        out.line(block.name, block.attributes, block.inlines)
    }
}
