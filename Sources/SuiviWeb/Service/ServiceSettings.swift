import Foundation
import LegalText
import Publishing
import Register

/// The settings of `suivi web` gathered from their sources, the first found winning: the command line, then the
/// environment (`SUIVI_PORT`…), then the configuration file (`--config`, or `SUIVI_CONFIG`), then the defaults. Each
/// value is checked where it was given, and a wrong one is refused with its place (option, variable, or file and
/// line) and what to do: never replaced by a default.
public struct ServiceSettings: Sendable {
    public struct Value: Sendable, Equatable {
        public let text: String
        public let source: SettingSource
    }

    /// The variable naming the configuration file when `--config` is not given.
    public static let configurationVariable = "SUIVI_CONFIG"

    /// The other variables suivi reads: never taken for a misspelt setting.
    static let otherVariables: Set<String> = [
        configurationVariable, "SUIVI_DEPOT_INITIAL", "SUIVI_AUTEUR", "SUIVI_CLE_SSH", "SUIVI_MOT_DE_PASSE", "SUIVI_GIT_JETON", "SUIVI_GIT_UTILISATEUR",
        "SUIVI_TESTS_RAPIDES", "SUIVI_SHARED", "SUIVI_CAPTURES", "SUIVI_SEED", "SUIVI_PROPERTY_SEED", "SUIVI_SOFFICE",
        // The forge's identifiers and host keys (docs/SYNC.md), which the server's sync reads.
        RemoteCredentials.tokenVariable, RemoteCredentials.userVariable, RemoteCredentials.passwordVariable,
        RemoteCredentials.sshKeyVariable, RemoteCredentials.sshPassphraseVariable, RemoteCredentials.knownHostsVariable,
    ]

    public let values: [ServiceSetting: Value]
    /// The configuration file read, if any.
    public let file: ConfigurationFile?

    /// - Parameters:
    ///   - commandLine: the options given, as typed.
    ///   - configurationFile: `--config`, if given; else `$SUIVI_CONFIG` names the file, if set.
    ///   - environment: the process's environment (an empty variable counts as unset).
    public init(commandLine: [ServiceSetting: String], configurationFile: String?,
                environment: [String: String]) throws(ServiceConfigurationError) {
        let filePath = configurationFile ?? environment[Self.configurationVariable].flatMap { $0.isEmpty ? nil : $0 }
        let file = try filePath.map { path throws(ServiceConfigurationError) in try ConfigurationFile(contentsOf: URL(fileURLWithPath: path)) }
        try self.init(commandLine: commandLine, environment: environment, file: file)
    }

    public init(commandLine: [ServiceSetting: String], environment: [String: String], file: ConfigurationFile?) throws(ServiceConfigurationError) {
        let names = ServiceSetting.allCases.map(\.environmentVariable)
        for name in environment.keys.sorted() where name.hasPrefix("SUIVI_") && !names.contains(name) && !Self.otherVariables.contains(name) {
            if let near = ServiceSetting.nearest(to: name, among: names + Self.otherVariables.sorted()) {
                throw .unknownVariable(name: name, suggestion: near)
            }
        }
        var values: [ServiceSetting: Value] = [:]
        for setting in ServiceSetting.allCases {
            if let text = commandLine[setting] {
                values[setting] = Value(text: text, source: .commandLine)
            } else if let text = environment[setting.environmentVariable], !text.isEmpty {
                values[setting] = Value(text: text, source: .environment)
            } else if let file, let entry = file.entries[setting] {
                values[setting] = Value(text: entry.value, source: .file(path: file.path, line: entry.line))
            }
        }
        self.values = values
        self.file = file
    }

    public subscript(_ setting: ServiceSetting) -> Value? { values[setting] }

    /// The file or folder a path setting names: relative to the configuration file's folder when given there,
    /// else to the current folder.
    public func url(_ setting: ServiceSetting) -> URL? {
        guard let value = values[setting] else { return nil }
        if case .file(let path, _) = value.source, !value.text.hasPrefix("/") {
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(value.text).standardizedFileURL
        }
        return URL(fileURLWithPath: value.text)
    }

