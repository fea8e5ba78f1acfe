/// A setting of `suivi web`, named alike on the command line (`--port`), in the configuration file (`port = …`)
/// and in the environment (`SUIVI_PORT`).
public enum ServiceSetting: String, CaseIterable, Sendable, Hashable, Comparable {
    case register = "registre"
    case host = "hote"
    case port = "port"
    case publicAddress = "adresse-publique"
    case serverKey = "cle-serveur"
    case remote = "distant"
    case syncPeriod = "periode-synchro"
    case trustedProxies = "proxys-de-confiance"
    case sessionKey = "cle-sessions"
    case idleTimeout = "delai-inactivite"
    case maximumConnections = "connexions-max"

    /// The key of the configuration file.
    public var key: String { rawValue }
    /// The command-line option.
    public var option: String { "--" + rawValue }
    /// The environment variable: `SUIVI_` and the key in capitals, dashes as underscores.
    public var environmentVariable: String { "SUIVI_" + rawValue.uppercased().replacingOccurrences(of: "-", with: "_") }

    /// A file or folder: relative in the configuration file, it is read from the file's folder.
    var isPath: Bool { self == .register || self == .serverKey || self == .sessionKey }

    public static func < (left: ServiceSetting, right: ServiceSetting) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }

    /// The setting whose key is nearest `typed` (two edits at most), for « vouliez-vous dire … ? ».
    static func nearest(to typed: String, among names: [String]) -> String? {
        let lowered = typed.lowercased()
        let scored = names.map { ($0, editDistance(lowered, $0.lowercased())) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        guard !x.isEmpty else { return y.count }
        guard !y.isEmpty else { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + [Int](repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
