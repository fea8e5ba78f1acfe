/// Why an SSH server's host key was refused, as known_hosts says it.
public enum HostKeyProblem: Sendable, Hashable {
    /// No key is recorded for the host.
    case unknown
    /// Keys of other types are recorded for the host, not one of the type it presented.
    case otherTypeKnown(recorded: [String])
    /// Another key of the same type is recorded: the key changed, or someone stands between this machine and the forge.
    case changed
    /// The key is marked `@revoked`.
    case revoked
}
