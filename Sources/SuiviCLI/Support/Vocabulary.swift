/// The command line's one vocabulary (README, « Vocabulaire »): French commands and options, and today's
/// earlier names kept as hidden aliases. The aliases are rewritten to the French names before ArgumentParser
/// sees the arguments, so help, completion and error messages only ever show the French names.
enum Vocabulary {
    /// Earlier command names, by the French path of their parent command ("" for `suivi` itself).
    static let commandAliases: [String: [String: String]] = [
        "": ["show": "afficher", "import": "importer", "log": "versions", "history": "historique", "blame": "provenance",
             "draft": "projet", "committee": "comite", "status": "etat", "event": "evenement", "review": "revision",
             "comment": "commentaire", "export": "exporter", "serve": "web", "clone": "cloner", "pull": "recuperer",
             "push": "envoyer", "verify": "verifier", "aide": "help"],
        "projet": ["start": "ouvrir", "commit": "enregistrer", "update": "mettre-a-jour", "list": "lister", "checkout": "restaurer", "apply": "appliquer", "import-odt": "importer-odt", "renumber": "renumeroter"],
        "comite": ["list": "lister", "add-seat": "ajouter-siege", "add-member": "ajouter-membre", "remove-member": "retirer-membre",
                   "import": "importer", "repair": "reparer", "set-password": "mot-de-passe"],
        "evenement": ["add": "ajouter", "list": "lister", "decide": "classer"],
        "revision": ["open": "ouvrir", "show": "afficher", "list": "lister", "advance": "avancer"],
        "position": ["record": "enregistrer"],
        "commentaire": ["add": "ajouter", "reply": "repondre", "resolve": "resoudre", "list": "lister"],
        "exporter": ["consolidated": "consolide", "comparison": "comparatif", "amending": "modificatif", "feed": "flux"],
    ]

    /// Earlier option names, the same in every command.
    static let optionAliases: [String: String] = [
        "--repo": "--registre", "--dry-run": "--essai", "--today": "--aujourdhui", "--at": "--version", "--in-force": "--version", "--to": "--format",
        "--review": "--revision", "--brouillon": "--projet", "--reason": "--motif", "--only-changed": "--seulement-changes",
        "--colour": "--couleur", "--no-colour": "--sans-couleur", "--output": "--sortie", "--base-url": "--adresse",
    ]

    /// The commands in which `--as` named a seat, now `--siege` (elsewhere it named a person, now `--auteur`).
    static let seatCommands: Set<String> = ["revision", "evenement", "position", "commentaire"]

    /// `arguments` with every earlier command and option name replaced by its French name. Option values are
    /// left alone (only exact option names, or `--name=value`, are rewritten), and nothing after `--`.
    static func rewrite(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var path: [String] = []
        var descending = true
        var terminated = false
        for argument in arguments {
            if terminated { result.append(argument); continue }
            if argument == "--" { terminated = true; result.append(argument); continue }
            if argument.hasPrefix("--") {
                result.append(rewriteOption(argument, seat: path.first.map(seatCommands.contains) ?? false))
                continue
            }
            if descending, !argument.hasPrefix("-") {
                let parent = path.joined(separator: " ")
                let name = commandAliases[parent]?[argument] ?? argument
                if path.isEmpty && result.isEmpty && name == "help" {
                    result.append(name)  // `suivi help <command>`: the command's names follow
                    continue
                }
                if Suivi.subcommand(at: path + [name]) != nil {
                    path.append(name)
                    result.append(name)
                    continue
                }
                descending = false
            }
            result.append(argument)
        }
        return result
    }

    private static func rewriteOption(_ argument: String, seat: Bool) -> String {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        let new: String
        if name == "--as" {
            new = seat ? "--siege" : "--auteur"
        } else if let alias = optionAliases[name] {
            new = alias
        } else {
            return argument
        }
        return parts.count == 2 ? new + "=" + parts[1] : new
    }

    /// Every name a user may type for the subcommands of `path`: French names, earlier names, `help`.
    static func names(under path: [String]) -> [(typed: String, command: String)] {
        guard let command = Suivi.subcommand(at: path) else { return [] }
        var names = command.configuration.subcommands.map { (typed: $0._commandName, command: $0._commandName) }
        names += (commandAliases[path.joined(separator: " ")] ?? [:]).map { (typed: $0.key, command: $0.value) }
        if path.isEmpty { names.append((typed: "help", command: "help")) }
        return names
    }

    /// The mistyped subcommand of a command line ArgumentParser refused, if that is what went wrong: the first
    /// word that is not a subcommand, where the command it follows has subcommands and no default one.
    static func unknownCommand(in arguments: [String]) -> (path: [String], typed: String, suggestion: String?)? {
        var path: [String] = []
        for argument in arguments {
            if argument.hasPrefix("-") { return nil }
            guard let command = Suivi.subcommand(at: path) else { return nil }
            if let next = names(under: path).first(where: { $0.typed == argument }) {
                if next.command == "help" { return nil }
                path.append(next.command)
                continue
            }
            guard !command.configuration.subcommands.isEmpty, command.configuration.defaultSubcommand == nil else { return nil }
            let suggestion = names(under: path)
                .map { (command: $0.command, distance: editDistance(argument.lowercased(), $0.typed)) }
                .min { ($0.distance, $0.command) < ($1.distance, $1.command) }
            return (path, argument, suggestion.flatMap { $0.distance <= max(2, argument.count / 2) ? $0.command : nil })
        }
        return nil
    }

    /// Levenshtein distance between two words.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
