import Testing
@testable import Publishing

@Suite("Markdown of the exports")
struct MarkdownFlowRendererTests {
    @Test("bold and italic spans keep their spaces outside the markers, so that Markdown reads them as bold and italic")
    func markersHugTheWords() {
        #expect(MarkdownFlowRenderer.spans([.strong("Alinéa modifié "), .text("(voir)")]) == "**Alinéa modifié** (voir)")
        #expect(MarkdownFlowRenderer.spans([.text("a"), .emphasis(" note ")]) == "a *note* ")
        #expect(MarkdownFlowRenderer.spans([.strong("Article 3")]) == "**Article 3**")
        #expect(MarkdownFlowRenderer.spans([.strong(" ")]) == " ")
    }
}
