/// A calendar date of the legal world (signature, publication, entry into force), with no time zone.
///
/// Legal dates are kept apart from commit dates: git cannot represent dates before 1970 or far-future
/// sentinels such as the 2999-01-01 "no end date" of Légifrance data.
public struct LegalDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date if the components form a real calendar day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LegalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`, and nothing else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    /// The date as a French reader writes it: "5 janvier 2017", "1er mai 2021".
    public var french: String {
        let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                      "septembre", "octobre", "novembre", "décembre"]
        return "\(day == 1 ? "1er" : String(day)) \(months[month - 1]) \(year)"
    }

    public static func < (lhs: LegalDate, rhs: LegalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The date `days` days later (or earlier, when negative), in the proleptic Gregorian calendar.
    public func adding(days: Int) -> LegalDate {
        var (year, month, day) = (self.year, self.month, self.day + days)
        while day > LegalDate.daysIn(month: month, year: year) {
            day -= LegalDate.daysIn(month: month, year: year)
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        while day < 1 {
            month -= 1
            if month < 1 { month = 12; year -= 1 }
            day += LegalDate.daysIn(month: month, year: year)
        }
        return LegalDate(year: year, month: month, day: day) ?? self
    }

    /// Encoded as its ISO form, `"2017-01-23"`, as JSON readers expect a date.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LegalDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "date AAAA-MM-JJ attendue : « \(text) »")
        }
        self = date
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
