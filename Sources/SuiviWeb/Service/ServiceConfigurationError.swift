import Foundation
import Register

/// Why `suivi web` refuses its configuration at start: a setting it does not know or a value it cannot use is never
/// replaced by a default in silence.
public enum ServiceConfigurationError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible, WordedError {
    /// The configuration file cannot be read.
    case unreadableFile(path: String, reason: String)
    /// A line that is neither `cle = valeur`, a comment nor blank.
    case malformedLine(path: String, line: Int, text: String)
    /// A key that is no setting (with the nearest one, if any).
    case unknownKey(path: String, line: Int, key: String, suggestion: String?)
    /// A key given twice in the file.
    case duplicateKey(path: String, line: Int, key: String, firstLine: Int)
    /// A `SUIVI_…` variable that looks like a setting's but is none (a typo).
    case unknownVariable(name: String, suggestion: String)
    /// A value the setting cannot take.
    case invalidValue(source: SettingSource, setting: ServiceSetting, value: String, reason: String)

    public func description(_ wording: ErrorWording) -> String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "fichier de configuration « \(path) » illisible : \(reason). Vérifiez le chemin (--config ou SUIVI_CONFIG) "
                + "et que l'utilisateur du service peut le lire."
        case .malformedLine(let path, let line, let text):
            return "\(path):\(line) : ligne incomprise « \(Self.shown(text)) » : chaque ligne s'écrit « cle = valeur » "
                + "(ou « # commentaire »). Corrigez la ligne \(line)."
        case .unknownKey(let path, let line, let key, let suggestion):
            let hint = suggestion.map { " ; vouliez-vous dire « \($0) » ?" } ?? "."
            return "\(path):\(line) : clé inconnue « \(Self.shown(key)) »\(hint) Clés possibles : "
                + ServiceSetting.allCases.map(\.key).joined(separator: ", ") + ". Corrigez la ligne \(line) (une clé mal "
                + "écrite n'est jamais ignorée)."
        case .duplicateKey(let path, let line, let key, let firstLine):
            return "\(path):\(line) : « \(key) » est déjà donnée ligne \(firstLine) : gardez une seule des deux lignes."
        case .unknownVariable(let name, let suggestion):
            return "variable d'environnement « \(name) » inconnue ; vouliez-vous dire « \(suggestion) » ? Corrigez son nom ou "
                + "retirez-la (une variable mal écrite n'est jamais ignorée en silence)."
        case .invalidValue(let source, let setting, let value, let reason):
            return "\(source.place(of: setting)) : valeur « \(Self.shown(value)) » refusée : \(reason) \(source.remedy(for: setting))"
        }
    }

    public var errorDescription: String? { description }

    /// `text` shortened and without control characters, to quote it.
    static func shown(_ text: String) -> String {
        // A forge address is shown without its user and password, which must never reach a journal.
        let text = text.contains("@") && text.contains("://") ? RemoteAddress(text).redacted : text
        let printable = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
        return printable.count > 80 ? String(printable.prefix(80)) + "…" : printable
    }
}
