import Register
import Testing

@Suite("Reading a person written « Prénom Nom <courriel> »")
struct IdentityParsingTests {
    @Test("a name and an address are read, trimmed, whatever the spaces around them",
          arguments: [("Camille Martin <camille.martin@sante.gouv.fr>", "Camille Martin", "camille.martin@sante.gouv.fr"),
                      ("  Présidence du comité   <presidence@example.org>  ", "Présidence du comité", "presidence@example.org"),
                      ("Ély N'Diaye-Müller <e@x.fr>", "Ély N'Diaye-Müller", "e@x.fr")])
    func reads(text: String, name: String, email: String) throws {
        let person = try Identity(parsing: text)
        #expect(person == Identity(name: name, email: email))
    }

    @Test("a text that names no one is refused with the reason",
          arguments: [("Camille Martin", IdentityProblem.missingAddress),
                      ("<camille@example.org>", .emptyName),
                      ("   <camille@example.org>", .emptyName),
                      ("Camille Martin <>", .invalidAddress),
                      ("Camille Martin <camille>", .invalidAddress),
                      ("Camille Martin <camille martin@example.org>", .invalidAddress),
                      ("Camille\nMartin <camille@example.org>", .controlCharacter),
                      ("Camille Martin <camille@example.org>\n", .controlCharacter),
                      ("Camille\tMartin <camille@example.org>", .controlCharacter),
                      ("Camille Martin <camille@example.org> en retard", .misplacedBracket),
                      ("Camille <Martin> <camille@example.org>", .misplacedBracket),
                      ("Camille Martin camille@example.org>", .misplacedBracket)])
    func refuses(text: String, problem: IdentityProblem) {
        #expect(throws: RegisterError.invalidPerson(text: text, problem: problem)) { try Identity(parsing: text) }
    }

    @Test("the refusal says in French what is wrong and how to write a person, without the control character")
    func message() {
        let error = RegisterError.invalidPerson(text: "Camille\nMartin", problem: .controlCharacter)
        #expect(error.description.contains("caractère de contrôle"))
        #expect(error.description.contains("Prénom Nom <courriel>"))
        #expect(!error.description.contains("\n"))
        #expect(RegisterError.invalidPerson(text: "Camille Martin", problem: .missingAddress).description.contains("le courriel manque"))
        #expect(RegisterError.invalidPerson(text: "<c@x.fr>", problem: .emptyName).description.contains("le nom manque"))
    }
}
