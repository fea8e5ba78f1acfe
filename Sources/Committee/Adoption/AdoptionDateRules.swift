import Foundation
import LegalText
import Register

/// What is wrong with the dates an adoption gives a draft (docs/COMMITTEE.md, "Adoption").
public enum AdoptionDateProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The entry into force is before the signature.
    case entryBeforeSignature(signature: LegalDate, entry: LegalDate)
    /// The publication is before the signature.
    case publicationBeforeSignature(signature: LegalDate, publication: LegalDate)
    /// The entry into force is before the publication (a text is not in force before it is published).
    case entryBeforePublication(publication: LegalDate, entry: LegalDate)
    /// The signature is not later than the last adopted version's (the draft's base, or a version adopted since).
    case signatureNotAfterLastVersion(signature: LegalDate, version: String, versionSignature: LegalDate)
    /// The signature is further ahead than ``AdoptionDateRules/confirmableDays`` and the user did not confirm it.
    case futureSignatureNotConfirmed(signature: LegalDate, today: LegalDate)
    /// A date is further ahead than ``AdoptionDateRules/maximumYears``: refused even when confirmed.
    case implausibleDate(field: String, date: LegalDate, today: LegalDate)

    /// Whether an explicit confirmation of the user lifts the problem.
    public var isConfirmable: Bool {
        if case .futureSignatureNotConfirmed = self { return true }
        return false
    }

    public var description: String { description(.neutral) }

    /// The problem, with the confirmation field as `wording` points at it.
    public func description(_ wording: ErrorWording) -> String {
        switch self {
        case .entryBeforeSignature(let signature, let entry):
            return "l'entrée en vigueur (\(entry.french)) précède la signature (\(signature.french))"
        case .publicationBeforeSignature(let signature, let publication):
            return "la publication (\(publication.french)) précède la signature (\(signature.french))"
        case .entryBeforePublication(let publication, let entry):
            return "l'entrée en vigueur (\(entry.french)) précède la publication (\(publication.french))"
        case .signatureNotAfterLastVersion(let signature, let version, let versionSignature):
            return "la signature (\(signature.french)) n'est pas postérieure à celle de la version \(version) "
                + "(\(versionSignature.french)), sur laquelle le projet s'appuie ou qui a été adoptée depuis"
        case .futureSignatureNotConfirmed(let signature, let today):
            return "la signature (\(signature.french)) est à plus de \(AdoptionDateRules.confirmableDays) jours d'aujourd'hui "
                + "(\(today.french)) : vérifiez l'année ; si cette date est bien voulue, confirmez-la explicitement"
                + wording.pointing(at: [.futureSignatureConfirmation])
        case .implausibleDate(let field, let date, let today):
            return "\(field) (\(date.french)) est à plus de \(AdoptionDateRules.maximumYears) ans d'aujourd'hui (\(today.french)) : "
                + "date impossible, même confirmée ; vérifiez l'année"
        }
    }
}

/// The rules on an adoption's legal dates, checked against each other, against today and against the adopted
/// versions before any write: signature ≤ publication ≤ entry into force (signature ≤ entry into force without a
/// publication), the signature later than the last adopted version's (hence than the draft's base), and not more
/// than ``confirmableDays`` ahead of today unless the user confirms it, never more than ``maximumYears`` ahead.
public enum AdoptionDateRules {
    /// How far ahead of today a signature may be without an explicit confirmation (a recording made ahead of a
    /// signature planned within the month).
    public static let confirmableDays = 31
    /// How far ahead of today any adoption date may be at all, even confirmed.
    public static let maximumYears = 5

    /// Every problem of `dates` (empty when they are acceptable).
    /// - Parameters:
    ///   - lastVersion: the last adopted version of the text (tag and signature date), if any.
    ///   - futureConfirmed: whether the user confirmed a signature further ahead than ``confirmableDays``.
    public static func problems(of dates: AdoptionDates, today: LegalDate, lastVersion: (tag: String, signature: LegalDate)?,
                                futureConfirmed: Bool) -> [AdoptionDateProblem] {
        var problems: [AdoptionDateProblem] = []
        let limit = today.adding(months: 12 * maximumYears)
        for (field, date) in [("la signature", Optional(dates.signature)), ("la publication", dates.publication),
                              ("l'entrée en vigueur", Optional(dates.entryIntoForce))] {
            if let date, date > limit { problems.append(.implausibleDate(field: field, date: date, today: today)) }
        }
        if dates.entryIntoForce < dates.signature {
            problems.append(.entryBeforeSignature(signature: dates.signature, entry: dates.entryIntoForce))
        }
        if let publication = dates.publication {
            if publication < dates.signature {
                problems.append(.publicationBeforeSignature(signature: dates.signature, publication: publication))
            }
            if dates.entryIntoForce < publication {
                problems.append(.entryBeforePublication(publication: publication, entry: dates.entryIntoForce))
            }
        }
        if let lastVersion, dates.signature <= lastVersion.signature {
            problems.append(.signatureNotAfterLastVersion(signature: dates.signature, version: lastVersion.tag,
                                                          versionSignature: lastVersion.signature))
        }
        if !futureConfirmed, dates.signature > today.adding(days: confirmableDays), dates.signature <= limit {
            problems.append(.futureSignatureNotConfirmed(signature: dates.signature, today: today))
        }
        return problems
    }
}
