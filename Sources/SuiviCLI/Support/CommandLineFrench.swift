import Foundation

/// ArgumentParser's own English texts (help headers, command-line errors) in French. ArgumentParser has no
/// localisation: its texts are rewritten here, pattern by pattern; a text no pattern knows is kept as is.
enum CommandLineFrench {
    /// A help screen with its headers and built-in lines in French.
    static func help(_ text: String) -> String {
        var text = text
        let replacements: [(String, String)] = [
            ("OVERVIEW: ", "RÉSUMÉ : "),
            ("USAGE: ", "UTILISATION : "),
            ("\nARGUMENTS:\n", "\nARGUMENTS :\n"),
            ("\nOPTIONS:\n", "\nOPTIONS :\n"),
            ("\nSUBCOMMANDS:\n", "\nSOUS-COMMANDES :\n"),
            ("Show help information.", "Affiche cette aide."),
            ("Show the version.", "Affiche la version."),
            ("<subcommand>", "<sous-commande>"),
            ("[<options>]", "[<options>]"),
            (" (default)", " (par défaut)"),
        ]
        for (english, french) in replacements { text = text.replacingOccurrences(of: english, with: french) }
        // Value lists and defaults, which the help may wrap after their colon.
        text = replace(#"\(default as flag:(\s)"#, in: text) { "(par défaut, sans valeur :\($0[1])" }
        text = replace(#"; default:(\s)"#, in: text) { " ; par défaut :\($0[1])" }
        text = replace(#"\(default:(\s)"#, in: text) { "(par défaut :\($0[1])" }
        text = replace(#"\(values:(\s)"#, in: text) { "(valeurs :\($0[1])" }
        text = replace(#"See '(.+) help (.+)' for detailed help\."#, in: text) { "Aide détaillée : « \($0[1]) help \($0[2]) »." }
        return text
    }

    /// A command-line error message (unknown option, missing argument, invalid value…) in French.
    static func error(_ message: String) -> String {
        let patterns: [(String, ([String]) -> String)] = [
            (#"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#, { "option inconnue « \($0[1]) » ; vouliez-vous dire « \($0[2]) » ?" }),
            (#"^Unknown option '(.+)'$"#, { "option inconnue « \($0[1]) »" }),
            (#"^Missing value for '(.+)'$"#, { "valeur manquante pour « \($0[1]) »" }),
            (#"^Missing expected argument '(.+)'$"#, { "argument attendu manquant : « \($0[1]) »" }),
            (#"^Missing one of: (.+)$"#, { "indiquez l'un de : \(quotes($0[1]))" }),
            (#"^Unexpected argument '(.+)'$"#, { "argument inattendu « \($0[1]) »" }),
            (#"^(\d+) unexpected arguments: (.+)$"#, { "\($0[1]) arguments inattendus : \(quotes($0[2]))" }),
            (#"^The option '(.+)' does not take any value, but '(.+)' was specified\.$"#,
             { "l'option « \($0[1]) » ne prend pas de valeur (« \($0[2]) » donné)" }),
            (#"^Value to be set with (.+) had already been set with (.+)$"#, { "valeur donnée deux fois (\($0[1]), déjà \($0[2]))" }),
            (#"^Missing required subcommand\.$"#, { _ in "sous-commande manquante" }),
            (#"^Invalid option: (.+)$"#, { "option invalide : \($0[1])" }),
            (#"^The value '(.*)' is invalid for '(.+?)'\. Please provide one of the following:\n((?:.|\n)+)$"#,
             { "valeur « \($0[1]) » invalide pour « \($0[2]) » ; valeurs possibles :\n\($0[3])" }),
            (#"^The value '(.*)' is invalid for '(.+?)'\. Please provide one of (.+)\.$"#,
             { "valeur « \($0[1]) » invalide pour « \($0[2]) » ; valeurs possibles : \(quotes($0[3]).replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " or ", with: ", "))" }),
            (#"^The value '(.*)' is invalid for '(.+?)': ((?:.|\n)+)$"#, { "valeur « \($0[1]) » invalide pour « \($0[2]) » : \($0[3])" }),
            (#"^The value '(.*)' is invalid for '(.+?)'$"#, { "valeur « \($0[1]) » invalide pour « \($0[2]) »" }),
        ]
        for (pattern, french) in patterns {
            if let groups = match(pattern, message) { return french(groups) }
        }
        return message
    }

    /// 'a', 'b' → « a », « b ».
    private static func quotes(_ text: String) -> String {
        replace(#"'([^']*)'"#, in: text) { "« \($0[1]) »" }
    }

    private static func match(_ pattern: String, _ text: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<found.numberOfRanges).map { index in
            Range(found.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    private static func replace(_ pattern: String, in text: String, with french: ([String]) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        var result = text
        for found in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let groups = (0..<found.numberOfRanges).map { index in
                Range(found.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
            if let range = Range(found.range, in: result) { result.replaceSubrange(range, with: french(groups)) }
        }
        return result
    }
}
