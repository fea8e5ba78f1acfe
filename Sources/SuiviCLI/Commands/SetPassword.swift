import ArgumentParser
import Committee
import Foundation
import SuiviWeb

extension Suivi.CommitteeCommand {
    /// `suivi committee set-password`: the web account of a seat or a member.
    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: "Crée ou change le compte web d'un siège ou d'un membre (mot de passe lu sur l'entrée standard).",
            discussion: """
            Le mot de passe n'est jamais passé en argument : il est lu dans la variable d'environnement \
            SUIVI_MOT_DE_PASSE si elle est définie, sinon sur la première ligne de l'entrée standard (sans \
            écho dans un terminal). Il est conservé haché (bcrypt, coût 12) dans <registre>/comptes.json, \
            hors de l'historique git, lisible par son seul propriétaire. Un siège sans membre enregistré \
            signe ses écritures au nom de la personne donnée par --auteur.
              echo "$MOT_DE_PASSE" | suivi committee set-password ofii-medecins --repo registre --auteur "Prénom Nom <courriel>"
              SUIVI_MOT_DE_PASSE=… suivi committee set-password p.nom@sante.gouv.fr --repo registre
            """
        )

        @Argument(help: "Siège (par exemple dgs) ou courriel d'un membre en fonction.")
        var login: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: PersonOptions
        @OptionGroup var today: TodayOption

        func run() async throws {
            let password = try readPassword()
            let registry = try register.open()
            let store = AccountStore(registerRoot: register.url)
            let (login, day, person) = (self.login, try today.date(), try self.person.explicit() ?? self.person.environment())
            do {
                let account = try await store.setPassword(login: login, password: password, committee: Committee(register: registry),
                                                          today: day, person: person)
                print("Compte « \(account.login) » (siège \(account.seat), \(account.name) <\(account.email)>) enregistré dans \(store.file.path).")
            } catch {
                printError("suivi : \(cliMessage(error))")
                throw ExitCode.failure
            }
        }

        private func readPassword() throws -> String {
            if let value = ProcessInfo.processInfo.environment["SUIVI_MOT_DE_PASSE"] { return value }
            if isatty(STDIN_FILENO) == 1, let typed = getpass("Mot de passe : ") {
                return String(cString: typed)
            }
            guard let line = readLine(strippingNewline: true) else {
                throw ValidationError("mot de passe absent : donnez-le sur l'entrée standard ou dans SUIVI_MOT_DE_PASSE.")
            }
            return line
        }
    }
}
