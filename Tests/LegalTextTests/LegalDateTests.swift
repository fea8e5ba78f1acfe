import Foundation
import LegalText
import Testing

@Suite("Legal dates")
struct LegalDateTests {
    @Test("a legal date is written in JSON as its ISO form and read back")
    func json() throws {
        let date = try #require(LegalDate(iso: "2017-01-23"))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2017-01-23"]"#)
        #expect(try JSONDecoder().decode([LegalDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([LegalDate].self, from: Data(#"["2017-02-30"]"#.utf8)) }
    }

    @Test("adding days crosses months, years and leap days")
    func adding() throws {
        #expect(LegalDate(iso: "2020-02-28")?.adding(days: 1).iso == "2020-02-29")
        #expect(LegalDate(iso: "2020-12-31")?.adding(days: 1).iso == "2021-01-01")
        #expect(LegalDate(iso: "2021-03-01")?.adding(days: -1).iso == "2021-02-28")
        #expect(LegalDate(iso: "2017-01-05")?.adding(days: 7 * 52).iso == "2018-01-04")
    }
}
