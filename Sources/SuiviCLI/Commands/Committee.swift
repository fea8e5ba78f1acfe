import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

// MARK: Shared committee options

/// The person acting: `--auteur "Prénom Nom <courriel>"`, else `$SUIVI_AUTEUR`, else GIT_AUTHOR_NAME / GIT_AUTHOR_EMAIL.
struct PersonOptions: ParsableArguments {
    @Option(name: .customLong("auteur"),
            help: ArgumentHelp("Personne qui agit, « Prénom Nom <courriel> ». Par défaut : le membre en fonction du siège, sinon $SUIVI_AUTEUR.",
                               valueName: "personne"))
    var author: String?

    /// The person named by `--auteur`, if any.
    func explicit() throws -> Identity? {
        try author.map(parseIdentity)
    }

    /// The person from the environment, if any.
    func environment() throws -> Identity? {
        let environment = ProcessInfo.processInfo.environment
        if let text = environment["SUIVI_AUTEUR"] { return try parseIdentity(text) }
        if let name = environment["GIT_AUTHOR_NAME"], let email = environment["GIT_AUTHOR_EMAIL"], !name.isEmpty, !email.isEmpty {
            return Identity(name: name, email: email)
        }
        return nil
    }

    /// `--auteur`, else the environment; required.
    func identity() throws -> Identity {
        if let person = try explicit() ?? environment() { return person }
        throw ValidationError("auteur inconnu : indiquez --auteur \"Prénom Nom <courriel>\" ou définissez SUIVI_AUTEUR. "
                              + "Chaque écriture du registre est signée par une personne.")
    }
}

/// The person named by an option or `$SUIVI_AUTEUR` (the rule is Register's ``Identity/init(parsing:)``).
func parseIdentity(_ text: String) throws -> Identity {
    do {
        return try Identity(parsing: text)
    } catch {
        throw ValidationError(error.description)
    }
}

/// `--as <siège>` and the person acting for it.
struct SeatOptions: ParsableArguments {
    @Option(name: .customLong("as"),
            help: ArgumentHelp("Siège au nom duquel vous agissez (voir « suivi committee list »), par exemple dgs.", valueName: "siege"))
    var seat: String

    @OptionGroup var person: PersonOptions

    func acting() throws -> Acting {
        Acting(seat: seat, person: try person.explicit(), fallback: try person.environment())
    }
}

/// What every command acting for a seat takes: `--as`, the register, `--today` and `--format`.
struct ActingOptions: ParsableArguments {
    @OptionGroup var seat: SeatOptions
    @OptionGroup var register: RegisterOptions
    @OptionGroup var today: TodayOption

    @Option(help: "Format de sortie.")
    var format: OutputFormat = .text

    /// The seat and person acting, the day, and the committee of the register.
    func context() throws -> (acting: Acting, day: LegalDate, committee: Committee) {
        (try seat.acting(), try today.date(), Committee(register: try register.open()))
    }
}

/// `--today`: the day the deadlines are computed for.
struct TodayOption: ParsableArguments {
    @Option(help: "Date du jour (AAAA-MM-JJ) pour les échéances et les enregistrements ; par défaut la date du système.")
    var today: String?

    func date() throws -> LegalDate {
        if let today {
            guard let date = LegalDate(iso: today) else { throw ValidationError("--today « \(today) » : écrivez la date AAAA-MM-JJ.") }
            return date
        }
        return LegalDate.today(in: .paris)
    }
}

/// Parses a date option.
func legalDate(_ text: String, option: String) throws -> LegalDate {
    guard let date = LegalDate(iso: text) else { throw ValidationError("\(option) « \(text) » : écrivez la date AAAA-MM-JJ.") }
    return date
}

/// Runs a committee operation, printing its error in French and exiting 1 on refusal.
func committeeCall<T>(_ body: () async throws(CommitteeError) -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        printError("suivi : \(cliMessage(error))")
        throw ExitCode.failure
    }
}

