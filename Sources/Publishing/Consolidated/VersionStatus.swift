/// Where a version of the text stands: a draft, the draft the committee was consulted on, or adopted.
public enum VersionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case draft = "projet"
    case consulted = "consulte"
    case adopted = "adopte"

    /// The status as a French reader reads it.
    public var french: String {
        switch self {
        case .draft: return "projet (non soumis au comité)"
        case .consulted: return "projet soumis à la consultation du comité"
        case .adopted: return "version adoptée"
        }
    }
}
