import Foundation
import Testing
import ZIPFoundation

/// Edits an ODT package as a drafter would in a word processor, on its `content.xml` (one paragraph per line in
/// suivi's export): reword a paragraph found by its bookmark, insert paragraphs after one, delete one.
struct ODTEditor {
    var entries: [(path: String, data: Data)]
    var lines: [String]

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        entries = []
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            entries.append((entry.path, bytes))
        }
        let content = try #require(entries.first { $0.path == "content.xml" }?.data)
        lines = String(decoding: content, as: UTF8.self).components(separatedBy: "\n")
    }

    /// The index of the line holding the bookmark `name`.
    func line(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let marker = "<text:bookmark text:name=\"\(name)\"/>"
        let found = lines.indices.filter { lines[$0].contains(marker) }
        try #require(found.count == 1, "bookmark \(name) found \(found.count) times", sourceLocation: sourceLocation)
        return found[0]
    }

    mutating func reword(_ name: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let index = try line(name, sourceLocation: sourceLocation)
        try #require(lines[index].components(separatedBy: old).count == 2, "« \(old) » not once in \(name)", sourceLocation: sourceLocation)
        lines[index] = lines[index].replacingOccurrences(of: old, with: new)
    }

    mutating func insert(after name: String, _ paragraphs: [String]) throws {
        lines.insert(contentsOf: paragraphs, at: try line(name) + 1)
    }

    mutating func delete(_ name: String) throws {
        lines.remove(at: try line(name))
    }

    mutating func replaceLine(_ name: String, with text: String) throws {
        lines[try line(name)] = text
    }

    mutating func edit(_ transform: (String) -> String) {
        lines = transform(lines.joined(separator: "\n")).components(separatedBy: "\n")
    }

    static func body(_ text: String) -> String { "<text:p text:style-name=\"Text_20_body\">\(text)</text:p>" }
    static func heading(_ text: String, level: Int) -> String {
        "<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">\(text)</text:h>"
    }

    /// The package, `mimetype` first and stored.
    func data(replacing extra: [String: Data] = [:]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, original) in entries {
            let bytes = path == "content.xml" ? Data(lines.joined(separator: "\n").utf8) : (extra[path] ?? original)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: path == "mimetype" ? .none : .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }
}
