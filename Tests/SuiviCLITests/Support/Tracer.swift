import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few `ptrace` requests the process runner needs to hold a child at its exit (Linux).
///
/// glibc's `ptrace` is variadic, which Swift does not import: it is called through its address with the
/// four-argument form every request here uses.
enum Tracer {
    static let traceExit = 0x40          // PTRACE_O_TRACEEXIT
    static let exitKill = 0x10_0000      // PTRACE_O_EXITKILL
    static let eventExit: Int32 = 6      // PTRACE_EVENT_EXIT
    static let eventStop: Int32 = 0x80   // PTRACE_EVENT_STOP (a group stop of a seized tracee)

    private typealias Function = @convention(c) (CInt, pid_t, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> CLong
    private static let requestSeize: CInt = 0x4206
    private static let requestContinue: CInt = 7

    private static func call(_ request: CInt, _ pid: pid_t, _ address: Int, _ data: Int) -> CLong {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "ptrace") else { errno = ENOSYS; return -1 }
        let function = unsafeBitCast(symbol, to: Function.self)
        return function(request, pid, UnsafeMutableRawPointer(bitPattern: address), UnsafeMutableRawPointer(bitPattern: data))
    }

    /// Traces `pid` (a child of this process) with the options given; false, with errno set, if refused.
    static func seize(_ pid: pid_t, options: Int) -> Bool {
        call(requestSeize, pid, 0, options) == 0
    }

    /// Lets a stopped tracee go on, delivering `signal` (0 for none).
    static func resume(_ pid: pid_t, signal: Int32) {
        _ = call(requestContinue, pid, 0, Int(signal))
    }
}
