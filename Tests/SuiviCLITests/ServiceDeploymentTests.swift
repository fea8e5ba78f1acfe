import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SuiviTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The files that install `suivi web` as a service: the systemd unit, the example configuration and the
/// Containerfile (docs/DEPLOYMENT.md).
enum DeploymentFiles {
    static let unit = CLI.packageRoot.appendingPathComponent("deploy/suivi.service")
    static let exampleConfiguration = CLI.packageRoot.appendingPathComponent("deploy/suivi.conf.example")
    static let containerfile = CLI.packageRoot.appendingPathComponent("Containerfile")

    /// The `[Service]` settings of the unit, each key with its values in order (comments and blank lines left out).
    static func unitSettings() throws -> [String: [String]] {
        var settings: [String: [String]] = [:]
        for line in try String(contentsOf: unit, encoding: .utf8).split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.hasPrefix("#"), !text.hasPrefix(";"), let equals = text.firstIndex(of: "=") else { continue }
            settings[String(text[..<equals]), default: []].append(String(text[text.index(after: equals)...]))
        }
        return settings
    }

    /// The unit's `ExecStart`, split into words (the unit uses no quoting).
    static func execStart() throws -> [String] {
        let lines = try #require(try unitSettings()["ExecStart"], "no ExecStart in \(unit.path)")
        try #require(lines.count == 1, "one ExecStart")
        return lines[0].split(separator: " ").map(String.init)
    }

    /// The example configuration with some keys' values replaced (each must be in the file, uncommented).
    static func exampleConfiguration(replacing values: [String: String]) throws -> String {
        var seen = Set<String>()
        let lines = try String(contentsOf: exampleConfiguration, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                let text = String(line)
                guard !text.hasPrefix("#"), let equals = text.firstIndex(of: "=") else { return text }
                let key = text[..<equals].trimmingCharacters(in: .whitespaces)
                guard let value = values[key] else { return text }
                seen.insert(key)
                return "\(key) = \(value)"
            }
        #expect(seen == Set(values.keys), "keys of the example configuration replaced: \(seen)")
        return lines.joined(separator: "\n")
    }

    /// The Containerfile's instructions: continuation lines joined, comments dropped; (instruction, arguments).
    static func containerInstructions() throws -> [(instruction: String, arguments: String)] {
        var instructions: [(String, String)] = []
        var pending = ""
        for line in try String(contentsOf: containerfile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty, text.hasPrefix("#") || text.isEmpty { continue }
            if text.hasSuffix("\\") {
                pending += text.dropLast() + " "
                continue
            }
            let whole = pending + text
            pending = ""
            let parts = whole.split(separator: " ", maxSplits: 1)
            instructions.append((parts[0].uppercased(), parts.count > 1 ? String(parts[1]) : ""))
        }
        return instructions
    }
}

