import Foundation

/// Encodes a value as the JSON printed by `--format json`: sorted keys, pretty, no escaped slashes.
func jsonString<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// The document `--format json` prints: the result, with the name and version of its schema first
/// (docs/JSON.md). Within a version, fields may be added, never removed or renamed.
struct JSONDocument<Value: Encodable>: Encodable {
    let schema: String
    let schemaVersion: Int
    /// A list goes under this key; an object's own fields sit beside `schema`.
    let key: String?
    let value: Value

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(schema, forKey: Key(stringValue: "schema"))
        try container.encode(schemaVersion, forKey: Key(stringValue: "schemaVersion"))
        if let key {
            try container.encode(value, forKey: Key(stringValue: key))
        } else {
            try value.encode(to: encoder)
        }
    }
}

/// `value`, an object, as the JSON document of schema `schema`.
func jsonDocument<T: Encodable>(_ schema: String, version: Int = 1, _ value: T) throws -> String {
    try jsonString(JSONDocument(schema: schema, schemaVersion: version, key: nil, value: value))
}

/// `values`, a list, under `key` in the JSON document of schema `schema`.
func jsonDocument<T: Encodable>(_ schema: String, version: Int = 1, list key: String, _ values: [T]) throws -> String {
    try jsonString(JSONDocument(schema: schema, schemaVersion: version, key: key, value: values))
}
