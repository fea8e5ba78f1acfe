import CGit2
import Crypto
import Foundation

/// One connection's dealings with a remote, reached by libgit2's callbacks through their payload pointer:
/// which identifiers were offered (each source once: when the forge refuses them all, the next request fails
/// instead of looping), the host key check against known_hosts, the references a push saw refused, and the
/// failure a callback decided (it says more than libgit2's message).
///
/// Used on the store's thread only, within the synchronous libgit2 call that runs the callbacks.
final class RemoteSession {
    let address: RemoteAddress
    let credentials: RemoteCredentials
    /// The repository's own configuration file, where a credential helper may be named too.
    let repositoryConfiguration: String?

    /// Where the identifiers offered so far came from, in order (never the secrets).
    private(set) var tried: [String] = []
    /// A failure a callback decided; it wins over libgit2's message.
    private(set) var failure: RegisterError?
    /// The references a push saw refused, full name → reason.
    var refusedReferences: [String: String] = [:]
    /// Whether an HTTPS certificate was found invalid by libgit2's own checks.
    private var certificateInvalid = false

    private var environmentPasswords: [PasswordCredential]?
    private var helperCommands: [String]?
    private var useHttpPath = false
    private var offeredPasswords: [PasswordCredential] = []
    private var sshOffers: [SSHOffer]?
    /// The last key file offered (named when libssh2 cannot read it).
    private var offeredKeyFile: URL?

    private enum SSHOffer {
        case agent
        case keyFile(URL)
    }

    init(address: RemoteAddress, credentials: RemoteCredentials, repositoryConfiguration: String? = nil) {
        self.address = address
        self.credentials = credentials
        self.repositoryConfiguration = repositoryConfiguration
    }

