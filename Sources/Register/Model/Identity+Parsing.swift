import Foundation

/// Why a text does not name a person as `Prénom Nom <courriel>`.
public enum IdentityProblem: String, Error, Sendable, Hashable, Codable {
    /// No `<courriel>` part.
    case missingAddress
    /// Nothing before `<`.
    case emptyName
    /// The part between `<` and `>` is empty or is not an e-mail address (no `@`, spaces, `<`).
    case invalidAddress
    /// A control character (line break, tabulation, NUL…): git would write a broken signature.
    case controlCharacter
    /// Text after the closing `>`, or a `<`/`>` in the name.
    case misplacedBracket

    /// What is wrong, in French.
    public var french: String {
        switch self {
        case .missingAddress: return "le courriel manque (entre < et >)"
        case .emptyName: return "le nom manque avant le courriel"
        case .invalidAddress: return "le courriel entre < et > n'est pas une adresse (une seule, avec @, sans espace)"
        case .controlCharacter: return "il contient un caractère de contrôle (saut de ligne, tabulation…)"
        case .misplacedBracket: return "les signes < et > n'entourent que le courriel, à la fin"
        }
    }
}

extension Identity {
    /// Reads a person written `Prénom Nom <courriel>` (as git writes an author): the name is what comes before
    /// `<`, trimmed; the address is what is between `<` and `>`, which end the text.
    /// - Throws: ``RegisterError/invalidPerson(text:problem:)`` when the text names no one.
    public init(parsing text: String) throws(RegisterError) {
        switch Self.parts(of: text) {
        case .success(let parts): self.init(name: parts.name, email: parts.email)
        case .failure(let problem): throw .invalidPerson(text: text, problem: problem)
        }
    }

    /// The name and address `text` gives, or what prevents it from naming a person.
    static func parts(of text: String) -> Result<(name: String, email: String), IdentityProblem> {
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .failure(.controlCharacter) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let open = trimmed.firstIndex(of: "<") else {
            return .failure(trimmed.contains(">") ? .misplacedBracket : .missingAddress)
        }
        guard trimmed.last == ">", trimmed.filter({ $0 == "<" }).count == 1, trimmed.filter({ $0 == ">" }).count == 1 else {
            return .failure(.misplacedBracket)
        }
        let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        let email = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        guard !name.isEmpty else { return .failure(.emptyName) }
        guard email.contains("@"), !email.contains(where: \.isWhitespace), !email.hasPrefix("@"), !email.hasSuffix("@") else {
            return .failure(.invalidAddress)
        }
        return .success((name, email))
    }
}
