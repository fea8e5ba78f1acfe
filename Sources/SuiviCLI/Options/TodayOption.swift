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
        return LegalDate.today(in: .paris)
    }
}

/// Parses a date option.
func legalDate(_ text: String, option: String) throws -> LegalDate {
    guard let date = LegalDate(iso: text) else { throw ValidationError("\(option) « \(text) » : écrivez la date AAAA-MM-JJ.") }
    return date
}