    /// The server's configuration, every value checked.
    /// - Parameters:
    ///   - defaultRegister: the register when no source names one (the CLI's: the register holding the current folder).
    ///   - today: the day deadlines are counted from.
    public func configuration(defaultRegister: URL,
                              today: @escaping @Sendable () -> LegalDate = WebConfiguration.parisToday) throws(ServiceConfigurationError) -> WebConfiguration {
        let port = try check(.port, default: 8080) { text -> Int? in
            guard let value = Int(text), (0...65535).contains(value) else { return nil }
            return value
        } reason: { "un numéro de port de 1 à 65535 est attendu (0 : un port libre, choisi par le système)." }
        let host = try check(.host, default: "127.0.0.1") { text -> String? in
            text.isEmpty || text.count > 255 || text.contains(where: { $0 == " " || $0 == "/" }) ? nil : text
        } reason: { "une adresse d'écoute est attendue : 127.0.0.1 (cette machine seulement), 0.0.0.0 (toutes), ou un nom de machine." }
        let idleTimeout = try check(.idleTimeout, default: 30.0) { text -> Double? in
            guard let seconds = Self.duration(text), seconds > 0, seconds <= 3600 else { return nil }
            return seconds
        } reason: { "une durée de plus de 0 et d'au plus 3600 secondes est attendue (30 par défaut ; 45, 45s, 2min)." }
        let maximumConnections = try check(.maximumConnections, default: 500) { text -> Int? in
            guard let value = Int(text), (1...100_000).contains(value) else { return nil }
            return value
        } reason: { "un nombre de connexions de 1 à 100000 est attendu (500 par défaut)." }

        var configuration = WebConfiguration(registerRoot: url(.register) ?? defaultRegister, host: host, port: port, today: today,
                                             idleTimeout: idleTimeout, maximumConnections: maximumConnections)
        configuration.publicAddress = try check(.publicAddress, default: nil) { text -> String?? in
            (try? SiteAddress(parsing: text)).map { .some($0.description) }
        } reason: { Self.siteAddressReason(values[.publicAddress]?.text.trimmingSpaces ?? "") }
        configuration.remote = try check(.remote, default: nil) { text -> String?? in
            Self.remoteRefusal(text) == nil ? .some(text) : nil
        } reason: { Self.remoteRefusal(values[.remote]?.text ?? "") ?? "" }
        configuration.syncPeriod = try check(.syncPeriod, default: nil) { text -> TimeInterval?? in
            guard let seconds = Self.duration(text), (10...86_400).contains(seconds) else { return nil }
            return .some(seconds)
        } reason: { "une durée de 10 secondes à 1 jour est attendue (300, 300s, 5min, 1h, 1j)." }
        if let value = values[.trustedProxies] {
            let entries = TrustedProxies.entries(of: value.text)
            do {
                guard !entries.isEmpty else { throw TrustedProxies.InvalidEntry(entry: value.text) }
                configuration.trustedProxies = try TrustedProxies(entries).networks.map(\.description)
            } catch {
                throw .invalidValue(source: value.source, setting: .trustedProxies, value: value.text,
                                    reason: "\(error) ; donnez les adresses des proxys inverses, séparées par des virgules "
                                        + "(127.0.0.1, ::1, 10.0.0.0/8).")
            }
        }
        if let value = values[.serverKey], let file = url(.serverKey) {
            do {
                configuration.signer = try Signer(keyFile: file, role: .server)
            } catch {
                throw .invalidValue(source: value.source, setting: .serverKey, value: value.text, reason: String(describing: error) + ".")
            }
        }
        if let value = values[.sessionKey], let file = url(.sessionKey) {
            do {
                _ = try SessionKey(contentsOf: file)
            } catch {
                throw .invalidValue(source: value.source, setting: .sessionKey, value: value.text, reason: error.description)
            }
            configuration.sessionKeyFile = file
        }
        return configuration
    }

    /// The checked value of `setting`, or `defaultValue` when no source gives it.
    private func check<T>(_ setting: ServiceSetting, default defaultValue: T, _ parse: (String) -> T?,
                          reason: () -> String) throws(ServiceConfigurationError) -> T {
        guard let value = values[setting] else { return defaultValue }
        guard let parsed = parse(value.text.trimmingSpaces) else {
            throw .invalidValue(source: value.source, setting: setting, value: value.text, reason: reason())
        }
        return parsed
    }

    /// Seconds from `45`, `45s`, `2min`, `1h`, `1j` (a decimal number and an optional unit).
    static func duration(_ text: String) -> Double? {
        let units: [(String, Double)] = [("min", 60), ("s", 1), ("h", 3600), ("j", 86_400)]
        var number = text.trimmingSpaces
        var factor = 1.0
        for (unit, seconds) in units where number.hasSuffix(unit) {
            number = String(number.dropLast(unit.count)).trimmingSpaces
            factor = seconds
            break
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(number), value.isFinite else { return nil }
        return value * factor
    }

    static func siteAddressReason(_ text: String) -> String {
        do {
            _ = try SiteAddress(parsing: text)
            return ""
        } catch {
            return error.description
        }
    }

    /// Why `text` cannot name the forge (nil when it can): a remote's name (`origin`), an address (`https://…`,
    /// `ssh://…`, `git@forge:groupe/projet.git`) or a folder; never with a password or a token in it, which would show
    /// in logs and process lists (the credentials come from SUIVI_GIT_JETON or an SSH key).
    static func remoteRefusal(_ text: String) -> String? {
        let value = text.trimmingSpaces
        guard !value.isEmpty, value.count <= 1000,
              !value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) else {
            return "le nom d'un dépôt distant (origin) ou son adresse (https://forge/groupe/registre.git, "
                + "git@forge:groupe/registre.git), sans espace, est attendu."
        }
        if value.contains("://") {
            guard let components = URLComponents(string: value), let scheme = components.scheme?.lowercased(),
                  ["https", "http", "ssh", "git", "file"].contains(scheme) else {
                return "adresse de dépôt incomprise : https://, ssh://, git:// ou file:// sont attendus."
            }
            if components.password != nil || (scheme.hasPrefix("http") && components.user != nil) {
                return "l'adresse ne doit contenir ni identifiant ni mot de passe ni jeton (ils apparaîtraient dans les journaux) : "
                    + "donnez le jeton par la variable SUIVI_GIT_JETON ou utilisez une clé SSH (docs/DEPLOYMENT.md)."
            }
            guard components.host?.isEmpty == false || scheme == "file" else { return "il manque le nom de la forge dans l'adresse." }
            return nil
        }
        return value.hasPrefix("-") ? "un nom ou une adresse de dépôt ne commence pas par « - »." : nil
    }
}
