import CFuzzDriver
import Foundation

/// Runs libFuzzer on one Swift function: `FuzzDriver.run { data in … }` from a fuzzer's `@main`. The function
/// must end normally for every input; a crash, an AddressSanitizer report, a timeout or an out-of-memory is a
/// finding, saved by libFuzzer as `crash-…`/`timeout-…`/`oom-…` in the working directory.
public enum FuzzDriver {
    /// The function under test. Set once, before libFuzzer starts, and only read afterwards.
    nonisolated(unsafe) private static var body: (Data) -> Void = { _ in }

    public static func run(_ body: @escaping (Data) -> Void) -> Never {
        Self.body = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
            let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
            FuzzDriver.body(data)
            return 0
        }
        exit(status)
    }

    /// The bytes libFuzzer hands a target, copied (its buffer is only valid during the call).
    public static func data(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        guard let bytes, count > 0 else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    /// Stops the fuzzer with a crash that libFuzzer records (with its input) when an invariant breaks.
    public static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition {
            FileHandle.standardError.write(Data(("invariant broken: " + message() + "\n").utf8))
            abort()
        }
    }
}
