import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A git forge on 127.0.0.1 for tests: a small python3 HTTP server that requires HTTP basic authentication
/// (`user`, `password`) and passes every authorised request to `git-http-backend` as a CGI (smart HTTP, fetch
/// and push, `http.receivepack` on). It logs every request (method, path, authorised or not) so a test can
/// count them. Needs python3 and git (`.tags(.externalTool)`, `ExternalTool.runs("python3", "git")`).
///
/// ```swift
/// let forge = try await LoopbackForge.start(user: "membre", password: "secret")
/// defer { forge.stop() }
/// try forge.createBareRepository(named: "registre")
/// let url = forge.url(repository: "registre")      // http://127.0.0.1:<port>/registre.git
/// ```
public final class LoopbackForge: @unchecked Sendable {  // `stopped` is guarded by `lock`; everything else is `let`
    /// One request the server received.
    public struct Request: Sendable, Hashable {
        public let method: String
        public let path: String
        /// Whether it carried the right user and password (else it was answered 401, or 403 to a reader's push).
        public let authorized: Bool
    }

    public let port: Int
    public let user: String
    public let password: String
    /// The folder the served bare repositories live in (`<name>.git`).
    public let root: URL
    private let folder: URL
    private let pid: pid_t
    private let lock = NSLock()
    private var stopped = false

    private init(port: Int, user: String, password: String, folder: URL, pid: pid_t) {
        self.port = port
        self.user = user
        self.password = password
        self.folder = folder
        self.root = folder.appendingPathComponent("depots")
        self.pid = pid
    }

    deinit { stop() }

    /// Starts the server on a free port and waits until it listens. `readers` are accounts (user → password) that
    /// may fetch but are answered 403 on a push, as a forge answers a member without write access.
    public static func start(user: String, password: String, readers: [String: String] = [:]) async throws -> LoopbackForge {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-forge-\(UUID().uuidString)")
        let root = folder.appendingPathComponent("depots")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("forge.py")
        try Data(Self.script.utf8).write(to: script)
        let python = try ExternalTool.require("python3", package: "python3")
        let backend = ["/usr/lib/git-core/git-http-backend", "/usr/libexec/git-core/git-http-backend"]
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/lib/git-core/git-http-backend"
        let port = try ChildProcess.freePort()
        let log = folder.appendingPathComponent("server.log").path
        let readerList = readers.map { "\($0.key):\($0.value)" }.joined(separator: "\n")
        let pid = try ChildProcess.spawn(python, [script.path, root.path, "\(port)", user, password, backend,
                                                 folder.appendingPathComponent("requests.log").path, readerList],
                                         stdout: log, stderr: log)
        try await ChildProcess.waitUntilListening(pid, port: port, name: "loopback forge", log: log)
        return LoopbackForge(port: port, user: user, password: password, folder: folder, pid: pid)
    }

    /// `http://127.0.0.1:<port>/<name>.git` (`.git` added unless `name` ends with it).
    public func url(repository name: String) -> String {
        "http://127.0.0.1:\(port)/\(Self.folderName(name))"
    }

    /// Creates an empty bare repository `<name>.git` served by the forge; its folder.
    @discardableResult
    public func createBareRepository(named name: String) throws -> URL {
        let repository = root.appendingPathComponent(Self.folderName(name))
        let git = try ExternalTool.require("git", package: "git")
        try ChildProcess.run(git, ["init", "--quiet", "--bare", "--initial-branch=main", repository.path])
        return repository
    }

    /// The requests received so far, in order.
    public var requests: [Request] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("requests.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard fields.count == 3 else { return nil }
            return Request(method: fields[1], path: fields[2], authorized: fields[0] == "200")
        }
    }

    /// Kills the server and removes its files (repositories included). Safe to call twice.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        ChildProcess.stop(pid)
        try? FileManager.default.removeItem(at: folder)
    }

    private static func folderName(_ name: String) -> String { name.hasSuffix(".git") ? name : name + ".git" }

    /// The server: basic auth, then `git-http-backend` as a CGI; one log line per request (`200|401 METHOD path`).
    static let script = #"""
    import base64, http.server, os, subprocess, sys, threading

    root, port, user, password, backend, log = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
    def basic(account):
        return "Basic " + base64.b64encode(account.encode()).decode()
    expected = basic(user + ":" + password)
    readers = {basic(line) for line in sys.argv[7].split("\n") if line}
    lock = threading.Lock()

    def record(status, method, path):
        with lock, open(log, "a") as f:
            f.write("%d %s %s\n" % (status, method, path))

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
            given = self.headers.get("Authorization", "")
            if given in readers and ("git-receive-pack" in self.path):
                record(403, self.command, self.path)
                message = b"pas de droit d'ecriture\n"
                self.send_response(403)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(message)))
                self.end_headers()
                self.wfile.write(message)
                return
            if given != expected and given not in readers:
                record(401, self.command, self.path)
                message = b"authentification requise\n"
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="suivi-forge"')
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(message)))
                self.end_headers()
                self.wfile.write(message)
                return
            record(200, self.command, self.path)
            env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "GIT_PROJECT_ROOT": root, "GIT_HTTP_EXPORT_ALL": "1",
                   "PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": self.command,
                   "CONTENT_TYPE": self.headers.get("Content-Type", ""), "CONTENT_LENGTH": str(len(data)),
                   "REMOTE_USER": user, "REMOTE_ADDR": "127.0.0.1", "GIT_CONFIG_NOSYSTEM": "1",
                   "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": root,
                   "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "http.receivepack", "GIT_CONFIG_VALUE_0": "true"}
            output = subprocess.run([backend], input=data, env=env, capture_output=True).stdout
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
}
