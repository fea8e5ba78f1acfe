/// What a draft's working copy holds that its branch does not: the files that differ from the commit it was taken
/// from, and the clauses whose text, number or heading differ, appeared or went away in them.
public struct UnsavedWork: Sendable, Hashable, Codable {
    /// File names in the working copy folder (`AFSP1638149A.xml`) that differ, appeared or went away.
    public let files: [String]
    /// eIds (as the working copy numbers them, else as the branch did) of the clauses that differ.
    public let clauses: [String]
    /// Files that do not read as Akoma Ntoso: their clauses cannot be listed.
    public let unreadable: [String]

    public init(files: [String], clauses: [String], unreadable: [String]) {
        self.files = files
        self.clauses = clauses
        self.unreadable = unreadable
    }

    public var isEmpty: Bool { files.isEmpty }

    /// "fichier AFSP1638149A.xml ; éléments art_3__para_2, art_6-1".
    public var french: String {
        var parts = ["fichier(s) " + files.joined(separator: ", ")]
        if !clauses.isEmpty {
            let shown = clauses.prefix(20).joined(separator: ", ")
            parts.append("élément(s) " + shown + (clauses.count > 20 ? " … et \(clauses.count - 20) autre(s)" : ""))
        }
        if !unreadable.isEmpty { parts.append("illisible(s) comme Akoma Ntoso : " + unreadable.joined(separator: ", ")) }
        return parts.joined(separator: " ; ")
    }
}