    /// Fills the callbacks of a `git_remote_callbacks` with this session's (the caller keeps the session alive
    /// during the call).
    func install(in callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, _, usernameFromURL, allowedTypes, payload in
            guard let out, let payload else { return GIT_EUSER.rawValue }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            return session.credential(out, usernameFromURL: swiftString(usernameFromURL), allowed: allowedTypes)
        }
        callbacks.certificate_check = { cert, valid, host, payload in
            guard let cert, let payload else { return GIT_EUSER.rawValue }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            return session.checkCertificate(cert, valid: valid != 0, host: swiftString(host))
        }
        callbacks.push_update_reference = { name, status, payload in
            guard let status, let payload, let name = swiftString(name) else { return 0 }
            Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().refusedReferences[name] =
                swiftString(status) ?? "refusée"
            return 0
        }
    }

    // MARK: Credentials

    /// libgit2 asks for identifiers (again after a refusal): the next source, or a failure once none is left.
    private func credential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, usernameFromURL: String?,
                            allowed: UInt32) -> Int32
    {
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
            return git_credential_username_new(out, credentials.sshUser(for: address))
        }
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            let user = usernameFromURL ?? credentials.sshUser(for: address)
            guard let offer = nextSSHOffer() else { return exhausted(.ssh) }
            switch offer {
            case .agent:
                tried.append("l'agent SSH")
                return git_credential_ssh_key_from_agent(out, user)
            case .keyFile(let file):
                guard FileManager.default.isReadableFile(atPath: file.path) else {
                    failure = .invalidKey(source: file.path, reason: "fichier introuvable ou illisible ; vérifiez "
                                          + "\(RemoteCredentials.sshKeyVariable) (chemin de la clé privée, pas du .pub)")
                    git_error_set_str(Int32(GIT_ERROR_SSH.rawValue), "key file not readable")
                    return GIT_EAUTH.rawValue
                }
                tried.append("la clé \(file.path)")
                offeredKeyFile = file
                let publicKey = file.path + ".pub"
                return git_credential_ssh_key_new(out, user,
                                                  FileManager.default.fileExists(atPath: publicKey) ? publicKey : nil,
                                                  file.path, credentials.sshPassphrase)
            }
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 {
            guard let offer = nextPassword() else { return exhausted(address.transport) }
            tried.append(offer.source)
            offeredPasswords.append(offer)
            return git_credential_userpass_plaintext_new(out, offer.user, offer.password)
        }
        return exhausted(address.transport)
    }

    /// The environment's pairs, then each credential helper's answer (asked only when needed), skipping one
    /// already refused.
    private func nextPassword() -> PasswordCredential? {
        if environmentPasswords == nil { environmentPasswords = credentials.environmentPasswords(for: address) }
        if let first = environmentPasswords?.first {
            environmentPasswords?.removeFirst()
            return first
        }
        let helpers = GitCredentialHelpers(credentials: credentials, address: address,
                                           repositoryConfiguration: repositoryConfiguration)
        if helperCommands == nil { (helperCommands, useHttpPath) = helpers.helpers() }
        while let command = helperCommands?.first {
            helperCommands?.removeFirst()
            if let offer = helpers.ask(command, useHttpPath: useHttpPath),
               !offeredPasswords.contains(where: { $0.user == offer.user && $0.password == offer.password }) {
                return offer
            }
        }
        return nil
    }

    private func nextSSHOffer() -> SSHOffer? {
        if sshOffers == nil {
            sshOffers = (credentials.hasAgent ? [.agent] : []) + credentials.sshKeyFiles.map { .keyFile($0) }
        }
        guard let first = sshOffers?.first else { return nil }
        sshOffers?.removeFirst()
        return first
    }

    /// No source left: the forge refused every one offered, or there was none.
    private func exhausted(_ transport: RemoteAddress.Transport) -> Int32 {
        let host = address.hostDescription
        failure = tried.isEmpty ? .noCredentials(host: host, transport: transport)
            : .credentialsRefused(host: host, transport: transport, tried: tried)
        git_error_set_str(Int32(GIT_ERROR_CALLBACK.rawValue), "no credentials left to offer")
        return GIT_EAUTH.rawValue
    }

    // MARK: Host keys and certificates

    /// An SSH host key must be recorded in known_hosts for the host; an HTTPS certificate keeps libgit2's own
    /// verdict (an invalid one is refused).
    private func checkCertificate(_ cert: UnsafeMutablePointer<git_cert>, valid: Bool, host: String?) -> Int32 {
        guard cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else {
            if !valid { certificateInvalid = true }
            return GIT_PASSTHROUGH.rawValue
        }
        let hostkey = UnsafeRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
        let knownHosts = KnownHosts(files: credentials.knownHostsFiles)
        let name = address.host == nil ? (host ?? "") : address.knownHostsName
        let verdict: KnownHosts.Verdict
        let keyType: String
        let sha256: Data
        if hostkey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostkey.hostkey, hostkey.hostkey_len > 0 {
            let key = Data(bytes: raw, count: hostkey.hostkey_len)
            verdict = knownHosts.verdict(name: name, key: key)
            keyType = KnownHosts.keyType(of: key)
            sha256 = Data(SHA256.hash(data: key))
        } else if hostkey.type.rawValue & GIT_CERT_SSH_SHA256.rawValue != 0 {
            sha256 = withUnsafeBytes(of: hostkey.hash_sha256) { Data($0) }
            verdict = knownHosts.verdict(name: name, sha256: sha256)
            keyType = "?"
        } else {
            failure = .hostKeyRefused(host: address.hostDescription, name: name, keyType: "?", fingerprint: "?",
                                      knownHosts: credentials.knownHostsFile.path, problem: .unknown)
            git_error_set_str(Int32(GIT_ERROR_SSH.rawValue), "host key not available")
            return GIT_ECERTIFICATE.rawValue
        }
        let problem: HostKeyProblem
        switch verdict {
        case .trusted: return 0
        case .unknown: problem = .unknown
        case .otherTypeKnown(let recorded): problem = .otherTypeKnown(recorded: recorded)
        case .changed: problem = .changed
        case .revoked: problem = .revoked
        }
        failure = .hostKeyRefused(host: address.hostDescription, name: name, keyType: keyType,
                                  fingerprint: KnownHosts.fingerprint(sha256: sha256),
                                  knownHosts: credentials.knownHostsFile.path, problem: problem)
        git_error_set_str(Int32(GIT_ERROR_SSH.rawValue), "host key refused")
        return GIT_ECERTIFICATE.rawValue
    }

    // MARK: Failures

    /// The error for a failed libgit2 call of this connection (returning `code`): what a callback decided,
    /// else refused identifiers, an invalid certificate, an unreachable forge, or libgit2's reason.
    func error(code: Int32) -> RegisterError {
        let klass = git_error_last().map { Int($0.pointee.klass) }
        var reason = lastGitErrorMessage()
        while reason.hasSuffix(".") { reason.removeLast() }
        if let failure { return failure }
        let host = address.hostDescription
        if address.transport == .ssh, code == GIT_ECERTIFICATE.rawValue {
            // libgit2's own known_hosts check (not reached while this session's callback answers).
            return .hostKeyRefused(host: host, name: address.knownHostsName, keyType: "?", fingerprint: "?",
                                   knownHosts: credentials.knownHostsFile.path, problem: .unknown)
        }
        if code == GIT_ECERTIFICATE.rawValue || certificateInvalid {
            return .certificateRefused(host: host, reason: reason)
        }
        let lowered = reason.lowercased()
        if code == GIT_EAUTH.rawValue || (!tried.isEmpty && (lowered.contains(" 401") || lowered.contains(" 403"))) {
            return tried.isEmpty ? .noCredentials(host: host, transport: address.transport)
                : .credentialsRefused(host: host, transport: address.transport, tried: tried)
        }
        if address.transport == .ssh, let key = offeredKeyFile, lowered.contains("private key") {
            return .invalidKey(source: key.path, reason: "libssh2 ne peut pas la lire (\(reason)) ; si elle est protégée "
                + "par une phrase de passe, donnez-la dans \(RemoteCredentials.sshPassphraseVariable) ou chargez la clé dans "
                + "l'agent SSH (ssh-add) ; sinon convertissez-la au format OpenSSH (ssh-keygen -p -f \(key.path))")
        }
        let unreachable = ["failed to connect", "failed to resolve", "connection refused", "timed out", "no route to host",
                           "network is unreachable", "name or service not known", "could not resolve"]
        if address.isNetwork, klass == Int(GIT_ERROR_NET.rawValue) || klass == Int(GIT_ERROR_OS.rawValue) || klass == Int(GIT_ERROR_SSH.rawValue),
           unreachable.contains(where: lowered.contains) {
            return .remoteUnreachable(url: address.redacted, host: host, reason: reason)
        }
        return .remote(url: address.redacted, reason: reason)
    }
}
