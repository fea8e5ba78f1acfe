import Foundation
import LegalText

/// Where a text's files live in a managed repository (DESIGN.md, "Register"): one shell per text
/// and one file per article and per annex section, each named after its stable wId.
///
/// ```
/// texts/<work>/text.xml                          the shell: metadata, preface, preamble, order of parts
/// texts/<work>/articles/<wId>.xml                one file per top-level clause of the body
/// texts/<work>/annexes/<annex-wId>/<wId>.xml     one file per top-level clause of an annex
/// ```
package enum RegisterLayout {
    /// The folder of all texts.
    package static let textsFolder = "texts"

    /// The key naming a text's folder: its NOR (FRBRWork number), else the last part of its work URI.
    package static func workKey(of document: LegalDocument) -> String {
        let work = document.identification.work
        let candidate = work.number ?? work.uri.split(separator: "/").last.map(String.init) ?? "texte"
        let safe = candidate.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return safe.isEmpty ? "texte" : safe
    }

    package static func folder(work: String) -> String { "\(textsFolder)/\(work)" }

    package static func shellPath(work: String) -> String { "\(folder(work: work))/text.xml" }

    /// Where a top-level clause is stored, relative to the text's folder (the `src` written in the shell).
    static func partSource(_ clause: Clause, annex: Annex?) -> String {
        if let annex { return "annexes/\(annex.wId)/\(clause.wId).xml" }
        return "articles/\(clause.wId).xml"
    }

    /// The files of one text: path in the repository → canonical content.
    package static func files(for document: LegalDocument) -> [String: Data] {
        let work = workKey(of: document)
        let (shell, parts) = DocumentShell.split(document, source: partSource)
        var files: [String: Data] = [shellPath(work: work): Data(CanonicalWriter.shell(shell).utf8)]
        for part in parts {
            files["\(folder(work: work))/\(part.source)"] = Data(CanonicalWriter.fragment(part.clause).utf8)
        }
        return files
    }

    /// The work key of a path inside `texts/`, if any: `texts/AFSP1638149A/articles/art_3.xml` → `AFSP1638149A`.
    package static func work(ofPath path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 3, parts[0] == Substring(textsFolder) else { return nil }
        return String(parts[1])
    }
}
