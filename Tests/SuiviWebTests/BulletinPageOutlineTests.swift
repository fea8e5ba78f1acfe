import Foundation
import HummingbirdTesting
import Testing
@testable import SuiviWeb

@Suite("Bulletin page outline")
struct BulletinPageOutlineTests {
    @Test("the /bulletin page has one h1 (the bulletin's title) and its headings never skip a level")
    func headingsNest() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/bulletin").text
            let regex = try NSRegularExpression(pattern: #"<h([1-6])[\s>]"#)
            let levels = regex.matches(in: page, range: NSRange(page.startIndex..., in: page)).compactMap { match in
                Range(match.range(at: 1), in: page).flatMap { Int(page[$0]) }
            }
            #expect(levels.first == 1, "\(levels)")
            #expect(levels.filter { $0 == 1 }.count == 1, "\(levels)")
            for (previous, level) in zip(levels, levels.dropFirst()) {
                #expect(level <= previous + 1, "h\(previous) followed by h\(level): \(levels)")
            }
        }
    }
}
