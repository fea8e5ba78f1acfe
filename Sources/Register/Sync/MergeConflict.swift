import Foundation
import LegalText

/// A clause (or record) two sides changed differently, as `suivi pull` reports it instead of merge markers:
/// which text (its NOR), which clause (wId and eId), and both versions in plain French.
public struct MergeConflict: Sendable, Hashable, Codable {
    /// What the conflicting file holds.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An article or an annex section of a text.
        case clause
        /// A text's shell: metadata, preface, visas, order of its parts.
        case textStructure
        /// A committee record (review, position, comment…), or any other file.
        case record
    }

    public let branch: String
    public let path: String
    public let kind: Kind
    /// The text's NOR (work key), for a clause or a shell.
    public let work: String?
    public let wId: String?
    public let eId: String?
    /// The local version in plain text; `nil` when the local side deleted it.
    public let ours: String?
    /// The remote version in plain text; `nil` when the remote side deleted it.
    public let theirs: String?

    /// Describes the conflicting path `path` of branch `branch` from each side's content.
    init(branch: String, path: String, ours: Data?, theirs: Data?) {
        self.branch = branch
        self.path = path
        let work = RegisterLayout.work(ofPath: path)
        self.work = work
        if work != nil, path.hasSuffix("/text.xml") {
            kind = .textStructure
            wId = nil
            eId = nil
            self.ours = ours.map(Self.shellText)
            self.theirs = theirs.map(Self.shellText)
        } else if work != nil {
            kind = .clause
            let ourClause = ours.flatMap { try? LegalTextReader.readFragment(data: $0, file: path) }
            let theirClause = theirs.flatMap { try? LegalTextReader.readFragment(data: $0, file: path) }
            let clause = ourClause ?? theirClause
            wId = clause?.wId ?? (path as NSString).lastPathComponent.replacingOccurrences(of: ".xml", with: "")
            eId = clause?.eId
            self.ours = ours.map { data in ourClause.map(Self.plainText) ?? String(decoding: data, as: UTF8.self) }
            self.theirs = theirs.map { data in theirClause.map(Self.plainText) ?? String(decoding: data, as: UTF8.self) }
        } else {
            kind = .record
            wId = nil
            eId = nil
            self.ours = ours.map { String(decoding: $0, as: UTF8.self) }
            self.theirs = theirs.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    static func plainText(_ clause: Clause) -> String {
        PlainTextRenderer().render(clause, indent: 0).joined(separator: "\n")
    }

    static func shellText(_ data: Data) -> String {
        guard let shell = try? LegalTextReader.readShell(data: data, file: "text.xml") else {
            return String(decoding: data, as: UTF8.self)
        }
        return (shell.bodySources + shell.annexSources.keys.sorted()).joined(separator: ", ")
    }

    /// The report in French, one block per conflict.
    public var french: String {
        var head: String
        switch kind {
        case .clause:
            head = "texte \(work ?? "?") (NOR), élément wId \(wId ?? "?")"
            if let eId { head += " (eId \(eId))" }
        case .textStructure:
            head = "texte \(work ?? "?") (NOR) : structure du texte (métadonnées, visas, liste des articles)"
        case .record:
            head = "fichier \(path)"
        }
        let branchName = branch.hasPrefix("refs/heads/") ? String(branch.dropFirst("refs/heads/".count)) : branch
        func indent(_ text: String?) -> String {
            guard let text else { return "    (supprimé)" }
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        }
        return "Branche \(branchName), \(head) :\n  version locale :\n\(indent(ours))\n  version distante :\n\(indent(theirs))"
    }
}
