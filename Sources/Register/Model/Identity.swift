/// Who wrote a commit or a tag: a name and an e-mail, as git records them.
public struct Identity: Sendable, Hashable, Codable {
    public let name: String
    public let email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}
