import HummingbirdTesting

extension Browser {
    /// POSTs a step of the chair the way the browser does it: the review page's form, then the confirmation page's
    /// (when the first answer is that page; any other answer is returned as it is).
    @discardableResult
    mutating func postConfirmed(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let first = try await post(uri, fields)
        guard first.status == .ok, let key = Self.field("confirme", in: first.text) else { return first }
        if let token = Self.csrf(in: first.text) { csrf = token }
        return try await post(uri, fields + [("confirme", key)])
    }

    /// The value of hidden field `name` in a page.
    static func field(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}
