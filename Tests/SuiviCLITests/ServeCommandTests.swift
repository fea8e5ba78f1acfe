import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// End to end: `suivi committee set-password` and `suivi serve` on the shipped corpus and committee.
extension EndToEnd {
@Suite("suivi committee set-password, suivi serve")
struct ServeCommandTests {
    static let clerk = "Secrétariat du comité <secretariat@example.org>"

    /// Runs `suivi` with standard input and extra environment variables (an empty value unsets one).
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CLI.executable))
        process.arguments = arguments
        // An empty value removes the variable.
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.filter { !$0.value.isEmpty }
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test("set-password reads the password from standard input or SUIVI_MOT_DE_PASSE and stores only a bcrypt hash outside git")
    func setPassword() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let (status, output, _) = try Self.run(["committee", "set-password", "dgs", "--repo", repo, "--auteur", "Présidence <p@example.org>"],
                                               input: "secret-de-la-presidence\n")
        #expect(status == 0)
        #expect(output.contains("Compte « dgs »"))
        let (status2, _, _) = try Self.run(["committee", "set-password", "ofii-medecins", "--repo", repo, "--auteur", "Médecin <m@example.org>"],
                                           environment: ["SUIVI_MOT_DE_PASSE": "secret-des-medecins"])
        #expect(status2 == 0)
        let accounts = try String(contentsOfFile: repo + "/comptes.json", encoding: .utf8)
        #expect(accounts.contains("\"identifiant\" : \"dgs\""))
        #expect(accounts.contains("\"identifiant\" : \"ofii-medecins\""))
        #expect(accounts.contains("$2b$12$"))
        #expect(!accounts.contains("secret-de-la-presidence"))
        #expect(!accounts.contains("secret-des-medecins"))

        let (refused, _, message) = try Self.run(["committee", "set-password", "dgs", "--repo", repo], input: "court\n",
                                                 environment: ["SUIVI_AUTEUR": "Présidence <p@example.org>"])
        #expect(refused == 1)
        #expect(message.contains("mot de passe trop court"))
        let (noPerson, _, why) = try Self.run(["committee", "set-password", "dgef", "--repo", repo], input: "assez-long-mot-de-passe\n",
                                              environment: ["SUIVI_AUTEUR": "", "GIT_AUTHOR_NAME": "", "SUIVI_MOT_DE_PASSE": ""])
        #expect(noPerson == 1)
        #expect(why.contains("le siège « dgef » n'a pas de membre en fonction"))
    }

    @Test("serve answers on the port it prints, the text in force first, until it is stopped")
    func serve() async throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CLI.executable))
        process.arguments = ["serve", "--repo", repo, "--port", "0"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        // The first line names the address: "… http://127.0.0.1:<port>/ …".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        let address = try #require(text.range(of: "http://127.0.0.1:").map { text[$0.lowerBound...].prefix { $0 != " " } })
        let (body, response) = try await URLSession.shared.data(from: try #require(URL(string: String(address))))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("id=\"art_3__para_2\""))
    }
}
}
