import Foundation
import LegalText

/// Why the register could not read or write its git repository. Every case names what was asked for.
public enum RegisterError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible, WordedError {
    /// A libgit2 call failed; `message` is libgit2's own, read right after the call.
    case libgit2(function: String, code: Int32, message: String)
    /// `init(creatingAt:)` found a repository already there.
    case repositoryExists(path: String)
    /// `init(openingAt:)` found no git repository at the path.
    case notARepository(path: String)
    /// A revision (branch, tag, commit id, `main~2`…) names nothing in the repository.
    case notFound(revision: String)
    /// A short revision matches several objects.
    case ambiguous(revision: String)
    /// A revision names an object that is not a commit and does not lead to one (a tree, a blob).
    case notACommit(revision: String)
    /// The branch did not point where the caller expected (`nil`: no commit yet): someone else wrote first.
    case conflict(ref: String, expected: ObjectID?, actual: ObjectID?)
    /// Another writer held the reference's lock file for longer than the store waits.
    case locked(ref: String)
    /// `commitApplying` lost the compare-and-swap race this many times in a row.
    case retriesExhausted(ref: String, attempts: Int)
    /// A tag of that name already exists and designates another commit.
    case tagExists(name: String, target: ObjectID)
    /// A branch of that name already exists and points at another commit.
    case branchExists(ref: String, tip: ObjectID)
    /// A draft named `name` already exists (its working copy in `workingCopy`): opening it again is refused.
    case draftExists(name: String, workingCopy: String)
    /// The branch HEAD names (`refs/heads/main`) cannot be deleted: a clone would check out nothing.
    case protectedBranch(ref: String)
    /// A reference, branch or tag name git refuses (`refs/heads/a..b`, spaces, `~`…), or outside its namespace.
    case invalidReference(name: String)
    /// A file path that cannot be stored (empty, absolute, `..`, `.git`, NUL), or that is both a file and a folder.
    case invalidPath(path: String, reason: String)
    /// A name or e-mail that cannot appear in a git signature (empty, `<`, `>`, line break).
    case invalidIdentity(name: String, email: String)
    /// A text meant to name a person (`Prénom Nom <courriel>`) that does not.
    case invalidPerson(text: String, problem: IdentityProblem)
    /// A commit or tag message that is empty (once cleaned up) or contains a NUL character.
    case invalidMessage
    /// A time-zone offset outside UTC−12:00…UTC+14:00.
    case invalidTimeZone(minutes: Int)
    /// A date git cannot store faithfully (before 1970 or from 2100): legal dates belong in the text's metadata.
    case dateOutOfRange(Date)
    /// The task was cancelled while waiting to retry.
    case cancelled
    /// An SSH key (a `.pub` line, a private key file) that cannot be used; `source` is the file or what the text was.
    case invalidKey(source: String, reason: String)
    /// A commit signature could not be made or read.
    case signing(reason: String)

    // MARK: Texts in the register

