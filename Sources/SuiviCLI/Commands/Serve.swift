import ArgumentParser
import Foundation
import Hummingbird
import Publishing
import Register
import SuiviWeb

extension Suivi {
    /// `suivi web`: the committee's web interface.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "web",
            abstract: "Lance l'interface web du registre : lecture publique du texte, espace des membres du comité.",
            discussion: """
            Pages publiques : le texte en vigueur (ou à une date, ou à une version) avec son sommaire et \
            les ancres des éléments (#art_3__para_2), les versions, l'historique d'un élément, la \
            comparaison de deux versions. Les membres du comité se connectent (comptes créés avec \
            « suivi comite mot-de-passe ») pour commenter le projet, enregistrer la position de leur \
            siège et, pour la présidence, faire avancer les révisions. Chaque écriture est un commit \
            signé par le membre connecté.
              suivi web --registre registre
              suivi web --registre registre --port 8081 --hote 0.0.0.0
              suivi web --registre clone --cle-serveur /etc/suivi/serveur_ed25519 --periode-synchro 300
            """
        )

        @OptionGroup var register: RegisterOptions

        @Option(help: "Port d'écoute.")
        var port: Int = 8080

        @Option(name: .customLong("hote"), help: "Adresse d'écoute (127.0.0.1 : cette machine seulement).")
        var host: String = "127.0.0.1"

        @Option(name: .customLong("delai-inactivite"), help: "Secondes avant de fermer une connexion inactive.")
        var idleTimeout: Double = 30

        @Option(name: .customLong("connexions-max"), help: "Connexions servies à la fois (les suivantes attendent).")
        var maximumConnections: Int = 500

        @Option(name: .customLong("cle-serveur"),
                help: ArgumentHelp("Clé SSH privée du serveur (ed25519, sans phrase de passe) : chaque écriture est signée avec elle "
                                   + "et nomme le membre connecté. Sa clé publique s'inscrit avec « suivi comite cle-serveur ».",
                                   valueName: "fichier"))
        var serverKey: String?

        @Option(name: .customLong("adresse-publique"),
                help: ArgumentHelp("Adresse publique du site (https://…), pour les liens des flux Atom ; par défaut l'adresse "
                                   + "d'écoute. Jamais celle que le visiteur envoie.", valueName: "url"))
        var publicAddress: String?

        @Option(name: .customLong("distant"),
                help: ArgumentHelp("Forge avec laquelle le serveur se synchronise (chemin, git://, http(s)://) : chaque écriture "
                                   + "y est envoyée ; si elle a reçu d'autres écritures, elles sont récupérées et réunies "
                                   + "(élément par élément), puis l'envoi recommence. Par défaut : l'adresse du clonage (origin), "
                                   + "sinon aucune synchronisation.", valueName: "url"))
        var remote: String?

        @Option(name: .customLong("periode-synchro"),
                help: ArgumentHelp("Secondes entre deux récupérations depuis la forge (en plus de celle du démarrage, de celles "
                                   + "qui suivent une écriture et de celles que demande la présidence).", valueName: "secondes"))
        var syncPeriod: Double?

        func run() async throws {
            _ = try TextRegister.open(at: register.url)
            let address: String?
            do { address = try publicAddress.map { try SiteAddress(parsing: $0).description } } catch {
                throw ValidationError("--adresse-publique : \(error)")
            }
            let signer = try serverKey.map { try Signer(keyFile: URL(fileURLWithPath: $0), role: .server) }
            guard idleTimeout > 0, idleTimeout <= 3600 else {
                throw ValidationError("--delai-inactivite : entre 0 et 3600 secondes (30 par défaut).")
            }
            guard maximumConnections >= 1 else { throw ValidationError("--connexions-max : au moins 1 (500 par défaut).") }
            if let syncPeriod, !(syncPeriod >= 1 && syncPeriod <= 86_400) {
                throw ValidationError("--periode-synchro : entre 1 et 86400 secondes (une journée).")
            }
            var settings = WebConfiguration(registerRoot: register.url, host: host, port: port, idleTimeout: idleTimeout,
                                                 maximumConnections: maximumConnections)
            settings.signer = signer
            settings.publicAddress = address
            settings.remote = remote
            settings.syncPeriod = syncPeriod
            let configuration = settings
            let app = try await buildApplication(configuration) { port in
                // Unbuffered, so a script waiting for this line sees it at once.
                FileHandle.standardOutput.write(Data("Interface web du registre : http://\(configuration.host):\(port)/ (Ctrl-C pour arrêter)\n".utf8))
            }
            try await app.runService()
        }
    }
}
