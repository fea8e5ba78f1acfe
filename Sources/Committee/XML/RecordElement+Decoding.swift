import LegalText

extension RecordElement {
    /// A required, non-empty attribute.
    func required(_ attribute: String, in file: String) throws(CommitteeError) -> String {
        guard let value = attributes[attribute], !value.isEmpty else {
            throw .invalidRecord(path: file, line: line, reason: "attribut « \(attribute) » absent de <\(name)>")
        }
        return value
    }

    /// An optional attribute; an empty value counts as absent.
    func optional(_ attribute: String) -> String? {
        guard let value = attributes[attribute], !value.isEmpty else { return nil }
        return value
    }

    /// A required date attribute (`YYYY-MM-DD`).
    func date(_ attribute: String, in file: String) throws(CommitteeError) -> LegalDate {
        let value = try required(attribute, in: file)
        guard let date = LegalDate(iso: value) else {
            throw .invalidRecord(path: file, line: line, reason: "date « \(value) » invalide pour « \(attribute) » (AAAA-MM-JJ)")
        }
        return date
    }

    /// An optional date attribute.
    func optionalDate(_ attribute: String, in file: String) throws(CommitteeError) -> LegalDate? {
        guard attributes[attribute] != nil else { return nil }
        return try date(attribute, in: file)
    }

    /// A required attribute holding one of an enumeration's raw values.
    func value<T: RawRepresentable & CaseIterable>(_ attribute: String, as type: T.Type, in file: String)
        throws(CommitteeError) -> T where T.RawValue == String {
        let raw = try required(attribute, in: file)
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidRecord(path: file, line: line, reason: "valeur « \(raw) » invalide pour « \(attribute) » (attendu : \(allowed))")
        }
        return value
    }
}

extension LegalDate {
    /// Days since 0000-03-01 (proleptic Gregorian), for differences between dates.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        let era = y / 400
        let yoe = y - era * 400
        let doy = (153 * m + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: LegalDate) -> Int { other.dayNumber - dayNumber }

    /// The same day `months` months later; a day missing in the target month becomes that month's
    /// last day (31 August + 6 months = 28 or 29 February; 29 February 2020 + 36 months = 28 February 2023).
    public func adding(months: Int) -> LegalDate {
        let total = year * 12 + (month - 1) + months
        let targetYear = total / 12
        let targetMonth = total % 12 + 1
        var targetDay = day
        while LegalDate(year: targetYear, month: targetMonth, day: targetDay) == nil && targetDay > 28 { targetDay -= 1 }
        return LegalDate(year: targetYear, month: targetMonth, day: targetDay) ?? self
    }

    /// Whole years, months and remaining days from `self` to a later `other`.
    public func elapsed(until other: LegalDate) -> (years: Int, months: Int, days: Int) {
        guard self < other else { return (0, 0, 0) }
        var months = (other.year - year) * 12 + (other.month - month)
        if adding(months: months) > other { months -= 1 }
        let days = adding(months: months).days(until: other)
        return (months / 12, months % 12, days)
    }
}

/// "6 ans, 10 mois et 19 jours", "1 an", "3 jours".
func frenchDuration(_ elapsed: (years: Int, months: Int, days: Int)) -> String {
    var parts: [String] = []
    if elapsed.years > 0 { parts.append("\(elapsed.years) an\(elapsed.years > 1 ? "s" : "")") }
    if elapsed.months > 0 { parts.append("\(elapsed.months) mois") }
    if elapsed.days > 0 || parts.isEmpty { parts.append("\(elapsed.days) jour\(elapsed.days > 1 ? "s" : "")") }
    guard parts.count > 1 else { return parts[0] }
    return parts.dropLast().joined(separator: ", ") + " et " + parts[parts.count - 1]
}
