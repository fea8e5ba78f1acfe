import Foundation
import Testing

/// A small HTTP server on 127.0.0.1 (python3's http.server, one thread per connection) that answers the paths the
/// reference-checking tests need; it logs the headers of every request it receives to `headers.log` and, for `/big`,
/// the bytes it managed to send to `big-sent`. Never the internet.
final class ReferenceTestServer {
    let server: LoopbackServer
    let folder: TemporaryFolder

    var port: Int { server.port }
    func address(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    init(in folder: TemporaryFolder) throws {
        self.folder = folder
        let python = try #require(LoopbackServer.python3, "python3 runs the test's HTTP server")
        let script = try folder.write(Self.script, to: "reference-server.py")
        server = try LoopbackServer(python, [script, folder.url.path, "{port}"])
    }

    /// The headers of every request received, one request a block.
    var headersLog: String { (try? String(contentsOf: folder.url.appendingPathComponent("headers.log"), encoding: .utf8)) ?? "" }

    /// The bytes of `/big` the server sent before the client cut the transfer (waits for the server to say, up to
    /// two minutes: on a loaded machine the server may notice the closed connection late; it answers at once otherwise).
    func bigSent() -> Int? {
        let file = folder.url.appendingPathComponent("big-sent")
        for _ in 0..<2400 {
            if let text = try? String(contentsOf: file, encoding: .utf8), let count = Int(text) { return count }
            usleep(50_000)
        }
        return nil
    }

    static let script = #"""
    import http.server, os, sys, time

    root, port = sys.argv[1], int(sys.argv[2])
    GIGA = 1 << 30

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_headers(self):
            with open(os.path.join(root, "headers.log"), "a") as log:
                log.write(self.command + " " + self.path + "\n" + str(self.headers) + "\n")

        def answer(self, status, headers=(), body=b""):
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def route(self):
            self.log_headers()
            path = self.path
            if path == "/ok":
                return self.answer(200, [("Content-Type", "text/html")], b"<html>ok</html>")
            if path == "/moved":
                return self.answer(301, [("Location", "/ok")])
            if path == "/moved-permanent-308":
                return self.answer(308, [("Location", "http://127.0.0.1:%d/ok" % port)])
            if path == "/chain":
                return self.answer(302, [("Location", "/chain-2")])
            if path == "/chain-2":
                return self.answer(307, [("Location", "/ok")])
            if path == "/moved-then-temporary":
                return self.answer(301, [("Location", "/chain")])
            if path == "/moved-to-missing":
                return self.answer(301, [("Location", "/missing")])
            if path == "/missing":
                return self.answer(404, [], b"not found")
            if path == "/deleted":
                return self.answer(410, [], b"gone")
            if path == "/error":
                return self.answer(503, [], b"down")
            if path == "/forbidden":
                return self.answer(403, [], b"no")
            if path == "/no-head":
                if self.command == "HEAD":
                    return self.answer(405, [("Allow", "GET")])
                return self.answer(200, [], b"ok without head")
            if path == "/loop":
                return self.answer(302, [("Location", "/loop")])
            if path == "/to-file":
                return self.answer(302, [("Location", "file:///etc/passwd")])
            if path == "/to-javascript":
                return self.answer(301, [("Location", "javascript:alert(1)")])
            if path == "/no-location":
                return self.answer(301, [])
            if path == "/with-cookie":
                return self.answer(302, [("Set-Cookie", "session=secret; Path=/"), ("Location", "/ok")])
            if path == "/slow":
                time.sleep(3600)
                return
            if path == "/big":
                if self.command == "HEAD":
                    return self.answer(405, [("Allow", "GET")])
                self.send_response(200)
                self.send_header("Content-Length", str(GIGA))
                self.end_headers()
                chunk, sent = b"0" * 65536, 0
                try:
                    while sent < GIGA:
                        self.wfile.write(chunk)
                        sent += len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                with open(os.path.join(root, "big-sent.tmp"), "w") as out:
                    out.write(str(sent))
                os.replace(os.path.join(root, "big-sent.tmp"), os.path.join(root, "big-sent"))
                return
            return self.answer(404, [], b"unknown")

        do_GET = route
        do_HEAD = route

        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True

    Server(("127.0.0.1", port), Handler).serve_forever()
    """#
}