    /// The folder holds no register (`register.git`).
    case notARegister(path: String)
    /// A commit holds no text (nothing under `texts/`), or not the one asked for.
    case noText(commit: String)
    /// Several texts are stored: say which one.
    case severalTexts([String])
    /// A stored file of a text cannot be read back.
    case corruptText(path: String, reason: String)
    /// No adopted version was in force on that date.
    case noVersionInForce(date: LegalDate, firstEntryIntoForce: LegalDate?)
    /// The text was abrogated on that date: no article of it was in force (`version` records the abrogation).
    case repealed(date: LegalDate, since: LegalDate, version: String)
    /// A version named without its text (`v2017-01-05`) exists for several texts: say which.
    case ambiguousVersion(name: String, candidates: [String])
    /// Documents to import or commit have problems: nothing was written.
    case invalidDocuments([ValidationProblem])
    /// A version folder mixes adopted texts and drafts.
    case mixedVersion(folder: String)
    /// The path is not a folder.
    case notAFolder(path: String)
    /// No XML file to import.
    case nothingToImport(path: String)
    /// A version of that name exists with other content.
    case versionDiffers(version: String, source: String)
    /// A draft branch of that name exists with other content, not from this folder: never overwritten.
    case draftDiffers(draft: String, source: String)
    /// A version older than the latest adopted one cannot be added after it.
    case outOfOrder(version: String, latest: String)
    /// The operation needs an adopted version and there is none yet.
    case noAdoptedVersion
    /// No draft branch `draft/<name>`; `closest`: the drafts it most likely meant (a typing mistake), closest first.
    case unknownDraft(name: String, closest: [String] = [])
    /// No version has a clause with that eId or wId.
    case clauseNotFound(identifier: String)
    /// The version named holds no clause with that eId (nor that wId): an eId is read as that version numbers it.
    case clauseNotInVersion(identifier: String, version: String)
    /// The revision is not one of the register's versions.
    case notAVersion(revision: String)
    /// A draft name that cannot be a branch and folder name.
    case invalidDraftName(String)
    /// Reading or writing a working copy failed.
    case io(path: String, reason: String)
    /// The working copy of a draft does not say which commit it was taken from.
    case noWorkingCopyBase(draft: String)
    /// Someone else changed the same clauses on the draft since the working copy was taken.
    case draftConflict(draft: String, paths: [String])
    /// The text in force changed since the draft's base: adopting it would undo those changes.
    case draftOutOfDate(draft: String, base: String?, versions: [String], changes: [TextChange])
    /// Bringing a draft up to date found parts both sides changed differently: nothing was written.
    case draftUpdateConflicts(draft: String, conflicts: [DraftConflict])
    /// The working copy holds edits not committed yet: the operation would overwrite them.
    case uncommittedEdits(draft: String)
    /// Restoring or deleting a draft would lose what its working copy holds and its branch does not.
    case unsavedWork(draft: String, deleting: Bool, work: UnsavedWork)
    /// The text a draft update would write does not validate (typically, both sides inserted articles at the
    /// same place and the numbering clashes): nothing was written.
    case mergedTextInvalid(draft: String, problems: [ValidationProblem])
    /// A write would give an existing clause another wId.
    case wIdChanged(draft: String, changes: [WIdChange])

    // MARK: Sync

    /// Connecting to, fetching from or pushing to a remote failed (libgit2's reason).
    case remote(url: String, reason: String)
    /// The remote refused some references (full name → its reason): it has writes this register lacks.
    case pushRejected(url: String, references: [String: String])
    /// Pulling would merge clauses or records both sides changed differently: nothing was changed.
    case mergeConflict(url: String, conflicts: [MergeConflict])
    /// A tag designates another commit on the remote than here: a published version was moved on one side.
    case tagDiverged(name: String, local: ObjectID, remote: ObjectID)
    /// Pulling needs a merge commit, which is signed by a person: none was given.
    case mergeNeedsAuthor(branch: String)
    /// No remote was given and none is recorded (`origin`).
    case noRemote
    /// A branch pulled from a remote holds a text that does not read or validate: nothing was changed.
    case remoteContentRefused(url: String, branch: String, reason: String)
    /// An address carries a password (`https://nom:secret@…`; `url` is shown without it): refused, never recorded.
    case passwordInAddress(url: String)
    /// The forge refused every identifier offered (`tried`: where each came from, never the secret).
    case credentialsRefused(host: String, transport: RemoteAddress.Transport, tried: [String])
    /// The forge asks for identifiers and no source has any.
    case noCredentials(host: String, transport: RemoteAddress.Transport)
    /// The SSH server's host key is not one known_hosts records for it (`name`: as known_hosts names it).
    case hostKeyRefused(host: String, name: String, keyType: String, fingerprint: String, knownHosts: String,
                        problem: HostKeyProblem)
    /// The HTTPS server's certificate is not valid for it.
    case certificateRefused(host: String, reason: String)
    /// The forge cannot be reached: unknown name, connection refused, no route, timeout.
    case remoteUnreachable(url: String, host: String, reason: String)

