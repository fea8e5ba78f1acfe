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

            En service (systemd, conteneur : docs/DEPLOYMENT.md), les réglages viennent d'un fichier de \
            configuration, --config <fichier> (ou la variable SUIVI_CONFIG) : une ligne « cle = valeur » par \
            réglage, les clés étant les noms des options sans « -- » (registre, hote, port, adresse-publique, \
            cle-serveur, distant, periode-synchro, proxys-de-confiance, cle-sessions, delai-inactivite, \
            connexions-max), « # » pour un commentaire ; un chemin relatif y part du dossier du fichier. Chaque \
            réglage peut aussi venir d'une variable d'environnement : SUIVI_ et la clé en majuscules, tirets \
            changés en « _ » (SUIVI_REGISTRE, SUIVI_PORT, SUIVI_PROXYS_DE_CONFIANCE…). Ordre de priorité : \
            ligne de commande, puis environnement, puis fichier, puis valeurs par défaut. Une clé inconnue, une \
            valeur invalide ou une clé répétée arrête le lancement avec le fichier et la ligne à corriger \
            (code de sortie 78) : une faute de frappe ne retombe jamais en silence sur une valeur par défaut.
              suivi web --config /etc/suivi/suivi.conf
              SUIVI_PORT=8081 suivi web --config /etc/suivi/suivi.conf

            Sessions : sans --cle-sessions, elles vivent en mémoire et un redémarrage déconnecte tout le monde. \
            Avec une clé (32 octets aléatoires ou plus, dans un fichier lisible du seul utilisateur du service), \
            elles sont gardées, scellées, dans <registre>/sessions/ et survivent au redémarrage :
              suivi web --generer-cle-sessions /etc/suivi/cle-sessions
            Derrière un proxy HTTPS, --proxys-de-confiance liste les adresses dont X-Forwarded-For et \
            X-Forwarded-Proto sont crus (ailleurs ils sont ignorés). GET /sante répond « ok » (200) quand le \
            registre est lisible, 503 sinon.
            """
        )

        @OptionGroup var register: RegisterOptions

        @Option(name: .customLong("config"),
                help: ArgumentHelp("Fichier de configuration (lignes « cle = valeur »). Par défaut : $SUIVI_CONFIG, sinon aucun.",
                                   valueName: "fichier"))
        var configurationFile: String?

        @Option(help: ArgumentHelp("Port d'écoute (8080 par défaut ; 0 : un port libre).", valueName: "port"))
        var port: String?

        @Option(name: .customLong("hote"),
                help: ArgumentHelp("Adresse d'écoute (127.0.0.1 par défaut : cette machine seulement).", valueName: "adresse"))
        var host: String?

        @Option(name: .customLong("delai-inactivite"),
                help: ArgumentHelp("Secondes avant de fermer une connexion inactive (30 par défaut).", valueName: "secondes"))
        var idleTimeout: String?

        @Option(name: .customLong("connexions-max"),
                help: ArgumentHelp("Connexions servies à la fois, les suivantes attendent (500 par défaut).", valueName: "nombre"))
        var maximumConnections: String?

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
                help: ArgumentHelp("Forge avec laquelle le serveur se synchronise (chemin, git://, http(s)://, ssh://), sans identifiant "
                                   + "ni jeton : chaque écriture y est envoyée ; si elle a reçu d'autres écritures, elles sont "
                                   + "récupérées et réunies (élément par élément), puis l'envoi recommence. Par défaut : l'adresse "
                                   + "du clonage (origin), sinon aucune synchronisation.", valueName: "url"))
        var remote: String?

        @Option(name: .customLong("periode-synchro"),
                help: ArgumentHelp("Intervalle entre deux récupérations depuis la forge (en plus de celle du démarrage, de celles qui "
                                   + "suivent une écriture et de celles que demande la présidence) : de 10 s à 1 jour (300, 5min, 1h).",
                                   valueName: "duree"))
        var syncPeriod: String?

        @Option(name: .customLong("proxys-de-confiance"),
                help: ArgumentHelp("Adresses ou plages (CIDR) des proxys inverses dont X-Forwarded-For et X-Forwarded-Proto sont "
                                   + "crus, séparées par des virgules (127.0.0.1,::1) ; par défaut aucun.", valueName: "liste"))
        var trustedProxies: String?

        @Option(name: .customLong("cle-sessions"),
                help: ArgumentHelp("Fichier de la clé des sessions (32 octets aléatoires ou plus, droits 600) : les sessions "
                                   + "survivent au redémarrage du serveur.", valueName: "fichier"))
        var sessionKey: String?

        @Option(name: .customLong("generer-cle-sessions"),
                help: ArgumentHelp("Crée une clé des sessions dans ce fichier (droits 600, jamais par-dessus un fichier existant), "
                                   + "puis s'arrête sans lancer le serveur.", valueName: "fichier"))
        var generatedSessionKey: String?

        /// The settings given as options, as typed (checked by ``ServiceSettings``).
        var commandLine: [ServiceSetting: String] {
            let given: [(ServiceSetting, String?)] = [
                (.register, register.repo), (.host, host), (.port, port), (.publicAddress, publicAddress), (.serverKey, serverKey),
                (.remote, remote), (.syncPeriod, syncPeriod), (.trustedProxies, trustedProxies), (.sessionKey, sessionKey),
                (.idleTimeout, idleTimeout), (.maximumConnections, maximumConnections),
            ]
            return Dictionary(uniqueKeysWithValues: given.compactMap { setting, value in value.map { (setting, $0) } })
        }

        /// EX_CONFIG (sysexits.h): the unit file does not restart a server whose configuration is wrong.
        static let configurationExitCode: Int32 = 78

        func run() async throws {
            if let path = generatedSessionKey {
                // The absolute path: a relative one in the configuration file would be read from the file's folder.
                let file = URL(fileURLWithPath: path).standardizedFileURL
                do { try SessionKey.generate(at: file) } catch { throw Refusal(error.description) }
                print("Clé des sessions créée : \(file.path) (32 octets aléatoires, lisible de vous seul). Donnez-la au serveur avec "
                      + "--cle-sessions \(file.path) ou « cle-sessions = \(file.path) » ; si le service tourne sous un autre "
                      + "utilisateur, donnez-lui le fichier : chown suivi: \(file.path)")
                return
            }
            let settings: ServiceSettings
            let configuration: WebConfiguration
            do {
                settings = try ServiceSettings(commandLine: commandLine, configurationFile: configurationFile,
                                               environment: ProcessInfo.processInfo.environment)
                let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                configuration = try settings.configuration(defaultRegister: RegisterOptions.enclosingRegister(of: here) ?? here)
            } catch {
                throw Refusal(error.description, exitCode: Self.configurationExitCode)
            }
            // What TextRegister.open checks first (notARegister), said with where the folder was named.
            guard FileManager.default.fileExists(atPath: TextRegister.gitDirectory(of: configuration.registerRoot).path) else {
                throw Refusal(RegisterOptions.noRegisterMessage(at: configuration.registerRoot,
                                                                namedBy: settings[.register].map { $0.source.place(of: .register) }),
                              exitCode: Self.configurationExitCode)
            }
            _ = try TextRegister.open(at: configuration.registerRoot)
            let app: any ApplicationProtocol
            let summary = Self.summary(configuration, settings: settings)
            do {
                app = try await buildApplication(configuration) { port in
                    // Unbuffered, so a script waiting for this line sees it at once; it stays the first line of the output.
                    FileHandle.standardOutput.write(Data("Interface web du registre : http://\(configuration.host):\(port)/ (Ctrl-C pour arrêter)\n".utf8))
                    FileHandle.standardError.write(Data((summary + "\n").utf8))
                }
            } catch let error as SessionKeyError {
                throw Refusal(error.description, exitCode: Self.configurationExitCode)
            } catch let error as SessionStorageError {
                throw Refusal(error.description)
            }
            do {
                try await app.runService()
            } catch {
                guard let message = ListenFailure.message(for: error, host: configuration.host, port: configuration.port) else { throw error }
                throw Refusal(message, exitCode: Self.configurationExitCode)
            }
        }

        /// What the server runs with, for the service's log: where the settings came from, and how sessions are kept.
        static func summary(_ configuration: WebConfiguration, settings: ServiceSettings) -> String {
            var parts = ["registre \(configuration.registerRoot.path)"]
            if let file = settings.file { parts.append("configuration \(file.path)") }
            parts.append(configuration.sessionKeyFile == nil ? "sessions en mémoire (perdues au redémarrage)"
                         : "sessions conservées dans \(configuration.registerRoot.appendingPathComponent("sessions").path)")
            parts.append(configuration.trustedProxies.isEmpty ? "aucun proxy de confiance"
                         : "proxys de confiance \(configuration.trustedProxies.joined(separator: ", "))")
            return "suivi web : " + parts.joined(separator: " ; ")
        }
    }
}
