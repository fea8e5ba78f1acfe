import Foundation
import Testing
@testable import SuiviWeb

/// `suivi web`'s settings from the command line, the environment and a configuration file: the precedence, and every
/// wrong input refused with its place and what to do, never replaced by a default.
@Suite("Service settings: configuration file and environment")
struct ServiceSettingsTests {
    static let root = URL(fileURLWithPath: "/srv/suivi/registre")

    func settings(_ file: String? = nil, environment: [String: String] = [:], commandLine: [ServiceSetting: String] = [:],
                  path: String = "/etc/suivi/suivi.conf") throws -> ServiceSettings {
        try ServiceSettings(commandLine: commandLine, environment: environment,
                            file: try file.map { try ConfigurationFile(text: $0, path: path) })
    }

    /// The error `body` throws (the test fails when it throws none or another kind).
    func refusal<T>(_ body: () throws -> T) throws -> ServiceConfigurationError {
        do {
            _ = try body()
        } catch let error as ServiceConfigurationError {
            return error
        }
        Issue.record("no refusal")
        throw CancellationError()
    }

    @Test("every key of the file sets its field, comments, blank lines, quotes and spaces aside")
    func fileFillsConfiguration() throws {
        let text = """
        \u{FEFF}# suivi
        registre = /var/lib/suivi/registre

        hote=0.0.0.0
           port   =   8443   # derrière nginx
        adresse-publique = "https://suivi.example.org/"
        distant = https://forge.example.org/comite/registre.git
        periode-synchro = 5min
        proxys-de-confiance = 127.0.0.1, ::1 10.0.0.0/8,2001:db8::/32
        delai-inactivite = 45s
        connexions-max = 200\r
        """
        let configuration = try settings(text).configuration(defaultRegister: Self.root)
        #expect(configuration.registerRoot.path == "/var/lib/suivi/registre")
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 8443)
        #expect(configuration.publicAddress == "https://suivi.example.org")
        #expect(configuration.remote == "https://forge.example.org/comite/registre.git")
        #expect(configuration.syncPeriod == 300)
        #expect(configuration.trustedProxies == ["127.0.0.1", "::1", "10.0.0.0/8", "2001:db8::/32"])
        #expect(configuration.idleTimeout == 45)
        #expect(configuration.maximumConnections == 200)
        #expect(configuration.sessionKeyFile == nil)
    }

    @Test("the command line wins over the environment, which wins over the file, which wins over the defaults")
    func precedence() throws {
        let file = "port = 1111\nhote = 10.0.0.1\ndelai-inactivite = 12\nregistre = depuis-fichier"
        let environment = ["SUIVI_PORT": "2222", "SUIVI_HOTE": "10.0.0.2", "SUIVI_REGISTRE": "", "SUIVI_AUTEUR": "x"]
        let all = try settings(file, environment: environment, commandLine: [.port: "3333"])
        let configuration = try all.configuration(defaultRegister: Self.root)
        #expect(configuration.port == 3333)
        #expect(all[.port]?.source == .commandLine)
        #expect(configuration.host == "10.0.0.2")
        #expect(all[.host]?.source == .environment)
        #expect(configuration.idleTimeout == 12)
        #expect(all[.idleTimeout]?.source == .file(path: "/etc/suivi/suivi.conf", line: 3))
        // An empty variable is no value; a relative path of the file starts from the file's folder.
        #expect(configuration.registerRoot.path == "/etc/suivi/depuis-fichier")
        #expect(configuration.maximumConnections == 500)
        #expect(all[.maximumConnections] == nil)
        let defaults = try settings().configuration(defaultRegister: Self.root)
        #expect(defaults.port == 8080 && defaults.host == "127.0.0.1" && defaults.registerRoot == Self.root)
        #expect(defaults.trustedProxies.isEmpty && defaults.syncPeriod == nil && defaults.remote == nil)
    }

    @Test("an unknown key is refused with its line and the nearest key, never ignored")
    func unknownKey() throws {
        let error = try refusal { try settings("port = 8080\nprot = 9090") }
        #expect(error == .unknownKey(path: "/etc/suivi/suivi.conf", line: 2, key: "prot", suggestion: "port"))
        #expect(error.description.hasPrefix("/etc/suivi/suivi.conf:2 : clé inconnue « prot » ; vouliez-vous dire « port » ?"))
        #expect(error.description.contains("Corrigez la ligne 2"))
        #expect(try refusal { try settings("Port = 8080") } == .unknownKey(path: "/etc/suivi/suivi.conf", line: 1, key: "Port", suggestion: "port"))
        #expect(try refusal { try settings("inconnue = 1") } == .unknownKey(path: "/etc/suivi/suivi.conf", line: 1, key: "inconnue", suggestion: nil))
    }

    @Test("a key given twice, a line without =, an empty value or an unclosed quote are refused with their line")
    func malformedFile() throws {
        #expect(try refusal { try settings("port = 1\n\nport = 2") }
                == .duplicateKey(path: "/etc/suivi/suivi.conf", line: 3, key: "port", firstLine: 1))
        #expect(try refusal { try settings("# titre\nport 8080") } == .malformedLine(path: "/etc/suivi/suivi.conf", line: 2, text: "port 8080"))
        #expect(try refusal { try settings("= 8080") } == .malformedLine(path: "/etc/suivi/suivi.conf", line: 1, text: "= 8080"))
        for text in ["port =", "port = # rien", "port = \"\"", "port = \"8080", "port = \"80\" 80"] {
            let error = try refusal { try settings(text) }
            guard case .invalidValue(.file(_, 1), .port, _, _) = error else {
                Issue.record("« \(text) » → \(error)")
                continue
            }
        }
    }

    @Test("a bad value is refused with its place: option, variable, or file and line, and the range expected")
    func badValues() throws {
        let cases: [(ServiceSetting, String)] = [
            (.port, "80a"), (.port, "70000"), (.port, "-1"), (.host, "a b"), (.idleTimeout, "0"), (.idleTimeout, "3601"),
            (.idleTimeout, "trente"), (.maximumConnections, "0"), (.maximumConnections, "1e3"), (.syncPeriod, "9"),
            (.syncPeriod, "2j"), (.syncPeriod, "5 minutes"), (.trustedProxies, "10.0.0.0/33"), (.trustedProxies, "proxy.local"),
            (.trustedProxies, ","), (.publicAddress, "ftp://x"), (.remote, "https://jeton:secret@forge.example.org/r.git"),
            (.remote, "https://utilisateur@forge.example.org/r.git"), (.remote, "mauvais nom"),
        ]
        for (setting, value) in cases {
            // A forge address is echoed without its user and password (never in a journal).
            let shown = value.replacingOccurrences(of: "jeton:secret@", with: "").replacingOccurrences(of: "utilisateur@", with: "")
            let fromFile = try refusal { try settings("\n\(setting.key) = \(value)").configuration(defaultRegister: Self.root) }
            #expect(fromFile == .invalidValue(source: .file(path: "/etc/suivi/suivi.conf", line: 2), setting: setting, value: value,
                                              reason: reason(of: fromFile)), "\(setting.key) = \(value)")
            #expect(fromFile.description.hasPrefix("/etc/suivi/suivi.conf:2 (\(setting.key)) : valeur « \(shown) » refusée : "))
            #expect(fromFile.description.hasSuffix("Corrigez la ligne 2 de /etc/suivi/suivi.conf."))
            let fromEnvironment = try refusal {
                try settings(environment: [setting.environmentVariable: value]).configuration(defaultRegister: Self.root)
            }
            #expect(fromEnvironment.description.hasPrefix("\(setting.environmentVariable) : valeur « \(shown) » refusée"))
            let fromOption = try refusal { try settings(commandLine: [setting: value]).configuration(defaultRegister: Self.root) }
            #expect(fromOption.description.hasPrefix("\(setting.option) : valeur « \(shown) » refusée"))
        }
        let token = try refusal { try settings("distant = https://jeton:secret@forge.example.org/r.git").configuration(defaultRegister: Self.root) }
        #expect(token.description.contains("SUIVI_GIT_JETON"))
    }

    func reason(of error: ServiceConfigurationError) -> String {
        if case .invalidValue(_, _, _, let reason) = error { return reason }
        return ""
    }

    @Test("durations read seconds, minutes, hours and days; the sync period runs from 10 seconds to a day")
    func durations() throws {
        #expect(ServiceSettings.duration("45") == 45)
        #expect(ServiceSettings.duration("45s") == 45)
        #expect(ServiceSettings.duration("2min") == 120)
        #expect(ServiceSettings.duration("1.5h") == 5400)
        #expect(ServiceSettings.duration("1j") == 86_400)
        #expect(ServiceSettings.duration("") == nil && ServiceSettings.duration("h") == nil && ServiceSettings.duration("-5") == nil)
        #expect(try settings("periode-synchro = 10").configuration(defaultRegister: Self.root).syncPeriod == 10)
        #expect(try settings("periode-synchro = 1j").configuration(defaultRegister: Self.root).syncPeriod == 86_400)
    }

    @Test("a SUIVI_ variable one or two letters off a setting's is refused; suivi's other variables are not")
    func misspeltVariable() throws {
        #expect(try refusal { try settings(environment: ["SUIVI_PROT": "9090"]) } == .unknownVariable(name: "SUIVI_PROT", suggestion: "SUIVI_PORT"))
        #expect(try refusal { try settings(environment: ["SUIVI_PROXY_DE_CONFIANCE": "::1"]) }
                == .unknownVariable(name: "SUIVI_PROXY_DE_CONFIANCE", suggestion: "SUIVI_PROXYS_DE_CONFIANCE"))
        let others = ["SUIVI_AUTEUR": "a", "SUIVI_CLE_SSH": "k", "SUIVI_CONFIG": "", "SUIVI_MOT_DE_PASSE": "m", "SUIVI_GIT_JETON": "j",
                      "SUIVI_TESTS_RAPIDES": "1", "SUIVI_SHARED": "/s", "SUIVI_GIT_UTILISATEUR": "u", "SUIVI_GIT_MOT_DE_PASSE": "p",
                      "SUIVI_CLE_SSH_DISTANT": "/k", "SUIVI_CLE_SSH_PHRASE": "f", "SUIVI_KNOWN_HOSTS": "/h", "SUIVI_DEPOT_INITIAL": "/d"]
        #expect(try settings(environment: others).values.isEmpty)
    }

    @Test("a misspelt forge variable (SUIVI_GIT_JETTON) is refused like a setting's, naming the right one")
    func misspeltForgeVariable() throws {
        #expect(try refusal { try settings(environment: ["SUIVI_GIT_JETTON": "x"]) }
                == .unknownVariable(name: "SUIVI_GIT_JETTON", suggestion: "SUIVI_GIT_JETON"))
        #expect(try refusal { try settings(environment: ["SUIVI_CLE_SSH_DISTAN": "/k"]) }
                == .unknownVariable(name: "SUIVI_CLE_SSH_DISTAN", suggestion: "SUIVI_CLE_SSH_DISTANT"))
    }

    @Test("a forge address holding a password is refused without showing the password")
    func passwordNeverShown() throws {
        for (environment, file) in [(["SUIVI_DISTANT": "http://alice:Pw-77x@127.0.0.1:18081/registre.git"], nil),
                                    ([:], "distant = https://alice:Pw-77x@forge.example/comite/registre.git\n")] as [([String: String], String?)] {
            let error = try refusal { try settings(file, environment: environment).configuration(defaultRegister: Self.root) }
            #expect(!error.description.contains("Pw-77x") && !error.description.contains("alice"), "\(error.description)")
            #expect(error.description.contains("mot de passe"), "\(error.description)")
        }
    }

    @Test("the configuration file is read from --config, else SUIVI_CONFIG; a missing one is refused")
    func fileFromOptionOrVariable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-conf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("suivi.conf")
        try "port = 4242\nregistre = registre\n".write(to: file, atomically: true, encoding: .utf8)
        let byOption = try ServiceSettings(commandLine: [:], configurationFile: file.path, environment: [:])
        #expect(try byOption.configuration(defaultRegister: Self.root).port == 4242)
        #expect(try byOption.configuration(defaultRegister: Self.root).registerRoot.path == folder.appendingPathComponent("registre").path)
        let byVariable = try ServiceSettings(commandLine: [:], configurationFile: nil, environment: ["SUIVI_CONFIG": file.path])
        #expect(try byVariable.configuration(defaultRegister: Self.root).port == 4242)
        let missing = folder.appendingPathComponent("absent.conf").path
        #expect(try refusal { try ServiceSettings(commandLine: [:], configurationFile: missing, environment: [:]) }
                == .unreadableFile(path: missing, reason: "fichier absent"))
    }

    @Test("the sessions' key must exist, be 32 bytes or more, and be readable by its owner only")
    func sessionKeyFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-cle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("cle")
        try SessionKey.generate(at: key)
        let attributes = try FileManager.default.attributesOfItem(atPath: key.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.size] as? Int) == 32)
        #expect(throws: SessionKeyError.alreadyExists(path: key.path)) { try SessionKey.generate(at: key) }
        #expect(try settings("cle-sessions = \(key.path)").configuration(defaultRegister: Self.root).sessionKeyFile == key)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key.path)
        let exposed = try refusal { try settings("cle-sessions = \(key.path)").configuration(defaultRegister: Self.root) }
        #expect(exposed.description.contains("lisible ou modifiable par d'autres utilisateurs (droits 644)"))
        #expect(exposed.description.contains("chmod 600 \(key.path)"))
        #expect(throws: SessionKeyError.exposed(path: key.path, mode: "640")) {
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: key.path)
            return try SessionKey(contentsOf: key)
        }
        let short = folder.appendingPathComponent("courte")
        FileManager.default.createFile(atPath: short.path, contents: Data(repeating: 7, count: 31), attributes: [.posixPermissions: 0o600])
        #expect(throws: SessionKeyError.tooShort(path: short.path, length: 31)) { try SessionKey(contentsOf: short) }
        let absent = folder.appendingPathComponent("absente")
        #expect(throws: SessionKeyError.missing(path: absent.path)) { try SessionKey(contentsOf: absent) }
        #expect(throws: SessionKeyError.notAFile(path: folder.path)) { try SessionKey(contentsOf: folder) }
    }
}
