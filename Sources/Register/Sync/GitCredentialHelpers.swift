import Foundation

/// The credential helpers the user's git configuration names for an address (`credential.helper`,
/// `credential.<adresse>.helper`, in the system, XDG and global files and the register's own `register.git/config`,
/// in that order; an empty value empties
/// the list, as in git), asked with git's credential protocol: `<helper> get`, input `protocol=…`, `host=…`
/// (and `path=…` when `credential.useHttpPath` is true), `username=…` when the address has one, then a blank
/// line; output `username=…`, `password=…`. suivi runs only the helper program, never git for the transfer.
struct GitCredentialHelpers {
    let credentials: RemoteCredentials
    let address: RemoteAddress
    /// The register's git configuration file (`register.git/config`), read last, as git reads a repository's.
    var repositoryConfiguration: String? = nil

    /// The configuration files, lowest priority first.
    var configurationFiles: [String] {
        var files: [String] = []
        if credentials.value("GIT_CONFIG_NOSYSTEM") == nil { files.append("/etc/gitconfig") }
        let xdg = credentials.value("XDG_CONFIG_HOME").map { URL(fileURLWithPath: $0) }
            ?? credentials.home.appendingPathComponent(".config")
        files.append(xdg.appendingPathComponent("git/config").path)
        files.append(credentials.value("GIT_CONFIG_GLOBAL") ?? credentials.home.appendingPathComponent(".gitconfig").path)
        if let repositoryConfiguration { files.append(repositoryConfiguration) }
        return files
    }

    /// The helpers that apply to the address, in the order git asks them, and whether the path is sent.
    func helpers() -> (commands: [String], useHttpPath: Bool) {
        var commands: [String] = []
        var useHttpPath = false
        for file in configurationFiles {
            for entry in GitConfig.entries(ofFile: file) where entry.name.hasPrefix("credential.") {
                let key = entry.name.dropFirst("credential.".count)
                // `credential.helper`, or `credential.<adresse>.helper` (the address may hold dots, the key never does).
                let dot = key.lastIndex(of: ".")
                let context = dot.map { String(key[..<$0]) } ?? ""
                let variable = (dot.map { key[key.index(after: $0)...] } ?? key).lowercased()
                guard context.isEmpty || applies(context: context) else { continue }
                switch variable {
                case "helper":
                    if entry.value.isEmpty { commands.removeAll() } else { commands.append(entry.value) }
                case "usehttppath":
                    useHttpPath = ["true", "yes", "on", "1"].contains(entry.value.lowercased())
                default: break
                }
            }
        }
        return (commands, useHttpPath)
    }

    /// Whether a `credential.<context>.*` section is about the address: same protocol and host (and port), and
    /// the address's path under the context's.
    func applies(context: String) -> Bool {
        let scope = RemoteAddress(context)
        guard scope.transport == address.transport, let host = scope.host, let mine = address.host,
              host.lowercased() == mine.lowercased(), scope.port == address.port else { return false }
        let path = scope.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return path.isEmpty || address.path.trimmingCharacters(in: CharacterSet(charactersIn: "/")).hasPrefix(path)
    }

    /// What a helper is told on its standard input.
    func request(useHttpPath: Bool) -> String {
        var lines = ["protocol=\(address.transport.rawValue)", "host=\(address.hostDescription)"]
        if useHttpPath { lines.append("path=" + address.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))) }
        if let user = address.user { lines.append("username=\(user)") }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// Asks helper `command` for the address; `nil` when it has nothing (or fails, or says `quit`).
    func ask(_ command: String, useHttpPath: Bool) -> PasswordCredential? {
        // As git does: `!commande` is a shell command, an absolute path is run as is, a name is `git credential-<name>`.
        let shell: String
        if command.hasPrefix("!") { shell = String(command.dropFirst()) }
        else if command.hasPrefix("/") || command.hasPrefix("~") { shell = command }
        else { shell = "git credential-" + command }
        // Named by its program only: an inline shell helper (`!f() { echo password=…; }; f`) may hold a secret.
        let name = command.hasPrefix("!") ? "(commande du shell)"
            : "« \(command.split(separator: " ").first.map(String.init) ?? command) »"
        guard let output = Self.run(shell + " get", input: request(useHttpPath: useHttpPath),
                                    environment: credentials.environment.merging(["HOME": credentials.home.path]) { $1 })
        else { return nil }
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        if let quit = fields["quit"], ["1", "true"].contains(quit) { return nil }
        guard let password = fields["password"], !password.isEmpty else { return nil }
        return PasswordCredential(user: fields["username"] ?? address.user ?? "oauth2", password: password,
                                  source: "l'assistant d'identification git \(name)")
    }

    /// Runs `/bin/sh -c command` with `input` on its standard input; its standard output, or `nil` when it
    /// failed or outlived 30 seconds (a helper waiting for a terminal is not answered).
    static func run(_ command: String, input: String, environment: [String: String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let timeout = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: timeout)
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timeout.cancel()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
