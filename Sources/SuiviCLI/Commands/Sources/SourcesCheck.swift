import ArgumentParser
import Committee
import Foundation
import LegalText
import SourceChecking

extension CheckOutcome: ExpressibleByArgument {}

extension Suivi.SourcesCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verifier",
            abstract: "Vérifie les adresses des références documentaires (un commit), ou enregistre une vérification manuelle.",
            discussion: """
            Sans --resultat, chaque adresse est interrogée (HEAD, puis GET si HEAD est refusée ; redirections suivies \
            et notées, au plus 10 ; délais de connexion et de lecture ; aucun identifiant ni cookie envoyé ; au plus \
            1 Mio lu). Résultats : joignable, deplacee (redirection permanente vers une autre adresse), disparue \
            (404, 410), injoignable (délai dépassé, nom inconnu, TLS refusé, erreur 5xx), avec le statut HTTP. Tous \
            les résultats sont enregistrés en un seul commit.
            Avec --resultat (une seule référence), une personne enregistre ce qu'elle a constaté : joignable, \
            deplacee, disparue, perimee (contenu dépassé), injoignable ; hors « joignable », la note est obligatoire.
            """)

        @Argument(help: ArgumentHelp("Identifiants des références à vérifier.", valueName: "identifiant"))
        var ids: [String] = []
        @Flag(name: .customLong("tout"), help: "Vérifie toutes les références qui ont une adresse.")
        var all = false
        @Option(name: .customLong("resultat"), help: "Vérification manuelle : joignable, deplacee, disparue, perimee, injoignable.")
        var outcome: CheckOutcome?
        @Option(help: "Vérification manuelle : ce qui a été constaté.")
        var note: String = ""
        @Option(name: .customLong("delai"), help: "Délai d'attente de connexion et de lecture, en secondes (1 à 120).")
        var timeout: Int = 15

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: AuthorOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func validate() throws {
            if outcome != nil {
                guard ids.count == 1 && !all else {
                    throw ValidationError("--resultat enregistre la vérification manuelle d'une seule référence : donnez un identifiant, sans --tout.")
                }
            } else {
                guard all != !ids.isEmpty else {
                    throw ValidationError(all ? "--tout ou des identifiants, pas les deux." : "donnez les identifiants des références à vérifier, ou --tout.")
                }
                guard note.isEmpty else { throw ValidationError("--note accompagne --resultat (vérification manuelle).") }
            }
            guard (1...120).contains(timeout) else { throw ValidationError("--delai : entre 1 et 120 secondes.") }
        }

        func run() async throws {
            let author = try person.identity()
            let day = try today.date()
            let committee = Committee(register: try register.open())
            guard let outcome else {
                let checker = ReferenceChecker(committee: committee, policy: .waiting(seconds: timeout))
                let ids = all ? nil : self.ids
                let run = try await committeeCall { () async throws(CommitteeError) in
                    try await checker.run(ids: ids, author: author, today: day)
                }
                switch format.value {
                case .json: print(try jsonDocument("suivi-sources-verification", list: "verifications", run.checked.map(CheckedJSON.init)))
                case .text:
                    for checked in run.checked {
                        print("\(checked.id) : \(checked.check.outcome.label)" + (checked.check.httpStatus.map { " (HTTP \($0))" } ?? ""))
                        print("  \(checked.check.note)")
                    }
                    for id in run.withoutAddress { print("\(id) : sans adresse, non vérifiée") }
                    print("\(run.checked.count) vérification(s) enregistrée(s) le \(day.french) en un commit.")
                }
                return
            }
            let (id, note) = (ids[0], self.note)
            let reference = try await committeeCall { () async throws(CommitteeError) in
                try await committee.recordCheck(reference: id, outcome: outcome, note: note, author: author, today: day)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-source", reference))
            case .text: print("Référence \(reference.id) : vérification du \(day.french) enregistrée (\(outcome.label)).")
            }
        }
    }
}

/// One automatic check in `--format json`.
private struct CheckedJSON: Encodable {
    let id: String
    let outcome: String
    let httpStatus: Int?
    let finalAddress: String?
    let redirects: [RedirectHop]
    let note: String

    init(_ checked: CheckedReference) {
        id = checked.id
        outcome = checked.check.outcome.rawValue
        httpStatus = checked.check.httpStatus
        finalAddress = checked.check.finalAddress
        redirects = checked.check.redirects
        note = checked.check.note
    }
}