@Suite("Deployment files: Containerfile and systemd unit")
struct DeploymentFilesTests {
    @Test("the Containerfile builds suivi on Swift bookworm, runs it on Debian bookworm slim as a non-root user, with a health check")
    func containerfile() throws {
        let instructions = try DeploymentFiles.containerInstructions()
        let froms = instructions.enumerated().filter { $0.element.instruction == "FROM" }
        try #require(froms.count == 2, "a builder stage and a runtime stage: \(froms.map(\.element.arguments))")
        let builder = froms[0].element.arguments, runtime = froms[1].element.arguments
        #expect(builder.contains("swift:") && builder.contains("-bookworm") && builder.hasSuffix(" AS builder"), "\(builder)")
        #expect(runtime.hasPrefix("docker.io/library/debian:bookworm-slim"), "\(runtime)")
        let build = instructions.prefix(froms[1].offset)
        #expect(build.contains { $0.instruction == "RUN" && $0.arguments.contains("libgit2-dev") && $0.arguments.contains("libxml2-dev") })
        #expect(build.contains { $0.instruction == "RUN" && $0.arguments.contains("swift build -c release --product suivi") })
        let final = Array(instructions.suffix(from: froms[1].offset))
        #expect(final.contains { $0.instruction == "RUN" && $0.arguments.contains("libgit2-1.5") && $0.arguments.contains("libxml2") })
        #expect(final.contains { $0.instruction == "COPY" && $0.arguments.hasPrefix("--from=builder /out/suivi ") })
        let users = final.filter { $0.instruction == "USER" }.map(\.arguments)
        try #require(!users.isEmpty, "the runtime stage names its user")
        #expect(!["root", "0", "root:root", "0:0"].contains(users.last!), "runs as \(users.last!)")
        let health = try #require(final.first { $0.instruction == "HEALTHCHECK" }?.arguments)
        #expect(health.contains("CMD") && health.contains("/sante"))
        #expect(final.contains { $0.instruction == "EXPOSE" && $0.arguments == "8080" })
        #expect(final.contains { $0.instruction == "ENTRYPOINT" && $0.arguments.hasPrefix("[") })
        // Nothing fetched from the network by ADD; every COPY from the build context names a file of this repository.
        #expect(!instructions.contains { $0.instruction == "ADD" }, "COPY only")
        for copy in instructions where copy.instruction == "COPY" && !copy.arguments.hasPrefix("--from") {
            let words = copy.arguments.split(separator: " ").filter { !$0.hasPrefix("--") }
            for source in words.dropLast() {
                #expect(FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent(String(source)).path),
                        "COPY \(source): not in the repository")
            }
        }
        // The entry point script is executable and valid shell.
        let entry = CLI.packageRoot.appendingPathComponent("deploy/container-entrypoint.sh").path
        #expect(FileManager.default.isExecutableFile(atPath: entry))
        let syntax = try ProcessRunner.run("/bin/sh", ["-n", entry])
        #expect(syntax.exitCode == 0, "\(syntax)")
    }

    @Test("the unit runs suivi web --config as user suivi, hardened, writing only the register, with descriptors for every connection")
    func unitSettings() throws {
        let settings = try DeploymentFiles.unitSettings()
        #expect(try DeploymentFiles.execStart() == ["/usr/local/bin/suivi", "web", "--config", "/etc/suivi/suivi.conf"])
        #expect(settings["User"] == ["suivi"])
        #expect(settings["NoNewPrivileges"] == ["yes"])
        #expect(settings["ProtectSystem"] == ["strict"])
        #expect(settings["PrivateTmp"] == ["yes"])
        #expect(settings["Restart"] == ["on-failure"])
        #expect(settings["RestartPreventExitStatus"] == ["78"], "a wrong configuration is not restarted in a loop")
        let writable = try #require(settings["ReadWritePaths"]?.first)
        let example = try String(contentsOf: DeploymentFiles.exampleConfiguration, encoding: .utf8)
        let register = try #require(example.split(separator: "\n").first { $0.hasPrefix("registre =") }?.split(separator: "=")[1])
        #expect(register.trimmingCharacters(in: .whitespaces).hasPrefix(writable + "/"), "the register is under ReadWritePaths")
        let connections = try #require(example.split(separator: "\n").first { $0.hasPrefix("connexions-max =") }
            .flatMap { Int($0.split(separator: "=")[1].trimmingCharacters(in: .whitespaces)) })
        let files = try #require(settings["LimitNOFILE"]?.first.flatMap { Int($0) })
        #expect(files >= connections + 256, "LimitNOFILE \(files) for connexions-max \(connections)")
    }
}