extension SeatCategory: ExpressibleByArgument {}
extension ReviewStatus: ExpressibleByArgument {}
extension EventKind: ExpressibleByArgument {}
extension Opinion: ExpressibleByArgument {}

// MARK: suivi committee

extension Suivi {
    /// `suivi committee`: the roster of the review committee.
    struct CommitteeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "committee",
            abstract: "Comité de suivi : sièges, membres, import des enregistrements livrés.",
            discussion: """
            Le comité est présidé par le siège de la DGS ; il est consultatif (positions rapportées, pas de vote).
              suivi committee import committee --auteur "Secrétariat DGS <secretariat@sante.gouv.fr>"
              suivi committee list
              suivi committee add-member dgs --nom "Prénom Nom" --courriel p.nom@sante.gouv.fr --debut 2026-12-01
            """,
            subcommands: [List.self, AddSeat.self, AddMember.self, RemoveMember.self, ImportRecords.self, Repair.self, SetPassword.self]
        )
    }
}

extension Suivi.CommitteeCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Liste les sièges du comité et leurs membres en fonction.")

        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let committee = Committee(register: try register.open())
            let day = try today.date()
            let roster = try await committeeCall { () async throws(CommitteeError) in try await committee.state().roster }
            switch format {
            case .json: print(try jsonString(roster))
            case .text:
                if roster.seats.isEmpty { print("Aucun siège : importez le comité livré avec « suivi committee import committee ».") }
                for seat in roster.seats {
                    let chair = seat.isChair ? " — présidence" : ""
                    print("\(seat.id)\(chair)\n  \(seat.category.label) : \(seat.organisation)")
                    let members = seat.currentMembers(on: day)
                    if members.isEmpty { print("  (aucun membre en fonction)") }
                    for member in members { print("  \(member.name) <\(member.email)>, depuis le \(member.from.french)") }
                }
            }
        }
    }

    struct AddSeat: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-seat", abstract: "Ajoute un siège au comité.",
            discussion: "  suivi committee add-seat societe-infectiologie --categorie societe-savante --organisation \"Société savante (infectiologie)\"")

        @Argument(help: "Identifiant du siège (lettres, chiffres, « - », « _ »).")
        var id: String
        @Option(help: "Catégorie du siège.")
        var categorie: SeatCategory
        @Option(help: "Organisation représentée.")
        var organisation: String
        @Flag(help: "Ce siège préside le comité (la DGS).")
        var presidence = false

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: PersonOptions
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let author = try person.identity()
            let committee = Committee(register: try register.open())
            let seat = Seat(id: id, category: categorie, organisation: organisation, isChair: presidence)
            let commit = try await committeeCall { () async throws(CommitteeError) in try await committee.addSeat(seat, author: author) }
            switch format {
            case .json: print(try jsonString(seat))
            case .text: print("Siège \(seat.id) ajouté (\(commit.abbreviated)).")
            }
        }
    }

    struct AddMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-member", abstract: "Ajoute un membre à un siège.")

        @Argument(help: "Siège.")
        var seat: String
        @Option(help: "Nom du membre.")
        var nom: String
        @Option(help: "Courriel du membre.")
        var courriel: String
        @Option(help: "Premier jour de fonction (AAAA-MM-JJ) ; par défaut --today.")
        var debut: String?

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: PersonOptions
        @OptionGroup var today: TodayOption
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let author = try person.identity()
            let from = try debut.map { try legalDate($0, option: "--debut") } ?? today.date()
            let committee = Committee(register: try register.open())
            let member = Member(name: nom, email: courriel, from: from)
            let seat = self.seat
            let commit = try await committeeCall { () async throws(CommitteeError) in
                try await committee.addMember(member, toSeat: seat, author: author)
            }
            switch format {
            case .json: print(try jsonString(member))
            case .text: print("\(member.name) membre du siège \(seat) depuis le \(from.french) (\(commit.abbreviated)).")
            }
        }
    }

    struct RemoveMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-member", abstract: "Met fin au mandat d'un membre (il reste dans l'historique du siège).")

        @Argument(help: "Siège.")
        var seat: String
        @Option(help: "Courriel du membre.")
        var courriel: String
        @Option(help: "Dernier jour de fonction (AAAA-MM-JJ) ; par défaut --today.")
        var fin: String?

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: PersonOptions
        @OptionGroup var today: TodayOption
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let author = try person.identity()
            let to = try fin.map { try legalDate($0, option: "--fin") } ?? today.date()
            let committee = Committee(register: try register.open())
            let (seat, email) = (self.seat, courriel)
            let commit = try await committeeCall { () async throws(CommitteeError) in
                try await committee.removeMember(email: email, fromSeat: seat, on: to, author: author)
            }
            switch format {
            case .json: print(try jsonString(["siege": seat, "courriel": email, "fin": to.iso, "commit": commit.description]))
            case .text: print("\(email) quitte le siège \(seat) le \(to.french) (\(commit.abbreviated)).")
            }
        }
    }

    struct ImportRecords: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Importe un dossier d'enregistrements du comité (sièges, révisions, événements) dans le registre.",
            discussion: """
            Tous les fichiers sont vérifiés d'abord : au moindre problème, rien n'est enregistré. Un \
            enregistrement déjà présent dans le registre n'est jamais remplacé ; relancer l'import ne change rien.
              suivi import corpus && suivi committee import committee
            """)

        @Argument(help: "Dossier organisé comme committee/ (members.xml, reviews/, events/).")
        var folder: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: PersonOptions
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let author = try person.identity()
            let committee = Committee(register: try register.open())
            let folder = self.folder
            let outcomes = try await committeeCall { () async throws(CommitteeError) in
                try await committee.importRecords(from: folder, author: author)
            }
            switch format {
            case .json: print(try jsonString(outcomes))
            case .text:
                for outcome in outcomes {
                    let status: String
                    switch outcome.status {
                    case .created: status = "importé"
                    case .alreadyPresent: status = "déjà présent"
                    case .keptRegisterVersion: status = "différent dans le registre, version du registre conservée"
                    }
                    print("\(outcome.path) : \(status)")
                }
            }
        }
    }
}

