import Foundation

/// The public address of the site that links in feeds and exports point to: `http` or `https`, a host, an optional
/// port and path; never credentials, a query or a fragment. Given by whoever runs suivi (`exporter flux --adresse`,
/// `web --adresse-publique`), never taken from a request: a visitor's `Host` header must not choose where the
/// feed's links lead.
public struct SiteAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address without a trailing slash (`https://suivi.sante.gouv.fr`, `http://127.0.0.1:8080/suivi`).
    public let description: String

    /// Why an address is refused, in French.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init(parsing text: String) throws(Refusal) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " }) else {
            throw Refusal(description: "adresse « \(text) » refusée : elle contient des espaces ou des caractères de contrôle.")
        }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else {
            throw Refusal(description: "adresse « \(text) » refusée : seules les adresses http:// ou https:// sont acceptées "
                + "(par exemple https://suivi.sante.gouv.fr).")
        }
        guard let host = components.host, !host.isEmpty else {
            throw Refusal(description: "adresse « \(text) » refusée : il manque le nom du site (https://nom-du-site).")
        }
        guard components.user == nil, components.password == nil else {
            throw Refusal(description: "adresse « \(text) » refusée : elle ne doit contenir ni identifiant ni mot de passe.")
        }
        guard components.query == nil, components.fragment == nil else {
            throw Refusal(description: "adresse « \(text) » refusée : sans « ? » ni « # » (l'adresse de base du site seulement).")
        }
        var normalized = trimmed
        while normalized.hasSuffix("/") { normalized.removeLast() }
        description = normalized
    }
}
