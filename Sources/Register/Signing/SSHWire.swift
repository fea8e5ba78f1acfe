import Foundation

/// The SSH wire encoding (RFC 4251 §5): big-endian `uint32` and length-prefixed `string`s, as OpenSSH keys and
/// signatures store them.
struct SSHWireWriter {
    private(set) var data = Data()

    mutating func raw(_ bytes: Data) { data.append(bytes) }

    mutating func raw(_ text: String) { data.append(Data(text.utf8)) }

    mutating func uint32(_ value: UInt32) {
        data.append(contentsOf: [UInt8(value >> 24 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)])
    }

    mutating func string(_ bytes: Data) {
        uint32(UInt32(bytes.count))
        data.append(bytes)
    }

    mutating func string(_ text: String) { string(Data(text.utf8)) }
}

/// Reads the SSH wire encoding; every read fails (`nil`) rather than reading past the end.
struct SSHWireReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ data: Data) { bytes = Array(data) }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func raw(count: Int) -> Data? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return Data(bytes[offset..<offset + count])
    }

    mutating func uint32() -> UInt32? {
        guard let four = raw(count: 4) else { return nil }
        return four.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func string() -> Data? {
        guard let length = uint32(), length <= 1 << 20 else { return nil }
        return raw(count: Int(length))
    }

    mutating func text() -> String? {
        string().flatMap { String(data: $0, encoding: .utf8) }
    }
}
