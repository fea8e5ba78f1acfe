import Foundation

/// The place whose calendar says what day it is for the texts: they are signed, published and brought into
/// force in Paris, so "today" and a time shown to a user are Paris's, whatever the machine's time zone.
public enum LegalTimeZone: Sendable, Hashable {
    /// Europe/Paris (CET/CEST).
    case paris

    /// The Foundation time zone.
    public var timeZone: TimeZone {
        switch self {
        // Every tz database has Europe/Paris; the fixed offset is only a last resort that keeps the day right
        // outside the summer-time switch.
        case .paris: return TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3600) ?? .current
        }
    }

    /// A Gregorian calendar in this zone.
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The hour and minute in this zone at `instant`.
    public func timeOfDay(_ instant: Date) -> (hour: Int, minute: Int) {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return (parts.hour ?? 0, parts.minute ?? 0)
    }
}

extension LegalDate {
    /// The calendar day in `zone` at the instant `now` (the machine's clock by default; tests pass a fixed one).
    public static func today(in zone: LegalTimeZone = .paris, now: Date = Date()) -> LegalDate {
        let parts = zone.calendar.dateComponents([.year, .month, .day], from: now)
        // A Gregorian calendar always gives the three components of a day between years 1 and 9999.
        return LegalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LegalDate(year: 1970, month: 1, day: 1)!
    }
}
