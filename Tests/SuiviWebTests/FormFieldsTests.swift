import Testing
@testable import SuiviWeb

@Suite("Form bodies")
struct FormFieldsTests {
    @Test("a urlencoded body decodes + as a space and %XX as UTF-8; the first of repeated fields wins")
    func decoding() {
        let form = FormFields(urlEncoded: "texte=Pr%C3%A9ciser+la+dur%C3%A9e+%3Cb%3E&eid=art_3&eid=art_4&vide=&seul")
        #expect(form["texte"] == "Préciser la durée <b>")
        #expect(form["eid"] == "art_3")
        #expect(form["vide"] == "")
        #expect(form.text("vide") == nil)
        #expect(form["seul"] == "")
        #expect(form["absent"] == nil)
    }

    @Test("tokens compare equal only when identical")
    func tokens() {
        #expect(CSRFMiddleware.equal("abc", "abc"))
        #expect(!CSRFMiddleware.equal("abc", "abd"))
        #expect(!CSRFMiddleware.equal("abc", "abcd"))
        #expect(Session.randomToken() != Session.randomToken())
        #expect(Session.randomToken().count == 64)
    }

    @Test("the login form only sends back to a page of this site")
    func safeBack() {
        #expect(AuthController.safeBack("/revisions/x") == "/revisions/x")
        #expect(AuthController.safeBack("//ailleurs.example") == "/revisions")
        #expect(AuthController.safeBack("https://ailleurs.example/") == "/revisions")
        #expect(AuthController.safeBack("/\\\\ailleurs.example") == "/revisions")
        #expect(AuthController.safeBack(nil) == "/revisions")
    }
}
