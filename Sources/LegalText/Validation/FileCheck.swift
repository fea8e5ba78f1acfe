import Foundation

/// The outcome of reading and validating one file: the document when it could be read, and every
/// problem found (a read error becomes a single problem).
public struct FileCheck: Sendable {
    public let file: String
    public let document: LegalDocument?
    public let problems: [ValidationProblem]
    /// The profile the file was held to.
    public let profile: DocumentProfile

    public init(file: String, document: LegalDocument?, problems: [ValidationProblem], profile: DocumentProfile = .suivi) {
        self.file = file
        self.document = document
        self.problems = problems
        self.profile = profile
    }

    public var isValid: Bool { problems.isEmpty }

    /// Reads and validates one file in the suivi profile.
    public static func check(file: String, limits: XMLParserLimits = .standard) -> FileCheck {
        do {
            let source = try LegalTextReader.read(contentsOf: file, limits: limits)
            return FileCheck(file: file, document: source.document, problems: LegalTextValidator.validate(source))
        } catch {
            return FileCheck(file: file, document: nil, problems: [
                ValidationProblem(rule: .unreadable, file: file, line: error.line, eId: nil, message: error.reason),
            ])
        }
    }

    /// Reads and validates one file in `profile`; nil chooses by the file: a document whose metadata says it
    /// was written by suivi (`identification source="#suivi"`) is held to the suivi profile, any other to the
    /// Akoma Ntoso level.
    public static func check(file: String, profile: DocumentProfile?, limits: XMLParserLimits = .standard) -> FileCheck {
        if profile == .suivi { return check(file: file, limits: limits) }
        let source: SourceDocument
        do {
            source = profile == .akn ? try LegalTextReader.readAny(contentsOf: file, limits: limits)
                : try LegalTextReader.readInItsProfile(contentsOf: file, limits: limits)
        } catch {
            return FileCheck(file: file, document: nil, problems: [
                ValidationProblem(rule: .unreadable, file: file, line: error.line, eId: nil, message: error.reason),
            ], profile: profile ?? .suivi)
        }
        let applied = profile ?? source.document.profile
        return FileCheck(file: file, document: source.document, problems: LegalTextValidator.validate(source, profile: applied),
                         profile: applied)
    }

    /// The XML files designated by `paths`: files as given, folders searched recursively for `*.xml`,
    /// in a stable order. A path that does not exist is an error.
    public static func expand(_ paths: [String]) throws(LegalTextError) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .unreadable(file: path, reason: "aucun fichier ou dossier à ce chemin")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".xml") }
                .sorted()
                .map { base + "/" + $0 }
            files += found
        }
        return files
    }
}
