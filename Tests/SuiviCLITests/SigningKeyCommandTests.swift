import Foundation
import SuiviTestSupport
import Testing

/// Issue 21, « signed records »: the member's key (`--cle-ssh`, `SUIVI_CLE_SSH`) concerns writes only, and a key
/// suivi cannot sign with is refused saying exactly what to do.
@Suite("CLI: the member's signing key", .tags(.endToEnd, .externalTool),
       .enabled(if: ExternalTool.runs("git", "ssh-keygen"), ExternalTool.reason("ssh-keygen", package: "openssh-client")))
struct SigningKeyCommandTests {
    /// `suivi <arguments>` with `SUIVI_CLE_SSH` set to `key`.
    static func run(withKeyVariable key: String, _ arguments: [String]) throws -> ProcessResult {
        let suivi = try #require(CLI.executable)
        let env = try #require(ProcessRunner.systemTool("env"))
        return try ProcessRunner.run(env, ["SUIVI_CLE_SSH=" + key, suivi] + arguments)
    }

    static func addEvent(_ id: String, repo: String, key: [String]) throws -> ProcessResult {
        try CLI.run(["evenement", "ajouter", id, "--date", "2026-11-01", "--nature", "sanitaire", "--resume", "Alerte",
                     "--source", "Bulletin", "--siege", "ofii-medecins", "--repo", repo] + key)
    }

    @Test("a wrong key path stops no reading command (afficher, diff, etat, verifier, exporter), and every writing command, before it writes")
    func readingIgnoresTheKey() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let missing = folder.path("nulle-part/id_ed25519")
        let reading: [[String]] = [["afficher", "--version", "v2017-01-05"], ["diff", "v2017-01-05", "2026-11-24"], ["etat", "--aujourdhui", "2026-11-24"],
                                   ["verifier", "--sans-enregistrer"], ["historique", "art_3"], ["revision", "lister"],
                                   ["exporter", "consolide", "--version", "v2017-01-05", "--sortie", folder.path("consolide.html")]]
        for arguments in reading {
            let byOption = try CLI.run(arguments + ["--repo", repo, "--cle-ssh", missing])
            #expect(byOption.exitCode == 0, "suivi \(arguments.joined(separator: " ")) --cle-ssh <absent> → \(byOption)")
            let byVariable = try Self.run(withKeyVariable: missing, arguments + ["--repo", repo])
            #expect(byVariable.exitCode == 0, "SUIVI_CLE_SSH=<absent> suivi \(arguments.joined(separator: " ")) → \(byVariable)")
        }
        let before = try StockGit.refs(repo)
        let writing = try Self.run(withKeyVariable: missing, ["evenement", "ajouter", "x1", "--date", "2026-11-01", "--nature", "sanitaire",
                                                              "--resume", "R", "--source", "S", "--siege", "ofii-medecins", "--repo", repo])
        #expect(writing.exitCode == 1)
        #expect(writing.stderr.contains("Clé SSH refusée (\(missing), donnée par SUIVI_CLE_SSH) : aucun fichier à cet endroit"), "\(writing.stderr)")
        #expect(!writing.stderr.contains("couldn"), "no English system message")
        #expect(try StockGit.refs(repo) == before)
    }

    @Test("a passphrase-protected key is refused with the commands that make a usable copy; following them, the copy signs for the same member")
    func passphraseKey() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let keygen = try ExternalTool.require("ssh-keygen", package: "openssh-client")
        let key = folder.path("medecin")
        try #require(try ProcessRunner.run(keygen, ["-q", "-t", "ed25519", "-N", "phrase secrète", "-C", "medecin", "-f", key]).exitCode == 0)
        let chairKey = try SignedRecordsCommandTests.keygen(folder, "presidence")
        try CLI.ok(["comite", "ajouter-membre", "dgs", "--nom", "Présidence", "--courriel", "presidence@example.org",
                    "--debut", "2020-01-01", "--cle-publique", chairKey + ".pub", "--auteur", CLI.clerk], repo: repo)
        try CLI.ok(["comite", "ajouter-membre", "ofii-medecins", "--nom", "Médecin OFII", "--courriel", "medecin@example.org",
                    "--debut", "2020-01-01", "--cle-publique", key + ".pub", "--auteur", CLI.clerk, "--cle-ssh", chairKey], repo: repo)

        let before = try StockGit.refs(repo)
        let refused = try Self.addEvent("alerte", repo: repo, key: ["--cle-ssh", key])
        #expect(refused.exitCode == 1)
        let copy = key + "-suivi"
        let commands = "cp \(key) \(copy) && chmod 600 \(copy) && ssh-keygen -p -N '' -f \(copy)"
        #expect(refused.stderr.contains("Clé SSH refusée (\(key), donnée par --cle-ssh) : la clé est protégée par une phrase de passe"),
                "\(refused.stderr)")
        #expect(refused.stderr.contains(commands), "\(refused.stderr)")
        #expect(refused.stderr.contains("puis signez avec \(copy)"))
        #expect(try StockGit.refs(repo) == before)

        // Doing what it says (the passphrase given with -P instead of typed): the copy signs, as the same member.
        let sh = try #require(ProcessRunner.systemTool("sh"))
        let done = try ProcessRunner.run(sh, ["-c", commands.replacingOccurrences(of: "ssh-keygen -p", with: "\"$0\" -p -P 'phrase secrète'"), keygen])
        try #require(done.exitCode == 0, "\(done)")
        try CLI.ok(["evenement", "ajouter", "alerte", "--date", "2026-11-01", "--nature", "sanitaire", "--resume", "Alerte",
                    "--source", "Bulletin", "--siege", "ofii-medecins", "--cle-ssh", copy], repo: repo)
        let report = try CLI.run(["verifier", "--sans-enregistrer", "--repo", repo])
        #expect(report.exitCode == 0, "\(report)")
    }

    @Test("a public key (the private one kept in ssh-agent) and a key of another type are refused saying how to get a key suivi signs with")
    func agentOnlyOrOtherType() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let key = try SignedRecordsCommandTests.keygen(folder, "medecin")
        let publicOnly = try Self.addEvent("a1", repo: repo, key: ["--cle-ssh", key + ".pub"])
        #expect(publicOnly.exitCode == 1)
        #expect(publicOnly.stderr.contains("c'est une clé publique ; pour signer, donnez la clé privée (le même fichier sans .pub : \(key))"),
                "\(publicOnly.stderr)")
        #expect(publicOnly.stderr.contains("ssh-agent") && publicOnly.stderr.contains("ssh-keygen -t ed25519 -N '' -f ~/.ssh/suivi_ed25519"))

        let keygen = try ExternalTool.require("ssh-keygen", package: "openssh-client")
        let ecdsa = folder.path("ecdsa")
        try #require(try ProcessRunner.run(keygen, ["-q", "-t", "ecdsa", "-N", "", "-f", ecdsa]).exitCode == 0)
        let other = try Self.addEvent("a2", repo: repo, key: ["--cle-ssh", ecdsa])
        #expect(other.exitCode == 1)
        #expect(other.stderr.contains("clé de type « ecdsa-sha2-nistp256 »") && other.stderr.contains("clé ed25519 sans phrase de passe"),
                "\(other.stderr)")
    }
}
