import ArgumentParser
import Foundation
import LegalText

/// `--aujourdhui`: the day the deadlines are computed for.
struct TodayOption: ParsableArguments {
    @Option(name: .customLong("aujourdhui"),
            help: ArgumentHelp("Date du jour (AAAA-MM-JJ) pour les échéances et les enregistrements ; par défaut la date du système.",
                               valueName: "date"))
    var today: String?

    func date() throws -> LegalDate {
        if let today {
            guard let date = LegalDate(iso: today) else { throw ValidationError("--aujourdhui « \(today) » : écrivez la date AAAA-MM-JJ.") }
            return date
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day,
              let date = LegalDate(year: year, month: month, day: day) else { throw ValidationError("date du système illisible.") }
        return date
    }
}

/// Parses a date option.
func legalDate(_ text: String, option: String) throws -> LegalDate {
    guard let date = LegalDate(iso: text) else { throw ValidationError("\(option) « \(text) » : écrivez la date AAAA-MM-JJ.") }
    return date
}
