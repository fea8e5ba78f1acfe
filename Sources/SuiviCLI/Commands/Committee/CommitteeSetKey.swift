import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.CommitteeCommand {
    /// `suivi comite cle`: records or rotates a member's public SSH key.
    struct SetKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cle",
            abstract: "Inscrit (ou remplace) la clé publique SSH d'un membre en fonction.",
            discussion: """
            Dès qu'une clé est inscrite, chaque écriture du registre doit être signée (docs/COMMITTEE.md, « Signatures ») ; \
            une clé remplacée laisse valides les commits signés avec l'ancienne.
              suivi comite cle dgs --courriel p.nom@sante.gouv.fr --cle-publique ~/.ssh/suivi_ed25519.pub
            """)

        @Argument(help: ArgumentHelp("Siège.", valueName: "siege"))
        var seat: String
        @Option(help: "Courriel du membre.")
        var courriel: String
        @Option(name: .customLong("cle-publique"), help: ArgumentHelp("Clé publique SSH ed25519 (fichier .pub).", valueName: "fichier.pub"))
        var publicKey: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: AuthorOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func run() async throws {
            let key = try PublicKeyFile.read(publicKey)
            let author = try person.identity()
            let date = try today.date()
            let committee = Committee(register: try register.open())
            let (seat, email) = (self.seat, courriel)
            let commit = try await committeeCall { () async throws(CommitteeError) in
                try await committee.setMemberKey(key, email: email, seat: seat, on: date, author: author)
            }
            switch format.value {
            case .json:
                print(try jsonDocument("suivi-cle-membre", ["siege": seat, "courriel": email, "cle": key.openSSH,
                                                            "empreinte": key.fingerprint, "commit": commit.description]))
            case .text: print("Clé \(key.fingerprint) inscrite pour \(email) (siège \(seat)) (\(commit.abbreviated)).")
            }
        }
    }

    /// `suivi comite cle-serveur`: records the key the web server signs with.
    struct SetServerKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cle-serveur",
            abstract: "Inscrit la clé publique SSH avec laquelle l'interface web signe les écritures des membres connectés.",
            discussion: """
            Le serveur signe avec sa clé privée (suivi web --cle-serveur <fichier>) et nomme dans chaque commit le \
            membre authentifié (« Membre-authentifie: <courriel> »).
              suivi comite cle-serveur --cle-publique /etc/suivi/serveur_ed25519.pub --nom "serveur web du comité"
            """)

        @Option(name: .customLong("cle-publique"), help: ArgumentHelp("Clé publique SSH ed25519 du serveur (fichier .pub).", valueName: "fichier.pub"))
        var publicKey: String
        @Option(help: "Nom du serveur.")
        var nom: String = "serveur web du comité"

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: AuthorOptions
        @OptionGroup var format: FormatOption

        func run() async throws {
            let key = try PublicKeyFile.read(publicKey)
            let author = try person.identity()
            let committee = Committee(register: try register.open())
            let name = nom
            let commit = try await committeeCall { () async throws(CommitteeError) in
                try await committee.addServerKey(key, name: name, author: author)
            }
            switch format.value {
            case .json:
                print(try jsonDocument("suivi-cle-serveur", ["nom": name, "cle": key.openSSH, "empreinte": key.fingerprint,
                                                             "commit": commit.description]))
            case .text: print("Clé du serveur « \(name) » \(key.fingerprint) inscrite (\(commit.abbreviated)).")
            }
        }
    }

    /// `suivi comite signataires`: git's allowed-signers file of the register.
    struct AllowedSigners: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "signataires",
            abstract: "Exporte les clés du comité au format allowed_signers de git (vérification par git verify-commit).",
            discussion: """
            Une ligne par mandat d'un membre ayant une clé (principal : son courriel ; valable de son premier à son \
            dernier jour de fonction), une par clé de serveur.
              suivi comite signataires --sortie signataires
              git -C registre/register.git -c gpg.ssh.allowedSignersFile=$PWD/signataires verify-commit main
            """)

        @OptionGroup var register: RegisterOptions
        @OptionGroup var output: OutputFileOptions

        func run() async throws {
            let committee = Committee(register: try TextRegister.open(at: register.url))
            let state = try await committeeCall { () async throws(CommitteeError) in try await committee.state() }
            try output.write(state.roster.allowedSigners)
        }
    }
}
