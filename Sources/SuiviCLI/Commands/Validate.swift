import ArgumentParser
import LegalText

extension Suivi {
    /// `suivi validate`: reads and checks files, reports every problem, exits 1 if there is any.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Vérifie des textes Akoma Ntoso : XML sûr, structure, identifiants, métadonnées.",
            discussion: """
            Chaque fichier est lu sans réseau, sans entité ni DTD (toute déclaration <!DOCTYPE> est \
            refusée), puis vérifié : eId uniques et cohérents avec la hiérarchie, articles numérotés, \
            métadonnées requises (URI ELI de l'œuvre, dates). Tous les problèmes sont listés, avec le \
            fichier et la ligne. Code de sortie : 0 si tout est valide, 1 sinon.
            Un fichier écrit par suivi (identification source="#suivi") est tenu au profil suivi ; un \
            document Akoma Ntoso 3.0 d'un autre outil, au niveau du schéma seulement (le profil appliqué \
            est indiqué). --profil suivi tient tous les fichiers au profil suivi, celui des textes du \
            registre ; « suivi convertir » y amène un document d'un autre outil.
              suivi validate corpus
              suivi validate --format json corpus/2026-projet/AFSP1638149A.xml
            """
        )

        @Argument(help: ArgumentHelp("Fichiers XML ou dossiers (parcourus récursivement, fichiers *.xml).", valueName: "fichiers"))
        var paths: [String]

        @OptionGroup var format: FormatOption

        @Option(name: .customLong("profil"), help: "Règles appliquées à tous les fichiers (par défaut : selon le fichier).")
        var profile: ProfileChoice?

        func run() throws {
            let files: [String]
            files = try FileCheck.expand(paths)
            guard !files.isEmpty else {
                throw Refusal("aucun fichier .xml trouvé dans \(paths.joined(separator: ", ")).")
            }
            let checks = files.map { FileCheck.check(file: $0, profile: profile?.profile) }
            switch format.value {
            case .json: print(try jsonString(ValidationOutput(checks)))
            case .text: printText(checks)
            }
            if checks.contains(where: { !$0.isValid }) { throw ExitCode.failure }
        }

        private func printText(_ checks: [FileCheck]) {
            for check in checks {
                if check.isValid, let document = check.document, check.profile == .akn {
                    print("✓ \(check.file) : valide au \(check.profile.french) (document \(document.documentType), "
                          + "\(document.allClauses.count) éléments ; hors profil suivi : voir « suivi convertir »)")
                } else if check.isValid, let document = check.document {
                    let articles = document.body.flatMap(\.flattened).filter { $0.kind == .article }.count
                    let status = document.isDraft ? "projet" : "version adoptée"
                    print("✓ \(check.file) : valide (\(status), \(articles) articles, \(document.annexes.count) annexes, "
                          + "\(document.allClauses.count) éléments)")
                } else {
                    print("✗ \(check.file) : \(check.problems.count) problème(s)" + (check.profile == .akn ? " au \(check.profile.french)" : ""))
                    for problem in check.problems { print("  \(problem)") }
                }
            }
            let invalid = checks.filter { !$0.isValid }
            let problems = checks.reduce(0) { $0 + $1.problems.count }
            print("\(checks.count) fichier(s) vérifié(s) : \(checks.count - invalid.count) valide(s), "
                  + "\(invalid.count) invalide(s), \(problems) problème(s).")
        }
    }
}

/// The JSON form of `suivi validate` (schema version 1).
struct ValidationOutput: Encodable {
    struct File: Encodable {
        let file: String
        let valid: Bool
        let profile: String
        let problems: [ValidationProblem]
    }

    let schema = "suivi-validate"
    let schemaVersion = 1
    let valid: Bool
    let files: [File]

    init(_ checks: [FileCheck]) {
        files = checks.map { File(file: $0.file, valid: $0.isValid, profile: $0.profile.rawValue, problems: $0.problems) }
        valid = checks.allSatisfy(\.isValid)
    }
}
