import ArgumentParser
import Committee
import LegalText

/// `--siege <siège>` (always a seat) and the person acting for it (`--auteur`).
struct SeatOptions: ParsableArguments {
    @Option(name: .customLong("siege"),
            help: ArgumentHelp("Siège au nom duquel vous agissez (voir « suivi comite lister »), par exemple dgs.", valueName: "siege"))
    var seat: String

    @OptionGroup var person: AuthorOptions

    func acting() throws -> Acting {
        Acting(seat: seat, person: try person.explicit(), fallback: try person.environment())
    }
}

/// What every command acting for a seat takes: `--siege`, the register, `--aujourdhui` and `--format`.
struct ActingOptions: ParsableArguments {
    @OptionGroup var seat: SeatOptions
    @OptionGroup var register: RegisterOptions
    @OptionGroup var today: TodayOption
    @OptionGroup var format: FormatOption

    /// The seat and person acting, the day, and the committee of the register.
    func context() throws -> (acting: Acting, day: LegalDate, committee: Committee) {
        (try seat.acting(), try today.date(), Committee(register: try register.open()))
    }
}
