import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a finished child process did.
struct ProcessResult: Sendable, CustomStringConvertible {
    /// The exit code when the process exited, nil when a signal ended it.
    let exitCode: Int32?
    /// The signal that ended the process, if any.
    let signal: Int32?
    let stdout: String
    let stderr: String
    /// Wall-clock time from spawn to reaping.
    let wallSeconds: Double
    /// The child's own peak resident set (KiB): the high-water mark (`VmHWM`) of the program's memory,
    /// read from /proc while the child is held at its exit under ptrace.
    ///
    /// Not `ru_maxrss`: on Linux the kernel folds into a child's `maxrss`, at its `exec`, the peak of the
    /// memory it ran in before, and a `fork`/`posix_spawn` child runs in (a copy of) the parent's; in a full
    /// test run `ru_maxrss` was the test process's size, not the child's. Falls back to `ru_maxrss` (an upper
    /// bound) only when the exit stop was not seen (the watchdog's SIGKILL).
    let maxRSSKiB: Int
    /// The test process's own resident set when the child was spawned (KiB), from /proc/self/statm.
    let parentRSSKiB: Int
    /// Whether the watchdog killed the child.
    let timedOut: Bool

    /// stdout and stderr together, for messages that may go to either.
    var output: String { stdout + stderr }

    var description: String {
        let end = exitCode.map { "exit \($0)" } ?? "signal \(signal ?? -1)"
        return "\(end)\(timedOut ? " (watchdog)" : ""), \(String(format: "%.3f", wallSeconds)) s, max RSS \(maxRSSKiB) KiB "
            + "(parent at spawn \(parentRSSKiB) KiB)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

struct ProcessRunnerError: Error, CustomStringConvertible {
    let description: String
}

/// Runs a program with `posix_spawn`, its output captured in temporary files, waits for it with
/// `wait4` (for its resource usage) and kills it if it outlives the watchdog.
enum ProcessRunner {
    static func run(_ executable: String, _ arguments: [String], watchdog: Duration = .seconds(20)) throws -> ProcessResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let stdoutPath = directory.appendingPathComponent("stdout").path
        let stderrPath = directory.appendingPathComponent("stderr").path

        let parentRSS = residentKiB()
        let clock = ContinuousClock()
        let start = clock.now
        // The child first stops itself in a small shell, so that it can be traced before the program runs
        // (nothing it does escapes the measure), then `exec`s the program in a fresh memory of its own.
        let shell = "/bin/sh"
        let pid = try spawn(shell, ["-c", "kill -STOP $$; exec \"$0\" \"$@\"", executable] + arguments,
                            stdout: stdoutPath, stderr: stderrPath)

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var ownPeakKiB: Int?
        // Wait for the self-stop, then trace the child (exit stop) and let it go on.
        while wait4(pid, &status, WUNTRACED, &usage) == -1 {
            guard errno == EINTR else { throw ProcessRunnerError(description: "wait4 \(pid): \(String(cString: strerror(errno)))") }
        }
        if status & 0x7F == 0x7F {
            // Where ptrace is not allowed (a container's seccomp profile, Yama scope 3) the child runs untraced
            // and its peak falls back to `ru_maxrss`, an upper bound: memory checks can only be stricter.
            _ = Tracer.seize(pid, options: Tracer.traceExit | Tracer.exitKill)
            kill(pid, SIGCONT)
            while true {
                let reaped = wait4(pid, &status, WNOHANG, &usage)
                if reaped == pid {
                    guard status & 0x7F == 0x7F else { break }
                    let stopSignal = (status >> 8) & 0xFF
                    let event = (status >> 16) & 0xFFFF
                    if event == Tracer.eventExit {
                        ownPeakKiB = highWaterMarkKiB(of: pid)
                        Tracer.resume(pid, signal: 0)
                    } else if event == Tracer.eventStop {
                        Tracer.resume(pid, signal: 0)
                    } else {
                        Tracer.resume(pid, signal: stopSignal)
                    }
                    continue
                }
                if reaped == -1 && errno != EINTR {
                    throw ProcessRunnerError(description: "wait4 \(pid): \(String(cString: strerror(errno)))")
                }
                if !timedOut && clock.now - start > watchdog {
                    kill(pid, SIGKILL)
                    timedOut = true
                }
                usleep(1_000)
            }
        }
        let elapsed = clock.now - start

        let low = status & 0x7F
        let exitCode: Int32? = low == 0 ? (status >> 8) & 0xFF : nil
        let signal: Int32? = low == 0 ? nil : low
        func read(_ path: String) -> String {
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return ProcessResult(
            exitCode: exitCode, signal: signal, stdout: read(stdoutPath), stderr: read(stderrPath),
            wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            maxRSSKiB: ownPeakKiB ?? usage.ru_maxrss, parentRSSKiB: parentRSS, timedOut: timedOut)
    }

    /// Starts a program with `posix_spawn`, stdin from /dev/null and its output into the files given; the
    /// caller waits for it (`wait4`). Children start with an empty signal mask and default handlers, whatever
    /// the test thread blocks (SIGCHLD among them): a shell's `wait` in a child would otherwise hang.
    static func spawn(_ executable: String, _ arguments: [String], stdout stdoutPath: String = "/dev/null",
                      stderr stderrPath: String = "/dev/null") throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw ProcessRunnerError(description: "posix_spawn \(executable): \(String(cString: strerror(spawned)))")
        }
        return pid
    }

    /// The peak resident set of a live process's memory (`VmHWM` in /proc/<pid>/status, KiB), nil if unreadable.
    static func highWaterMarkKiB(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.dropFirst("VmHWM:".count).filter(\.isNumber))
    }

    /// This process's current resident set in KiB (second field of /proc/self/statm, in pages); 0 if unknown.
    static func residentKiB() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

    /// The first executable named `name` in the usual system folders.
    static func systemTool(_ name: String) -> String? {
        ["/usr/bin", "/bin", "/usr/local/bin"].map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
