import Foundation
import Testing
@testable import SuiviWeb

/// The login form's token is signed with SuiviWeb's own HMAC-SHA-256 (no cryptographic library is linked
/// into the web target): it must give the published test vectors exactly.
@Suite("HMAC-SHA-256 gives the published test vectors")
struct HMACSHA256Tests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("SHA-256 of the FIPS 180-4 examples (empty, « abc », the 56-byte message that needs a second block)",
          arguments: [
              ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
              ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
              ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
          ])
    func sha256(message: String, digest: String) {
        #expect(Self.hex(HMACSHA256.sha256(Array(message.utf8))) == digest)
    }

    @Test("HMAC-SHA-256 of RFC 4231 test cases 1, 2 and 6 (a key longer than a block is hashed first)")
    func rfc4231() {
        #expect(Self.hex(HMACSHA256.mac(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8)))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(Self.hex(HMACSHA256.mac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(Self.hex(HMACSHA256.mac(key: [UInt8](repeating: 0xaa, count: 131),
                                        message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }
}
