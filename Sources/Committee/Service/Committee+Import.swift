import Foundation
import LegalText
import Register

/// What importing one committee file did.
public struct CommitteeImportOutcome: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case created = "cree"
        case alreadyPresent = "deja-present"
        /// The register holds another version of the record (changed since): it is kept.
        case keptRegisterVersion = "version-du-registre-conservee"
    }

    public let path: String
    public let status: Status
}

extension Committee {
    /// Imports a folder laid out like `committee/` (members.xml, reviews/, events/, positions/, comments/,
    /// references/)
    /// into the register, in one commit. Every file is read and validated first: if one is invalid,
    /// nothing is written. Records already in the register are never overwritten (they may have moved on
    /// since, a review advanced for instance), so importing again changes nothing.
    public func importRecords(from folder: String, author: Identity) async throws(CommitteeError) -> [CommitteeImportOutcome] {
        let base = URL(fileURLWithPath: folder).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .register(.notAFolder(path: folder))
        }
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "xml" else { continue }
            let relative = url.standardizedFileURL.path.dropFirst(base.path.count).drop { $0 == "/" }
            do {
                files[CommitteeState.folder + "/" + relative] = try Data(contentsOf: url)
            } catch {
                throw .register(.io(path: url.path, reason: error.localizedDescription))
            }
        }
        guard !files.isEmpty else { throw .register(.nothingToImport(path: folder)) }
        let incoming = try CommitteeState(files: files, commit: nil)
        guard !incoming.roster.seats.isEmpty || files[CommitteeState.rosterPath] == nil else {
            throw .invalidRecord(path: CommitteeState.rosterPath, line: 1, reason: "aucun siège")
        }
        var outcomes: [CommitteeImportOutcome] = []
        try await write(message: "Comité : import des enregistrements depuis \(folder)", author: author) { state throws(CommitteeError) in
            guard let main = state.commit else { throw .register(.noAdoptedVersion) }
            let present = try await call { () async throws(RegisterError) in
                try await register.records(under: CommitteeState.folder, at: main)
            }
            var changes: [String: Data?] = [:]
            outcomes = []
            for path in files.keys.sorted() {
                guard let data = files[path] else { continue }
                if let existing = present[path] {
                    outcomes.append(CommitteeImportOutcome(path: path, status: existing == data ? .alreadyPresent : .keptRegisterVersion))
                } else {
                    changes[path] = data
                    outcomes.append(CommitteeImportOutcome(path: path, status: .created))
                }
            }
            // The result must still read as a whole (a review naming an event, for instance).
            var merged = present
            for (path, data) in changes { merged[path] = data }
            let mergedState = try CommitteeState(files: merged, commit: main, lenient: true)
            if let broken = mergedState.brokenLink { throw .invalidRecord(path: broken.path, line: 1, reason: broken.reason) }
            return changes
        }
        return outcomes
    }
}