extension EndToEnd {
@Suite("suivi web as a service")
struct ServiceDeploymentTests {
    @Test("systemd-analyze verify accepts the unit, without a warning, with the built suivi in its ExecStart",
          .tags(.externalTool), .enabled(if: ExternalTool.runs("systemd-analyze"), ExternalTool.reason("systemd-analyze", package: "systemd")))
    func systemdVerify() throws {
        let tool = try ExternalTool.require("systemd-analyze", package: "systemd")
        let folder = try TemporaryFolder()
        let binary = try #require(CLI.executable)
        let text = try String(contentsOf: DeploymentFiles.unit, encoding: .utf8)
        try #require(text.contains("ExecStart=/usr/local/bin/suivi "))
        // systemd-analyze checks that the binary exists: the one the tests built stands in for /usr/local/bin/suivi.
        let unit = folder.path("suivi.service")
        try folder.write(text.replacingOccurrences(of: "ExecStart=/usr/local/bin/suivi ", with: "ExecStart=\(binary) "), to: "suivi.service")
        let result = try ProcessRunner.run(tool, ["verify", unit])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.isEmpty && result.stdout.isEmpty, "systemd-analyze verify: \(result.output)")
        // The check can fail: a misspelt directive is reported.
        try folder.write(text.replacingOccurrences(of: "ExecStart=/usr/local/bin/suivi ", with: "ExecStart=\(binary) ")
            .replacingOccurrences(of: "NoNewPrivileges=", with: "NoNewPrivilege="), to: "faute.service")
        let typo = try ProcessRunner.run(tool, ["verify", folder.path("faute.service")])
        #expect(typo.output.contains("Unknown key"), "\(typo)")
    }

