import Foundation

/// Path changes grouped by folder, ready to be applied to a tree bottom-up: content to write, or `nil` to remove.
struct TreeEdit {
    private(set) var files: [String: Data?] = [:]
    private(set) var folders: [String: TreeEdit] = [:]

    /// Groups `changes` (path → content, `nil` to delete) by folder, refusing paths git cannot store and paths
    /// used both as a file and as a folder.
    init(changes: [String: Data?]) throws(RegisterError) {
        for (path, content) in changes {
            let components = try TreeEdit.components(of: path)
            try add(components[...], content, path: path)
        }
    }

    private init() {}

    private mutating func add(_ components: ArraySlice<String>, _ content: Data?, path: String) throws(RegisterError) {
        guard let name = components.first else { return }
        if components.count == 1 {
            guard folders[name] == nil else {
                throw .invalidPath(path: path, reason: "un dossier du même nom est aussi modifié")
            }
            files[name] = .some(content)
        } else {
            guard files[name] == nil else {
                throw .invalidPath(path: path, reason: "« \(name) » est aussi donné comme fichier")
            }
            var folder = folders[name] ?? TreeEdit()
            try folder.add(components.dropFirst(), content, path: path)
            folders[name] = folder
        }
    }

    /// The components of a repository path, or `invalidPath` when git (or a checkout) could not store it:
    /// empty, absolute, trailing or doubled slash, `.`/`..`, `.git` in any case, control characters.
    static func components(of path: String) throws(RegisterError) -> [String] {
        guard !path.isEmpty else { throw .invalidPath(path: path, reason: "chemin vide") }
        guard !path.hasPrefix("/") else { throw .invalidPath(path: path, reason: "chemin absolu") }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7f}" || $0 == "\\" }) else {
            throw .invalidPath(path: path, reason: "caractère de contrôle ou barre oblique inverse")
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for component in components {
            switch component.lowercased() {
            case "": throw .invalidPath(path: path, reason: "composant vide (« // » ou « / » final)")
            case ".", "..": throw .invalidPath(path: path, reason: "« . » et « .. » sont interdits")
            case ".git": throw .invalidPath(path: path, reason: "« .git » est réservé à git")
            default: continue
            }
        }
        return components
    }
}
