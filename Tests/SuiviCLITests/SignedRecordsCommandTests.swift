import Foundation
import SuiviTestSupport
import Testing

/// Keys made by `ssh-keygen` (as a member would), records signed by `suivi`, checked by stock git and `suivi verifier`.
@Suite("CLI: signed committee records", .tags(.endToEnd, .externalTool),
       .enabled(if: ExternalTool.runs("git", "ssh-keygen"), ExternalTool.reason("ssh-keygen", package: "openssh-client")))
struct SignedRecordsCommandTests {
    /// An unencrypted Ed25519 key pair `<name>` and `<name>.pub` in `folder`, made by ssh-keygen.
    static func keygen(_ folder: TemporaryFolder, _ name: String) throws -> String {
        let keygen = try ExternalTool.require("ssh-keygen", package: "openssh-client")
        let path = folder.path(name)
        let result = try ProcessRunner.run(keygen, ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path])
        try #require(result.exitCode == 0, "ssh-keygen → \(result)")
        return path
    }

    static func verifyCommit(_ repo: String, signers: String, _ revision: String) throws -> ProcessResult {
        try StockGit.run(["-C", repo + "/register.git", "-c", "gpg.ssh.allowedSignersFile=" + signers, "verify-commit", revision])
    }

    @Test("records signed with ssh-keygen's keys pass stock git verify-commit with the exported allowed signers; the CLI refuses a seat the key's member does not hold; a tampered commit is reported")
    func signedRegister() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let chairKey = try Self.keygen(folder, "presidence")
        let ofiiKey = try Self.keygen(folder, "medecin")
        let strangerKey = try Self.keygen(folder, "inconnu")

        // The chair records their own key (unsigned: nothing to check it against yet), then signs everything.
        try CLI.ok(["comite", "ajouter-membre", "dgs", "--nom", "Présidence", "--courriel", "presidence@example.org",
                    "--debut", "2020-01-01", "--cle-publique", chairKey + ".pub", "--auteur", CLI.clerk], repo: repo)
        try CLI.ok(["comite", "ajouter-membre", "ofii-medecins", "--nom", "Médecin OFII", "--courriel", "medecin@example.org",
                    "--debut", "2020-01-01", "--cle-publique", ofiiKey + ".pub", "--auteur", CLI.clerk, "--cle-ssh", chairKey], repo: repo)
        try CLI.ok(["evenement", "ajouter", "alerte-2026", "--date", "2026-11-01", "--nature", "sanitaire", "--resume", "Alerte",
                    "--source", "Bulletin", "--siege", "ofii-medecins", "--cle-ssh", ofiiKey], repo: repo)
        let signers = folder.path("signataires")
        try CLI.ok(["comite", "signataires", "--sortie", signers], repo: repo)
        let allowed = try String(contentsOfFile: signers, encoding: .utf8)
        #expect(allowed.contains("medecin@example.org namespaces=\"git\",valid-after=\"20200101\" ssh-ed25519 "))

        // Stock git accepts both signatures, each by its member.
        let event = try Self.verifyCommit(repo, signers: signers, "main")
        #expect(event.exitCode == 0, "git verify-commit main → \(event)")
        #expect(event.stderr.contains("Good \"git\" signature for medecin@example.org"), "\(event.stderr)")
        let member = try Self.verifyCommit(repo, signers: signers, "main~1")
        #expect(member.exitCode == 0 && member.stderr.contains("presidence@example.org"), "git verify-commit main~1 → \(member)")
        // The first key's commit is not signed: git says so, suivi does not require it.
        #expect(try Self.verifyCommit(repo, signers: signers, "main~2").exitCode != 0)
        let clean = try CLI.run(["verifier", "--sans-enregistrer", "--repo", repo])
        #expect(clean.exitCode == 0, "\(clean)")

        // Refused up front, nothing written: a key for a seat its member does not hold, an unknown key, no key.
        let before = try StockGit.refs(repo)
        let chairAction = try CLI.run(["evenement", "classer", "crise-financement-vih-2025", "--motif", "x", "--siege", "dgs",
                                       "--cle-ssh", ofiiKey, "--repo", repo])
        #expect(chairAction.exitCode == 1)
        #expect(chairAction.stderr.contains("occupe le siège « ofii-medecins »"), "\(chairAction.stderr)")
        let unknown = try CLI.run(["evenement", "ajouter", "x1", "--date", "2026-11-01", "--nature", "sanitaire", "--resume", "R",
                                   "--source", "S", "--siege", "ofii-medecins", "--cle-ssh", strangerKey, "--repo", repo])
        #expect(unknown.exitCode == 1 && unknown.stderr.contains("n'est celle d'aucun membre"), "\(unknown.stderr)")
        let unsigned = try CLI.run(["evenement", "ajouter", "x2", "--date", "2026-11-01", "--nature", "sanitaire", "--resume", "R",
                                    "--source", "S", "--siege", "ofii-medecins", "--repo", repo])
        #expect(unsigned.exitCode == 1 && unsigned.stderr.contains("--cle-ssh"), "\(unsigned.stderr)")
        let garbage = try CLI.run(["comite", "cle", "dgs", "--courriel", "presidence@example.org", "--cle-publique", chairKey,
                                   "--auteur", CLI.clerk, "--cle-ssh", chairKey, "--repo", repo])
        #expect(garbage.exitCode == 1 && garbage.stderr.contains("clé privée"), "\(garbage.stderr)")
        #expect(try StockGit.refs(repo) == before)

        // Tampering: the tip's signature kept on a commit whose message was changed (the signature of another commit).
        let git = repo + "/register.git"
        let content = try StockGit.run(["-C", git, "cat-file", "commit", "main"]).stdout
        try #require(content.contains("gpgsig -----BEGIN SSH SIGNATURE-----"))
        let forged = content.replacingOccurrences(of: "alerte-2026", with: "alerte-2027")
        try #require(forged != content)
        let file = try folder.write(forged, to: "forged-commit")
        let id = try StockGit.run(["-C", git, "hash-object", "-t", "commit", "-w", file]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(StockGit.run(["-C", git, "update-ref", "refs/heads/main", id]).exitCode == 0)
        #expect(try Self.verifyCommit(repo, signers: signers, "main").exitCode != 0)
        let report = try CLI.run(["verifier", "--sans-enregistrer", "--repo", repo])
        #expect(report.exitCode == 1, "\(report)")
        #expect(report.stdout.contains("signature invalide"), "\(report.stdout)")
    }

    @Test("suivi's in-process signature is byte for byte what ssh-keygen -Y sign writes, and ssh-keygen verifies it")
    func sameAsSSHKeygen() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: true)
        let key = try Self.keygen(folder, "presidence")
        try CLI.ok(["comite", "ajouter-membre", "dgs", "--nom", "Présidence", "--courriel", "presidence@example.org",
                    "--debut", "2020-01-01", "--cle-publique", key + ".pub", "--auteur", CLI.clerk], repo: repo)
        try CLI.ok(["comite", "ajouter-siege", "daei-signe", "--categorie", "daei", "--organisation", "DAEI", "--auteur", CLI.clerk,
                    "--cle-ssh", key], repo: repo)
        // The signed payload is the commit without its gpgsig header: what git hands to ssh-keygen.
        let git = repo + "/register.git"
        let content = try StockGit.run(["-C", git, "cat-file", "commit", "main"]).stdout
        var payload: [String] = []
        var signature: [String] = []
        var inSignature = false
        for line in content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("gpgsig ") { inSignature = true; signature.append(String(line.dropFirst(7))); continue }
            if inSignature && line.hasPrefix(" ") { signature.append(String(line.dropFirst())); continue }
            inSignature = false
            payload.append(line)
        }
        let payloadFile = try folder.write(payload.joined(separator: "\n"), to: "payload")
        let keygen = try ExternalTool.require("ssh-keygen", package: "openssh-client")
        let signed = try ProcessRunner.run(keygen, ["-Y", "sign", "-n", "git", "-f", key, payloadFile])
        try #require(signed.exitCode == 0, "\(signed)")
        let theirs = try String(contentsOfFile: payloadFile + ".sig", encoding: .utf8)
        #expect(theirs.trimmingCharacters(in: .newlines) == signature.joined(separator: "\n"))
        // And ssh-keygen checks suivi's own signature of that payload.
        let ours = try folder.write(signature.joined(separator: "\n") + "\n", to: "ours.sig")
        let sh = try #require(ProcessRunner.systemTool("sh"))
        let checked = try ProcessRunner.run(sh, ["-c", "\"$0\" -Y check-novalidate -n git -s \"$1\" < \"$2\"", keygen, ours, payloadFile])
        #expect(checked.exitCode == 0, "ssh-keygen -Y check-novalidate → \(checked)")
    }
}
