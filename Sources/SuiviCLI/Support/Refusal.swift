/// An operation the command refuses (a folder where a file is expected, an unwritable file…): `main` prints
/// its message once, after « suivi : », and exits with its code (1 unless told otherwise).
struct Refusal: Error, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}