    /// libgit2's return code, when the error comes from libgit2.
    var libgit2Code: Int32? {
        if case .libgit2(_, let code, _) = self { return code }
        return nil
    }

    public func description(_ wording: ErrorWording) -> String {
        switch self {
        case .libgit2(let function, let code, let message):
            return "Erreur de libgit2 dans \(function) (code \(code)) : \(message)."
        case .repositoryExists(let path):
            return "Un dépôt existe déjà à « \(path) » ; ouvrez-le au lieu de le créer."
        case .notARepository(let path):
            return "« \(path) » n'est pas un dépôt git ; vérifiez le chemin ou créez d'abord le registre."
        case .notFound(let revision):
            return "Version introuvable : « \(revision) » ne désigne aucune version du registre ; "
                + "\(wording.remedy(.listVersions)) (étiquettes v…, projets draft/…) ou donnez une date AAAA-MM-JJ."
        case .ambiguous(let revision):
            return "Révision ambiguë : « \(revision) » désigne plusieurs objets ; donnez un identifiant plus long."
        case .notACommit(let revision):
            return "« \(revision) » ne désigne pas une version (commit) du registre."
        case .conflict(let ref, let expected, let actual):
            let was = expected.map { "la version \($0.abbreviated)" } ?? "une branche vide"
            let now = actual.map { "la version \($0.abbreviated)" } ?? "aucune version"
            return "Conflit d'écriture sur \(ref) : attendu \(was), trouvé \(now). "
                + "Quelqu'un a enregistré entre-temps ; relisez l'état actuel puis recommencez."
        case .locked(let ref):
            return "La référence \(ref) est verrouillée par une autre écriture (fichier \(ref).lock). "
                + "Réessayez ; un verrou laissé par une écriture interrompue est levé au bout de quelques secondes."
        case .retriesExhausted(let ref, let attempts):
            return "Écriture abandonnée sur \(ref) après \(attempts) tentatives : d'autres écritures passaient toujours avant."
        case .tagExists(let name, let target):
            return "L'étiquette \(name) existe déjà et désigne une autre version (\(target.abbreviated)) ; "
                + "une étiquette publiée ne se déplace pas."
        case .draftExists(let name, let workingCopy):
            return "Le projet « \(name) » existe déjà : continuez-le dans sa copie de travail (\(workingCopy)) puis "
                + "\(wording.remedy(.commitDraft(draft: name))), ou choisissez un autre nom pour un nouveau projet."
        case .branchExists(let ref, let tip):
            return "La branche \(ref) existe déjà et pointe sur une autre version (\(tip.abbreviated))."
        case .protectedBranch(let ref):
            return "La branche \(ref) est la branche principale du registre (HEAD) ; elle ne peut pas être supprimée."
        case .invalidReference(let name):
            return "Nom de référence refusé par git : « \(name) »."
        case .invalidPath(let path, let reason):
            return "Chemin de fichier refusé : « \(path) » (\(reason))."
        case .invalidIdentity(let name, let email):
            return "Identité refusée : « \(name) » <\(email)> (nom et courriel non vides, sans < > ni saut de ligne)."
        case .invalidPerson(let text, let problem):
            return "Personne illisible : « \(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "�" : String($0) }.joined()) » : "
                + "\(problem.french). Écrivez « Prénom Nom <courriel> », par exemple « Camille Martin <camille.martin@sante.gouv.fr> »."
        case .invalidMessage:
            return "Message refusé : il est vide ou contient un caractère NUL ; dites ce qui a été fait et par qui."
        case .invalidTimeZone(let minutes):
            return "Décalage horaire refusé : \(minutes) minutes (attendu entre -720 et +840)."
        case .dateOutOfRange(let date):
            return "Date refusée pour git : \(date.formatted(.iso8601)) ; git ne conserve fidèlement que les dates "
                + "de 1970 à 2099. Portez la date juridique dans les métadonnées du texte."
        case .cancelled:
            return "Écriture annulée avant d'avoir pu être enregistrée."
        case .notARegister(let path):
            return "« \(path) » ne contient pas de registre (dossier register.git absent) ; \(wording.remedy(.createRegister(path: path)))."
        case .noText(let commit):
            return "La version \(commit) ne contient aucun texte (dossier texts/ vide) ou pas celui demandé ; "
                + "\(wording.remedy(.importText))."
        case .severalTexts(let works):
            return "Le registre contient plusieurs textes (\(works.joined(separator: ", "))) ; précisez lequel\(wording.pointing(at: [.text]))."
        case .corruptText(let path, let reason):
            return "Le fichier \(path) du registre est illisible : \(reason) Lancez « git fsck » et signalez-le."
        case .noVersionInForce(let date, let first):
            let hint = first.map { " La première version entre en vigueur le \($0.french)." } ?? " Aucune version adoptée n'est enregistrée."
            return "Aucune version n'était en vigueur le \(date.french).\(hint)"
        case .repealed(let date, let since, let version):
            return "Le texte n'était plus en vigueur le \(date.french) : abrogé à compter du \(since.french) "
                + "(version \(version)) ; demandez une date antérieure pour lire sa dernière rédaction."
        case .ambiguousVersion(let name, let candidates):
            return "« \(name) » désigne une version de plusieurs textes (\(candidates.joined(separator: ", "))) ; "
                + "écrivez le nom complet de la version."
        case .invalidDocuments(let problems):
            let list = problems.prefix(20).map { "  " + $0.description }.joined(separator: "\n")
            let more = problems.count > 20 ? "\n  … et \(problems.count - 20) autre(s)." : ""
            return "\(problems.count) problème(s) dans les documents ; rien n'a été enregistré. "
                + "Corrigez-les puis recommencez (\(wording.remedy(.validateFiles))) :\n" + list + more
        case .mixedVersion(let folder):
            return "Le dossier \(folder) mélange des versions adoptées et des projets ; une version par dossier."
        case .notAFolder(let path):
            return "« \(path) » n'est pas un dossier."
        case .nothingToImport(let path):
            return "Aucun fichier .xml à importer dans « \(path) »."
        case .versionDiffers(let version, let source):
            return "La version \(version) existe déjà dans le registre avec un autre contenu que \(source) ; "
                + "une version adoptée ne se réécrit pas. Pour la corriger, ouvrez un projet de révision."
        case .draftDiffers(let draft, let source):
            return "Le projet \(draft) existe déjà et son contenu ne vient pas de \(source) ; il n'est pas écrasé. "
                + "Pour y enregistrer ce texte, copiez-le dans sa copie de travail puis \(wording.remedy(.commitDraft(draft: draft)))."
        case .outOfOrder(let version, let latest):
            return "La version \(version) est antérieure à la dernière version adoptée (\(latest)) ; "
                + "importez les versions dans l'ordre chronologique, dans un registre neuf."
        case .noAdoptedVersion:
            return "Le registre ne contient encore aucune version adoptée ; \(wording.remedy(.importText))."
        case .unknownDraft(let name, let closest) where !closest.isEmpty:
            return "Aucun projet « \(name) » dans le registre. Vouliez-vous dire "
                + closest.map { "« \($0) »" }.joined(separator: " ou ") + " ? Sinon, \(wording.remedy(.listDrafts))."
        case .unknownDraft(let name, _):
            return "Aucun projet « \(name) » dans le registre : \(wording.remedy(.listDrafts)), ou "
                + "\(wording.remedy(.startDraft(draft: name)))."
        case .clauseNotFound(let identifier):
            return "Aucune version ne contient d'élément d'identifiant « \(identifier) » (eId ou wId) ; "
                + "vérifiez-le : \(wording.remedy(.showIdentifiers))."
        case .clauseNotInVersion(let identifier, let version):
            return "La version \(version) ne contient aucun élément d'identifiant « \(identifier) » : un eId se lit tel que "
                + "cette version numérote ses éléments (un élément renuméroté porte ailleurs un autre eId). "
                + "Pour voir les éléments de cette version et leurs eId, \(wording.remedy(.showVersionIdentifiers(version: version)))."
        case .notAVersion(let revision):
            return "« \(revision) » n'est ni une version adoptée ni un projet du registre ; \(wording.remedy(.listVersions))."
        case .invalidDraftName(let name):
            return "Nom de projet invalide : « \(name) » ; utilisez lettres, chiffres, « - » et « _ »."
        case .io(let path, let reason):
            return "Lecture ou écriture impossible dans \(path) : \(reason)"
        case .noWorkingCopyBase(let draft):
            return "La copie de travail du projet \(draft) ne dit pas de quelle version elle part (fichier .base) ; "
                + "\(wording.remedy(.restoreDraft(draft: draft)))."
        case .draftConflict(let draft, let paths):
            return "Conflit sur le projet \(draft) : quelqu'un a modifié entre-temps les mêmes éléments "
                + "(\(paths.joined(separator: ", "))). Rien n'a été enregistré ; "
                + "\(wording.remedy(.restoreDraft(draft: draft))) puis refaites vos modifications."
        case .draftOutOfDate(let draft, let base, let versions, let changes):
            let since = versions.isEmpty ? "" : " (version(s) adoptée(s) depuis : \(versions.joined(separator: ", ")))"
            let list = changes.prefix(30).map { "  " + $0.french }.joined(separator: "\n")
            let more = changes.count > 30 ? "\n  … et \(changes.count - 30) autre(s)." : ""
            return "Le projet \(draft) a été rédigé sur \(base.map { "la version \($0)" } ?? "une version antérieure") "
                + "et le texte en vigueur a changé depuis\(since) ; l'adopter tel quel effacerait ces changements. "
                + "Rien n'a été adopté ; \(wording.remedy(.updateDraft(draft: draft))), vérifiez-le, "
                + "soumettez-le de nouveau au comité, puis adoptez-le. Changé dans le texte en vigueur :\n" + list + more
        case .draftUpdateConflicts(let draft, let conflicts):
            return "\(conflicts.count) conflit(s) : le texte en vigueur et le projet \(draft) ont modifié différemment "
                + "les mêmes éléments depuis la version de départ du projet. Rien n'a été enregistré. Pour chaque élément "
                + "en conflit, remettez dans la copie de travail son texte en vigueur (ci-dessous) ; "
                + "\(wording.remedy(.commitDraft(draft: draft))) puis, de nouveau, \(wording.remedy(.updateDraft(draft: draft))) ; réécrivez ensuite "
                + "votre rédaction à partir du texte en vigueur et enregistrez-la.\n\n"
                + conflicts.map(\.french).joined(separator: "\n\n")
        case .uncommittedEdits(let draft):
            return "La copie de travail du projet \(draft) contient des modifications non enregistrées ; rien n'a été "
                + "fait. Pour les garder, \(wording.remedy(.commitDraft(draft: draft))) ; pour les abandonner, "
                + "\(wording.remedy(.restoreDraft(draft: draft))) ; puis recommencez."
        case .unsavedWork(let draft, let deleting, let work):
            return "La copie de travail du projet \(draft) contient des modifications non enregistrées, que "
                + (deleting ? "la suppression du projet" : "sa restauration") + " perdrait : \(work.french). Rien n'a été fait. "
                + "Pour les garder, \(wording.remedy(.commitDraft(draft: draft))) ; pour les abandonner, "
                + "\(wording.remedy(.discardWorkingCopy(draft: draft, deleting: deleting)))."
        case .mergedTextInvalid(let draft, let problems):
            let list = problems.prefix(20).map { "  " + $0.description }.joined(separator: "\n")
            return "La mise à jour du projet \(draft) donnerait un texte invalide (par exemple deux articles insérés "
                + "au même endroit des deux côtés, dont la numérotation se heurte) ; rien n'a été enregistré. "
                + "Renumérotez les éléments insérés par le projet en tenant compte du texte en vigueur ; "
                + "\(wording.remedy(.commitDraft(draft: draft))), puis recommencez :\n" + list
        case .wIdChanged(let draft, let changes):
            return "Le projet \(draft) change l'identifiant stable (wId) d'éléments existants ; un wId ne change jamais "
                + "(l'historique et les commentaires le suivent). Rien n'a été enregistré. Remettez le wId d'origine :\n"
                + changes.map { "  " + $0.french }.joined(separator: "\n")
        case .remote(let url, let reason):
            return "Échange impossible avec le dépôt distant « \(url) » : \(reason). Vérifiez l'adresse et le réseau ; "
                + "si le dépôt distant a reçu d'autres écritures, \(wording.remedy(.pullRemote))."
        case .pushRejected(let url, let references):
            let list = references.keys.sorted().map { "  \($0) : \(references[$0] ?? "")" }.joined(separator: "\n")
            return "Le dépôt distant « \(url) » a refusé ces références ; il contient des écritures que ce registre "
                + "n'a pas : \(wording.remedy(.pullRemote)), puis \(wording.remedy(.pushRemote)) :\n" + list
        case .mergeConflict(let url, let conflicts):
            return "\(conflicts.count) conflit(s) avec « \(url) » : les deux côtés ont modifié différemment les mêmes "
                + "éléments. Rien n'a été modifié dans ce registre. Accordez-vous sur une version et, d'un côté, "
                + "\(wording.remedy(.commitDraft(draft: "<projet>"))) ; puis recommencez.\n\n"
                + conflicts.map(\.french).joined(separator: "\n\n")
        case .tagDiverged(let name, let local, let remote):
            return "L'étiquette \(name) désigne la version \(local.abbreviated) ici et \(remote.abbreviated) sur le dépôt "
                + "distant : une version publiée a été déplacée d'un côté. Rien n'a été modifié ; \(wording.remedy(.verifyRegister))."
        case .mergeNeedsAuthor(let branch):
            return "La branche \(branch) a divergé : la réunir demande un commit de fusion signé. Indiquez "
                + "\(InputField.person.label)\(wording.pointing(at: [.person]))."
        case .remoteContentRefused(let url, let branch, let reason):
            return "La branche \(branch) de « \(url) » contient un texte refusé ; rien n'a été modifié dans ce registre. "
                + "Signalez-le à qui a écrit sur le dépôt distant. Détail : \(reason)"
        case .passwordInAddress(let url):
            return "L'adresse « \(url) » contient un mot de passe : refusée, pour qu'il ne soit jamais enregistré dans le "
                + "registre ni visible dans la liste des processus. Donnez l'adresse sans « nom:motdepasse@ » et fournissez "
                + "le secret par la variable d'environnement \(RemoteCredentials.tokenVariable) (jeton) ou "
                + "\(RemoteCredentials.userVariable) et \(RemoteCredentials.passwordVariable), ou par un assistant "
                + "d'identification git (credential.helper)."
        case .credentialsRefused(let host, let transport, let tried):
            let sources = tried.isEmpty ? "" : " (essayé : \(tried.joined(separator: ", ")))"
            if transport == .ssh {
                return "Identifiants refusés par \(host) : aucune clé SSH proposée n'a été acceptée\(sources). Rien n'a été "
                    + "modifié. Chargez votre clé dans l'agent SSH (ssh-add), ou indiquez le fichier de clé privée par "
                    + "\(RemoteCredentials.sshKeyVariable) (et sa phrase de passe, si elle en a une, par "
                    + "\(RemoteCredentials.sshPassphraseVariable)), et vérifiez que sa clé publique est déclarée sur la forge "
                    + "pour le bon utilisateur (celui de l'adresse, par exemple git@…)."
            }
            return "Identifiants refusés par \(host)\(sources). Rien n'a été modifié. Vérifiez-les (jeton expiré ou "
                + "sans droit d'écriture ?) ; définissez \(RemoteCredentials.tokenVariable) (ou "
                + "\(RemoteCredentials.userVariable) et \(RemoteCredentials.passwordVariable)) ou un assistant "
                + "d'identification git (credential.helper)."
        case .noCredentials(let host, let transport):
            if transport == .ssh {
                return "\(host) demande une clé SSH et aucune n'est disponible : pas d'agent SSH (SSH_AUTH_SOCK), pas de "
                    + "\(RemoteCredentials.sshKeyVariable) ni de ~/.ssh/id_ed25519, id_ecdsa ou id_rsa. Rien n'a été modifié."
            }
            return "\(host) demande des identifiants et aucun n'est disponible. Rien n'a été modifié. Définissez "
                + "\(RemoteCredentials.tokenVariable) (jeton d'accès de la forge) ou \(RemoteCredentials.userVariable) et "
                + "\(RemoteCredentials.passwordVariable), ou un assistant d'identification git (credential.helper) ; "
                + "jamais dans l'adresse ni sur la ligne de commande."
        case .hostKeyRefused(let host, let name, let keyType, let fingerprint, let knownHosts, let problem):
            let scan = "ssh-keyscan -t \(keyType.hasPrefix("ssh-") ? String(keyType.dropFirst(4)) : keyType)"
                + (name.hasPrefix("[") ? " -p \(name.split(separator: ":").last ?? "")" : "")
                + " \(name.hasPrefix("[") ? String(name.dropFirst().prefix(while: { $0 != "]" })) : name) >> \(knownHosts)"
            switch problem {
            case .unknown, .otherTypeKnown:
                let other: String
                if case .otherTypeKnown(let recorded) = problem {
                    other = " (seules des clés de type \(recorded.joined(separator: ", ")) y sont enregistrées)"
                } else {
                    other = ""
                }
                return "Le serveur SSH \(host) est inconnu : sa clé d'hôte \(keyType) \(fingerprint) n'est pas dans "
                    + "\(knownHosts)\(other). Connexion refusée, rien n'a été modifié. Vérifiez cette empreinte auprès "
                    + "de l'administrateur de la forge, puis ajoutez la clé : « \(scan) », ou connectez-vous une fois "
                    + "avec ssh et acceptez-la."
            case .changed:
                return "ATTENTION : la clé d'hôte du serveur SSH \(host) a changé ! Elle est maintenant \(keyType) "
                    + "\(fingerprint), différente de celle enregistrée dans \(knownHosts). Quelqu'un peut s'interposer "
                    + "entre vous et la forge. Connexion refusée, rien n'a été modifié. Ne continuez qu'après avoir "
                    + "vérifié auprès de l'administrateur de la forge que la clé a bien été changée ; retirez alors "
                    + "l'ancienne (ssh-keygen -R \"\(name)\" -f \(knownHosts)) et ajoutez la nouvelle."
            case .revoked:
                return "La clé d'hôte \(keyType) \(fingerprint) du serveur SSH \(host) est révoquée dans \(knownHosts). "
                    + "Connexion refusée, rien n'a été modifié ; prévenez l'administrateur de la forge."
            }
        case .certificateRefused(let host, let reason):
            return "Le certificat HTTPS de \(host) n'est pas valide (\(reason)). Connexion refusée, rien n'a été "
                + "modifié. Vérifiez l'adresse ; si la forge utilise une autorité de certification interne, "
                + "installez-la dans le magasin de certificats du système."
        case .remoteUnreachable(let url, let host, let reason):
            return "Forge injoignable : \(host) ne répond pas (\(reason)) pour « \(url) ». Rien n'a été modifié. "
                + "Vérifiez l'adresse, le réseau (proxy, pare-feu) et que la forge est en service, puis recommencez."
        case .invalidKey(let source, let reason):
            return "Clé SSH refusée (\(source)) : \(reason)."
        case .signing(let reason):
            return "Signature SSH impossible : \(reason)."
        case .noRemote:
            return "Aucun dépôt distant indiqué ni enregistré (origin) : donnez son adresse (chemin, git://, http(s)://, ssh://)."
        }
    }

    public var errorDescription: String? { description }
}
