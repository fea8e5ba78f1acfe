import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SuiviWeb

/// `GET /sante` for the reverse proxy and the supervision.
@Suite("Health endpoint")
struct HealthEndpointTests {
    @Test("/sante and /healthz answer 200 « ok » on a readable register, uncached, without opening a session")
    func healthy() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            for path in ["/sante", "/healthz"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok)
                #expect(response.text == "ok\n")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(response.headers[values: .setCookie].isEmpty)
            }
            let head = try await client.execute(uri: "/sante", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
        }
    }

    @Test("/sante answers 503 with a short French reason, and no path, once the register is gone or unreadable")
    func unhealthy() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let git = fixture.folder.appendingPathComponent("register.git")
        let moved = fixture.folder.appendingPathComponent("register.git.deplace")
        try await fixture.application().test(.router) { client in
            try FileManager.default.moveItem(at: git, to: moved)
            let gone = try await client.execute(uri: "/sante", method: .get)
            #expect(gone.status == .serviceUnavailable)
            #expect(gone.text == "indisponible : registre introuvable\n")
            #expect(gone.headers[.cacheControl] == "no-store")
            #expect(gone.headers[values: .setCookie].isEmpty)
            try FileManager.default.moveItem(at: moved, to: git)
            #expect(try await client.execute(uri: "/sante", method: .get).status == .ok)
            // A packed-refs file git cannot parse: the register opens, its references cannot be read.
            let packed = git.appendingPathComponent("packed-refs")
            let saved = try? Data(contentsOf: packed)
            try Data("pas une référence\n".utf8).write(to: packed)
            let unreadable = try await client.execute(uri: "/sante", method: .get)
            if let saved { try saved.write(to: packed) } else { try FileManager.default.removeItem(at: packed) }
            #expect(unreadable.status == .serviceUnavailable)
            #expect(unreadable.text == "indisponible : registre illisible\n")
            #expect(!unreadable.text.contains(fixture.folder.path))
            #expect(try await client.execute(uri: "/sante", method: .get).status == .ok)
        }
    }
}
