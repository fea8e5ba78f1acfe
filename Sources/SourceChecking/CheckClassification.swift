import Committee
import LegalText

/// The rules that turn what a fetch found into a check's outcome, without the network:
/// - no answer (timeout, unknown name, refused connection or TLS handshake, refused address, too many redirects)
///   → unreachable;
/// - 404 or 410 → gone;
/// - 5xx, or any other status that is not a success (401, 403, 429…: the public cannot read it) → unreachable;
/// - a success (2xx) reached through a permanent redirect (301, 308) to another address → moved (to the final
///   address); a success otherwise, temporary redirects (302, 303, 307) included → reachable.
public enum CheckClassification {
    public static func outcome(of result: FetchResult) -> CheckOutcome {
        if result.failure != nil { return .unreachable }
        guard let status = result.status else { return .unreachable }
        switch status {
        case 404, 410: return .gone
        case 200...299:
            let movedPermanently = result.redirects.contains(where: \.isPermanent) && result.finalAddress != result.requested
            return movedPermanently ? .moved : .reachable
        default: return .unreachable
        }
    }

    /// The note of the check, in French: what the server answered and what it means.
    public static func note(of result: FetchResult) -> String {
        var parts: [String] = []
        if let failure = result.failure { parts.append(failure.label) }
        if let status = result.status {
            parts.append("\(result.method ?? "GET") \(result.finalAddress) : HTTP \(status)" + (statusMeaning(status).map { " (\($0))" } ?? ""))
        }
        if !result.redirects.isEmpty {
            let hops = result.redirects.map { "\($0.status) → \($0.to)" }.joined(separator: ", ")
            parts.append("redirections : \(hops)")
        }
        if outcome(of: result) == .moved { parts.append("nouvelle adresse : \(result.finalAddress)") }
        if result.bodyCut { parts.append("lecture du contenu arrêtée après \(result.bodyBytes) octets") }
        return parts.joined(separator: " ; ")
    }

    /// The check `author` records for `result` on `today`.
    public static func check(of result: FetchResult, by author: String, on today: LegalDate) -> ReferenceCheck {
        ReferenceCheck(date: today, person: author, outcome: outcome(of: result), note: note(of: result), method: .automatic,
                       httpStatus: result.status, finalAddress: result.status == nil ? nil : result.finalAddress,
                       redirects: result.redirects)
    }

    /// Whether a HEAD answer is kept, or the address is asked again with GET: HEAD is kept when it answers a
    /// success or a redirect; anything else (405, 501, but also servers that answer HEAD with 403 or 404 while
    /// GET works) is asked again with GET, whose answer decides.
    public static func keepsHeadAnswer(_ status: Int) -> Bool { (200...399).contains(status) }

    /// Whether `status` is a redirect to follow (with its `Location`).
    public static func isRedirect(_ status: Int) -> Bool { [301, 302, 303, 307, 308].contains(status) }

    static func statusMeaning(_ status: Int) -> String? {
        switch status {
        case 200...299: return "succès"
        case 404: return "page introuvable"
        case 410: return "page supprimée"
        case 401, 403: return "accès refusé"
        case 429: return "trop de requêtes"
        case 500...599: return "erreur du serveur"
        default: return nil
        }
    }
}
