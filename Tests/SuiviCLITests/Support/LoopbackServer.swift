import Foundation
import SuiviTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A server a test starts on 127.0.0.1 (`git daemon`, `git http-backend` behind a small HTTP server), killed
/// when the value goes away.
final class LoopbackServer {
    let port: Int
    private let pid: pid_t

    /// Starts `executable arguments…` (`{port}` in an argument is replaced by a free port) and waits until the
    /// port accepts connections. Started with `posix_spawn` like every other child of the tests (Foundation's
    /// `Process` reaps children itself, which the runner's `wait4` must do).
    init(_ executable: String, _ arguments: [String]) throws {
        let port = try ChildProcess.freePort()
        self.port = port
        pid = try ProcessRunner.spawn(executable, arguments.map { $0.replacingOccurrences(of: "{port}", with: "\(port)") })
        let deadline = Date().addingTimeInterval(10)
        while !ChildProcess.accepts(port) {
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == 0, Date() < deadline else {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw ProcessRunnerError(description: "\(executable) did not listen on 127.0.0.1:\(port)")
            }
            usleep(50_000)
        }
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// A minimal HTTP/1.1 server running `git http-backend` as a CGI for each request (smart HTTP, fetch and
    /// push), written into `folder`; run it with python3 and the served root as argument.
    static let httpBackendScript = #"""
    import http.server, os, subprocess, sys

    root, port = sys.argv[1], int(sys.argv[2])

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def body(self):
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                data = b""
                while True:
                    size = int(self.rfile.readline().strip().split(b";")[0], 16)
                    if size == 0:
                        self.rfile.readline()
                        return data
                    data += self.rfile.read(size)
                    self.rfile.readline()
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def run_backend(self):
            path, _, query = self.path.partition("?")
            data = self.body()
            env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "GIT_PROJECT_ROOT": root, "GIT_HTTP_EXPORT_ALL": "1",
                   "PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": self.command,
                   "CONTENT_TYPE": self.headers.get("Content-Type", ""), "CONTENT_LENGTH": str(len(data)),
                   "REMOTE_USER": "suivi-tests", "REMOTE_ADDR": "127.0.0.1", "GIT_CONFIG_NOSYSTEM": "1",
                   "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": root}
            output = subprocess.run(["git", "http-backend"], input=data, env=env, capture_output=True).stdout
            separator = b"\r\n\r\n" if b"\r\n\r\n" in output else b"\n\n"
            head, _, rest = output.partition(separator)
            status, headers = 200, []
            for line in head.replace(b"\r\n", b"\n").split(b"\n"):
                name, _, value = line.decode().partition(":")
                if name.lower() == "status":
                    status = int(value.strip().split()[0])
                elif name:
                    headers.append((name, value.strip()))
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(rest)))
            self.end_headers()
            self.wfile.write(rest)

        do_GET = run_backend
        do_POST = run_backend

        def log_message(self, *args):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
    """#

    /// python3 on the PATH.
    static var python3: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
