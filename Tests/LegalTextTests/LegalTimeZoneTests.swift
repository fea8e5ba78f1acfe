import Foundation
import LegalText
import Testing

@Suite("Today in Paris")
struct LegalTimeZoneTests {
    /// An instant given in UTC.
    func instant(_ iso: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: iso))
    }

    @Test("today is Paris's calendar day, not UTC's: the day changes at midnight in Paris, winter and summer",
          arguments: [("2026-12-31T22:59:59Z", "2026-12-31"), ("2026-12-31T23:00:00Z", "2027-01-01"),
                      ("2026-06-30T21:59:59Z", "2026-06-30"), ("2026-06-30T22:00:00Z", "2026-07-01"),
                      ("2026-03-29T01:30:00Z", "2026-03-29"), ("2026-10-25T23:30:00Z", "2026-10-26")])
    func today(utc: String, paris: String) throws {
        #expect(LegalDate.today(in: .paris, now: try instant(utc)).iso == paris)
    }

    @Test("a time shown to a user is Paris's wall-clock time")
    func timeOfDay() throws {
        let winter = LegalTimeZone.paris.timeOfDay(try instant("2026-01-15T09:48:00Z"))
        #expect(winter.hour == 10 && winter.minute == 48)
        let summer = LegalTimeZone.paris.timeOfDay(try instant("2026-07-15T09:05:00Z"))
        #expect(summer.hour == 11 && summer.minute == 5)
    }
}
