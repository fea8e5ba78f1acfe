/// Where a setting's value comes from: the command line, the environment, or a line of the configuration file.
public enum SettingSource: Sendable, Hashable {
    case commandLine
    case environment
    case file(path: String, line: Int)

    /// How a message points at the value: `--port`, `SUIVI_PORT`, `/etc/suivi/suivi.conf:4 (port)`.
    public func place(of setting: ServiceSetting) -> String {
        switch self {
        case .commandLine: return setting.option
        case .environment: return setting.environmentVariable
        case .file(let path, let line): return "\(path):\(line) (\(setting.key))"
        }
    }

    /// What to do about a wrong value, in a sentence.
    func remedy(for setting: ServiceSetting) -> String {
        switch self {
        case .commandLine: return "Corrigez l'option \(setting.option)."
        case .environment: return "Corrigez la variable \(setting.environmentVariable) ou retirez-la de l'environnement."
        case .file(let path, let line): return "Corrigez la ligne \(line) de \(path)."
        }
    }
}
