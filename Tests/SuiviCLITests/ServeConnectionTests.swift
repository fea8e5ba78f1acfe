import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `suivi serve` on real sockets (loopback only): idle connections are closed, and a crowd of them does not
/// stop the server.
extension EndToEnd {
@Suite("suivi serve: connections")
struct ServeConnectionTests {
    /// A connected socket to 127.0.0.1:`port`, or nil.
    static func connect(_ port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Whether the server closed `fd` (end of file or reset) within `seconds`.
    static func closedByServer(_ fd: Int32, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 512)
        while Date() < deadline {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, 200)
            if ready > 0 {
                let count = read(fd, &buffer, buffer.count)
                if count <= 0 { return true }
            }
        }
        return false
    }

    /// One GET over a fresh socket; the status line.
    static func get(_ port: Int, _ path: String) -> String? {
        guard let fd = connect(port) else { return nil }
        defer { close(fd) }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        guard request.utf8CString.withUnsafeBufferPointer({ write(fd, $0.baseAddress, request.utf8.count) }) == request.utf8.count else {
            return nil
        }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while poll(&entry, 1, 20_000) > 0 {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n").first
    }

    @Test("idle connections are closed after --delai-inactivite, beyond --connexions-max too, and the server still answers")
    func idleConnectionsClosed() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let server = try LoopbackServer(try #require(CLI.executable),
                                        ["serve", "--repo", repo, "--port", "{port}", "--delai-inactivite", "1", "--connexions-max", "8"])
        // 24 idle sockets: 8 served at once, the others wait in the system's queue until those close.
        let sockets = (0..<24).compactMap { _ in Self.connect(server.port) }
        defer { sockets.forEach { close($0) } }
        #expect(sockets.count == 24)
        // Bounded wait (not a timing assertion): three rounds of a 1 s timeout fit well within 30 s.
        let closed = sockets.filter { Self.closedByServer($0, within: 30) }.count
        #expect(closed == sockets.count, "\(closed) of \(sockets.count) idle connections were closed by the server")
        #expect(Self.get(server.port, "/")?.hasPrefix("HTTP/1.1 200") == true)
    }

    @Test("a client sending its request headers a line every 300 ms is cut off after --delai-inactivite, and the server still answers")
    func slowHeaders() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let server = try LoopbackServer(try #require(CLI.executable),
                                        ["serve", "--repo", repo, "--port", "{port}", "--delai-inactivite", "1", "--connexions-max", "4"])
        let fd = try #require(Self.connect(server.port))
        defer { close(fd) }
        signal(SIGPIPE, SIG_IGN)
        var closed = false
        // At most 100 lines (30 s): the server must close the connection well before.
        for index in 0..<100 {
            let line = index == 0 ? "GET / HTTP/1.1\r\n" : "X-Lent-\(index): a\r\n"
            if line.utf8CString.withUnsafeBufferPointer({ write(fd, $0.baseAddress, line.utf8.count) }) < 0 || Self.closedByServer(fd, within: 0.3) {
                closed = true
                break
            }
        }
        #expect(closed, "the server kept a connection whose headers never end")
        #expect(Self.get(server.port, "/versions")?.hasPrefix("HTTP/1.1 200") == true)
    }

    @Test("serve refuses an idle delay of zero, in French")
    func badDelay() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let (status, _, message) = try ServeCommandTests.run(["serve", "--repo", repo, "--port", "0", "--delai-inactivite", "0"])
        #expect(status != 0)
        #expect(message.contains("--delai-inactivite"))
    }
}
}