    /// GET `url`: the status and the body.
    static func get(_ url: String) async throws -> (Int, String) {
        let (body, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: body, as: UTF8.self))
    }

    @Test("the server starts as the unit starts it, on the example configuration, answers /sante and /, and exits 0 on SIGTERM")
    func startsAsTheUnitDoes() async throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let binary = try #require(CLI.executable)
        let key = folder.path("cle-sessions")
        let generated = try CLI.run("web", "--generer-cle-sessions", key)
        #expect(generated.exitCode == 0, "\(generated)")
        let configuration = try DeploymentFiles.exampleConfiguration(replacing: ["registre": repo, "port": "0", "cle-sessions": key])
        let configurationFile = try folder.write(configuration, to: "suivi.conf")
        var command = try DeploymentFiles.execStart()
        try #require(command.first == "/usr/local/bin/suivi" && command.contains("/etc/suivi/suivi.conf"), "\(command)")
        command[0] = binary
        command = command.map { $0 == "/etc/suivi/suivi.conf" ? configurationFile : $0 }

        let (stdout, stderr) = (folder.path("stdout"), folder.path("stderr"))
        let pid = try ProcessRunner.spawn(command[0], Array(command.dropFirst()), stdout: stdout, stderr: stderr)
        var exited = false
        defer {
            if !exited {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
            }
        }
        // The listening line, as the service's log shows it (bounded wait: the server starts in well under a second).
        var address: String?
        let deadline = Date().addingTimeInterval(60)
        while address == nil, Date() < deadline {
            let text = (try? String(contentsOfFile: stdout, encoding: .utf8)) ?? ""
            if let range = text.range(of: "Interface web du registre : http://127.0.0.1:") {
                let rest = text[range.upperBound...]
                if let end = rest.firstIndex(of: "/") { address = "http://127.0.0.1:" + rest[..<end] }
            }
            var status: Int32 = 0
            if address == nil, waitpid(pid, &status, WNOHANG) == pid {
                exited = true
                Issue.record("the server stopped: \((try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "")")
                return
            }
            if address == nil { usleep(100_000) }
        }
        let base = try #require(address, "no listening line: \((try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "")")
        // The summary follows the listening line, on standard error (the service's log).
        var log = ""
        let logDeadline = Date().addingTimeInterval(10)
        repeat {
            log = (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? ""
            if !log.contains("\n") { usleep(50_000) }
        } while !log.contains("\n") && Date() < logDeadline
        #expect(log.contains("configuration \(configurationFile)") && log.contains("sessions conservées"), "\(log)")

        let (healthStatus, health) = try await Self.get(base + "/sante")
        #expect(healthStatus == 200)
        #expect(health == "ok\n")
        let (homeStatus, home) = try await Self.get(base + "/")
        #expect(homeStatus == 200)
        #expect(home.contains("id=\"art_3__para_2\""))

        // SIGTERM, as systemctl stop sends it: a clean exit, status 0 (bounded wait, not a measurement).
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let stopDeadline = Date().addingTimeInterval(30)
        while !exited, Date() < stopDeadline {
            if waitpid(pid, &status, WNOHANG) == pid { exited = true } else { usleep(50_000) }
        }
        try #require(exited, "still running 30 s after SIGTERM")
        #expect(status & 0x7F == 0, "ended by signal \(status & 0x7F)")
        #expect((status >> 8) & 0xFF == 0, "exit status \((status >> 8) & 0xFF): \((try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "")")
    }

    @Test("a wrong configuration stops the start with exit 78, the file and line or the variable, and what to do")
    func wrongConfigurationRefused() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        let file = try folder.write("registre = \(repo)\nprot = 9090\n", to: "suivi.conf")
        let (status, _, message) = try ServeCommandTests.run(["web", "--config", file])
        #expect(status == 78)
        #expect(message.contains("\(file):2 : clé inconnue « prot » ; vouliez-vous dire « port » ?"), "\(message)")
        let good = try folder.write("registre = \(repo)\nport = 9090\n", to: "bon.conf")
        let (variable, _, why) = try ServeCommandTests.run(["web", "--config", good], environment: ["SUIVI_PORT": "neuf"])
        #expect(variable == 78)
        #expect(why.contains("SUIVI_PORT : valeur « neuf » refusée"), "\(why)")
        let (option, _, reason) = try ServeCommandTests.run(["web", "--config", good, "--periode-synchro", "5"])
        #expect(option == 78)
        #expect(reason.contains("--periode-synchro : valeur « 5 » refusée : une durée de 10 secondes à 1 jour"), "\(reason)")
        let key = folder.path("cle")
        FileManager.default.createFile(atPath: key, contents: Data(repeating: 1, count: 32), attributes: [.posixPermissions: 0o644])
        let (exposed, _, text) = try ServeCommandTests.run(["web", "--config", good, "--cle-sessions", key])
        #expect(exposed == 78)
        #expect(text.contains("chmod 600 \(key)"), "\(text)")
    }

    @Test("--generer-cle-sessions writes 32 random bytes readable by the owner only, and never replaces a key")
    func generateSessionKey() throws {
        let folder = try TemporaryFolder()
        let key = folder.path("cle")
        let first = try CLI.run("web", "--generer-cle-sessions", key)
        #expect(first.exitCode == 0, "\(first)")
        #expect(first.stdout.contains("Clé des sessions créée"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: key))
        #expect(bytes.count == 32 && Set(bytes).count > 8)
        #expect((try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int) == 0o600)
        let again = try CLI.run("web", "--generer-cle-sessions", key)
        #expect(again.exitCode == 1)
        #expect(again.stderr.contains("existe déjà"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: key)) == bytes)
    }

    @Test("suivi web --help explains the configuration file, the variables and their precedence")
    func help() throws {
        let result = try CLI.run("web", "--help")
        #expect(result.exitCode == 0)
        // Lines are wrapped to the terminal's width: compare with every run of spaces and newlines as one space.
        let help = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        for text in ["--config", "SUIVI_CONFIG", "cle = valeur", "SUIVI_PORT", "ligne de commande, puis environnement, puis fichier",
                     "--cle-sessions", "--generer-cle-sessions", "--proxys-de-confiance", "--periode-synchro", "--distant", "/sante"] {
            #expect(help.contains(text), "« \(text) » in suivi web --help")
        }
    }
}
}
