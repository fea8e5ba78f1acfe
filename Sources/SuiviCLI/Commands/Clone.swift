import ArgumentParser
import Foundation
import Register

extension Suivi {
    /// `suivi cloner <url> <dir>`: a register copied from another.
    struct Clone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cloner",
            abstract: "Copie un registre distant (toutes ses versions, projets et étiquettes) dans un nouveau dossier.",
            discussion: """
            L'adresse est un dossier de registre, un dépôt git nu, une URL git://, http(s):// ou ssh://, ou \
            utilisateur@hôte:chemin (SSH). Le dossier \
            reçoit la même organisation que « suivi init » : register.git et brouillons/ (une copie de travail \
            par projet). L'adresse est retenue (origin) pour « suivi recuperer » et « suivi envoyer ».
              suivi cloner /partage/registre registre-local
              suivi cloner git://serveur.example/registre.git registre-local
              SUIVI_GIT_JETON="$(cat ~/.config/suivi/jeton)" suivi cloner https://forge.example/comite/registre.git registre-local
              suivi cloner git@forge.example:comite/registre.git registre-local
            """ + "\n\n" + RemoteAuthenticationHelp.text
        )

        @Argument(help: ArgumentHelp("Adresse du registre à copier (dossier, dépôt git nu, git://, http(s)://, ssh://, utilisateur@hôte:chemin).", valueName: "adresse"))
        var source: String

        @Argument(help: ArgumentHelp("Dossier du nouveau registre.", valueName: "dossier"))
        var directory: String

        @OptionGroup var format: FormatOption

        func run() async throws {
            let (_, report) = try await registerCall { () async throws(RegisterError) in
                try await TextRegister.clone(from: source, to: URL(fileURLWithPath: directory))
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-clonage", report))
            case .text:
                print("Registre copié depuis \(report.url) dans \(directory) :")
                report.frenchLines.forEach { print("  " + $0) }
            }
        }
    }
}
