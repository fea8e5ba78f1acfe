import Foundation

/// What a member had typed in a committee form when their session ended (it expired, or the server restarted):
/// the form's action and its text fields, carried through the login page and kept in the new session, so that the
/// page they were on shows the text again, to check and send. Nothing is ever written from it: the member sends the
/// form again, with the new session's token.
public struct KeptForm: Sendable, Hashable {
    /// The form's action, a member route (`/revisions/<id>/commentaires`).
    public let action: String
    /// The kept fields, among ``keptNames``.
    public let fields: [String: String]

    /// The fields worth keeping: what a member types or chooses in the comment and position forms.
    static let keptNames = ["texte", "eid", "reponse_a", "avis", "motif"]
    /// The prefix of the kept fields in the login form.
    static let prefix = "garde_"
    /// The action field of the login form.
    static let actionField = "garde_action"

    /// The member routes whose forms are kept: comments and positions (the chair's steps are not replayed).
    static func isKeptAction(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return parts.count == 3 && parts[0] == "revisions" && ["commentaires", "position"].contains(parts[2])
    }

    /// The form posted to `action`, from its fields (nil when the route is not one whose text is kept, or nothing
    /// was typed).
    init?(action: String, form: FormFields) {
        guard let normalized = ReturnPath.normalized(action), Self.isKeptAction(normalized) else { return nil }
        var fields: [String: String] = [:]
        for name in Self.keptNames { if let value = form[name], !value.isEmpty { fields[name] = value } }
        guard fields["texte"] != nil || fields["motif"] != nil || fields["avis"] != nil else { return nil }
        self.action = normalized
        self.fields = fields
    }

    /// The same form from the hidden fields of the login form (`garde_action`, `garde_texte`, …).
    init?(loginForm form: FormFields) {
        guard let action = form[Self.actionField] else { return nil }
        var fields = FormFields()
        for name in Self.keptNames { if let value = form[Self.prefix + name] { fields.set(name, value) } }
        self.init(action: action, form: fields)
    }

    /// The same form as a session's file kept it (``SessionFolder``); nil when it is no longer a kept form.
    init?(stored action: String, fields stored: [String: String]) {
        var fields = FormFields()
        for name in Self.keptNames { if let value = stored[name] { fields.set(name, value) } }
        self.init(action: action, form: fields)
    }

    /// The page the form was on: the review (`/revisions/<id>`).
    var page: String {
        String(action[..<(action.lastIndex(of: "/") ?? action.endIndex)])
    }

    /// The hidden fields that carry it through the login form.
    var hiddenFields: [(name: String, value: String)] {
        [(Self.actionField, action)] + Self.keptNames.compactMap { name in fields[name].map { (Self.prefix + name, $0) } }
    }
}
