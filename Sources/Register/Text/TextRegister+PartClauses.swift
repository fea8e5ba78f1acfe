import Foundation
import LegalText

extension TextRegister {
    /// The eIds of the clauses each part file at `paths` holds at `commit`, in document order, without parsing a part
    /// twice in the register's life: the list is kept by the file's content (its blob id, which never changes
    /// meaning) under `register.git/suivi-cache/part-eids/`. What a comparison needs to count the clauses of the
    /// parts it does not read.
    public func clauseEIds(ofParts paths: [String], at commit: ObjectID) async throws(RegisterError) -> [String: [String]] {
        let blobs = try await store.blobIDs(of: paths, at: commit)
        let directory = store.url.appendingPathComponent("suivi-cache/part-eids")
        var result: [String: [String]] = [:]
        for (path, blob) in blobs {
            let file = directory.appendingPathComponent(blob.hex)
            if let data = try? Data(contentsOf: file), let text = String(data: data, encoding: .utf8), text.hasSuffix(".\n") {
                result[path] = text.split(separator: "\n").dropLast().map(String.init)
                continue
            }
            guard let part = try await part(path, at: commit) else { continue }
            let eIds = part.flattened.map(\.eId)
            result[path] = eIds
            // Written whole then renamed, ended by a "." line: a torn write is never read as complete.
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data((eIds.map { $0 + "\n" }.joined() + ".\n").utf8).write(to: file, options: .atomic)
        }
        return result
    }
}