extension Suivi.CommitteeCommand {
    struct Repair: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repair",
            abstract: "Répare les enregistrements du comité qui contiennent des caractères interdits en XML.",
            discussion: """
            Un caractère de contrôle (tabulation verticale, caractère nul…), U+FFFE ou U+FFFF rend un \
            enregistrement XML illisible ; suivi le refuse à la saisie, mais un registre écrit par un autre outil \
            peut en contenir (« suivi verify » les signale, « suivi status » aussi). Cette commande réécrit chaque \
            enregistrement concerné sans ces caractères, tout le reste à l'identique, en un seul commit dont le \
            message liste chaque caractère retiré (fichier, ligne, colonne, code). Rien à réparer : rien n'est écrit.
              suivi committee repair --repo registre --auteur "Secrétariat DGS <secretariat@sante.gouv.fr>"
            """)

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: PersonOptions
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let author = try person.identity()
            let committee = Committee(register: try register.open())
            let repaired = try await committeeCall { () async throws(CommitteeError) in try await committee.repair(author: author) }
            switch format {
            case .json: print(try jsonString(repaired))
            case .text:
                if repaired.isEmpty { print("Aucun enregistrement du comité à réparer.") }
                for line in repaired.flatMap(\.lines) { print("\(line) : retiré") }
                if !repaired.isEmpty {
                    print("\(repaired.count) enregistrement\(repaired.count > 1 ? "s" : "") réparé\(repaired.count > 1 ? "s" : "") en un commit.")
                }
            }
        }
    }
}
