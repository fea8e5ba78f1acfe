import LegalText
import Testing
@testable import Committee


@Suite("Review cadence")
struct CadenceTests {
    @Test("a periodic review is due three years after the last adoption")
    func threeYears() {
        #expect(Cadence.due(after: day("2017-01-05")) == day("2020-01-05"))
        #expect(Cadence.due(after: day("2026-12-31")) == day("2029-12-31"))
    }

    @Test("29 February plus three years is 28 February")
    func leapDay() {
        #expect(Cadence.due(after: day("2020-02-29")) == day("2023-02-28"))
        #expect(Cadence.due(after: day("2021-02-28")) == day("2024-02-28"))
        #expect(day("2020-02-29").adding(months: 48) == day("2024-02-29"))
    }

    @Test("the 2017 order is overdue since 5 January 2020")
    func overdue2017() {
        let cadence = TextCadence(work: "AFSP1638149A", lastVersion: "v2017-01-05", lastAdoption: day("2017-01-05"),
                                  lastReview: nil, lastReviewDate: nil, today: day("2026-11-24"))
        #expect(cadence.due == day("2020-01-05"))
        #expect(cadence.overdue)
        #expect(cadence.overdueDays == day("2020-01-05").days(until: day("2026-11-24")))
        #expect(cadence.delay == "6 ans, 10 mois et 19 jours")
    }

    @Test("on the due date a text is not yet overdue; the day after it is")
    func boundary() {
        let onDue = TextCadence(work: "W", lastVersion: nil, lastAdoption: day("2017-01-05"), lastReview: nil,
                                lastReviewDate: nil, today: day("2020-01-05"))
        #expect(!onDue.overdue)
        let after = TextCadence(work: "W", lastVersion: nil, lastAdoption: day("2017-01-05"), lastReview: nil,
                                lastReviewDate: nil, today: day("2020-01-06"))
        #expect(after.overdue && after.overdueDays == 1 && after.delay == "1 jour")
    }

    @Test("a completed review later than the adoption restarts the cadence")
    func completedReview() {
        let cadence = TextCadence(work: "W", lastVersion: "v2017-01-05", lastAdoption: day("2017-01-05"),
                                  lastReview: "r", lastReviewDate: day("2024-02-29"), today: day("2026-11-24"))
        #expect(cadence.anchor == day("2024-02-29"))
        #expect(cadence.due == day("2027-02-28"))
        #expect(!cadence.overdue)
    }

    @Test("day differences cross leap years")
    func dayCount() {
        #expect(day("2020-02-28").days(until: day("2020-03-01")) == 2)
        #expect(day("2019-02-28").days(until: day("2019-03-01")) == 1)
        #expect(day("2017-01-05").days(until: day("2020-01-05")) == 1095)
    }
}
