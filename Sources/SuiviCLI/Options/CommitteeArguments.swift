import ArgumentParser
import Committee

// The committee's French values (seat categories, review steps, event kinds, opinions) as arguments.
extension SeatCategory: ExpressibleByArgument {}
extension ReviewStatus: ExpressibleByArgument {}
extension EventKind: ExpressibleByArgument {}
extension Opinion: ExpressibleByArgument {}
