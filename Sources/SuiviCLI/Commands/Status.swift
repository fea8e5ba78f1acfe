import ArgumentParser
import Committee
import Foundation
import LegalText
import Publishing
import Register

extension Suivi {
    /// `suivi etat`: the committee's dashboard.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "etat",
            abstract: "Tableau de bord du comité : textes en retard de révision, révisions en cours, échéances, positions, commentaires.",
            discussion: """
            Une révision périodique est due au plus tard trois ans après la dernière adoption (date de signature) \
            ou la dernière révision achevée ; au-delà, le texte est signalé EN RETARD avec le retard.
              suivi etat
              suivi etat --aujourdhui 2027-06-01 --format json
            Les références documentaires de l'annexe II jamais vérifiées, vérifiées depuis plus de \
            --periode-verification-mois mois (12 par défaut), ou trouvées déplacées, disparues ou périmées à leur \
            dernière vérification sont listées avec les clauses du texte en vigueur qui les citent.
            """)

        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption
        @Option(name: .customLong("periode-verification-mois"),
                help: "Période au-delà de laquelle une référence documentaire doit être vérifiée à nouveau, en mois (12 par défaut).")
        var referenceMonths: Int = ReferenceFreshness.defaultMonths

        func run() async throws {
            let registry = try register.openForReading()
            let committee = Committee(register: registry)
            let day = try today.date()
            let months = referenceMonths
            let status = try await committeeCall { () async throws(CommitteeError) in
                try await committee.status(today: day, freshness: try ReferenceFreshness.checked(months: months))
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-etat", status))
            case .text:
                let names = await CitingClauseNames.names(of: status.staleReferences, register: registry, on: day)
                print(Self.render(status, clauseNames: names))
            }
        }

        /// The dashboard in French; `clauseNames` names the clauses citing stale references as a lawyer does
        /// (``CitingClauseNames``), their eId in parentheses.
        static func render(_ status: CommitteeStatus, clauseNames: [CitingClause: String] = [:]) -> String {
            var lines = ["Tableau de bord du comité de suivi au \(status.today.french)", ""]
            if !status.damagedRecords.isEmpty {
                lines.append("ATTENTION : enregistrements du comité contenant des caractères interdits en XML (lus sans eux) :")
                lines += status.damagedRecords.flatMap(\.lines).map { "  \($0)" }
                lines += ["  Réparez-les : suivi comite reparer --auteur \"Prénom Nom <courriel>\"", ""]
            }
            lines.append("Textes")
            if status.texts.isEmpty { lines.append("  aucun texte dans le registre") }
            for text in status.texts {
                let version = text.lastVersion.map { "\($0) (signée le \(text.lastAdoption?.french ?? "—"))" } ?? "aucune version adoptée"
                lines.append("  \(text.work) — dernière version adoptée : \(version)")
                if let review = text.lastReview, let date = text.lastReviewDate {
                    lines.append("    dernière révision achevée : \(review), le \(date.french)")
                } else {
                    lines.append("    dernière révision achevée : aucune")
                }
                guard let due = text.due else { continue }
                if text.overdue {
                    lines.append("    révision périodique due le \(due.french) : EN RETARD de \(text.delay ?? "") (\(text.overdueDays) jours)")
                } else {
                    lines.append("    prochaine révision périodique due au plus tard le \(due.french)")
                }
            }
            lines += ["", "Révisions en cours"]
            if status.openReviews.isEmpty { lines.append("  aucune") }
            for review in status.openReviews {
                var line = "  \(review.id) (\(review.kind.label), \(review.work)) : \(review.status.label)"
                if let due = review.due { line += " ; échéance \(due.french)\(review.overdue ? " (dépassée)" : "")" }
                lines.append(line)
                if let branch = review.draftBranch { lines.append("    projet : \(branch)\(review.draftTip.map { " (\($0.prefix(12)))" } ?? "")") }
                if review.status == .consultation {
                    lines.append("    consultation sur le commit \(review.consultedCommit.map { String($0.prefix(12)) } ?? "—")"
                                 + (review.draftChangedSinceConsultation ? " — le projet a changé depuis : adoption impossible sans nouvelle consultation" : ""))
                    for position in review.positions {
                        let stale = review.isStale(position) ? " [périmée : porte sur un projet antérieur]" : ""
                        lines.append("    position \(position.seat) : \(position.opinion.label)\(stale) — \(position.reason)")
                    }
                    lines.append("    sièges sans position : \(review.seatsWithoutPosition.isEmpty ? "aucun" : review.seatsWithoutPosition.joined(separator: ", "))")
                }
                lines.append("    commentaires non résolus : \(review.unresolvedComments)")
            }
            lines += ["", "Événements en cours d'évaluation"]
            if status.eventsUnderAssessment.isEmpty { lines.append("  aucun") }
            for event in status.eventsUnderAssessment {
                lines.append("  \(event.id) (\(event.kind.label), \(event.date.french)) : décision attendue au plus tard le "
                             + "\(event.deadline.french)\(event.overdue ? " — ÉCHÉANCE DÉPASSÉE" : "")")
                lines.append("    \(event.summary)")
            }
            lines += ["", "Références documentaires à vérifier (annexe II, vérification tous les \(status.referenceCheckMonths) mois)"]
            if status.staleReferences.isEmpty { lines.append("  aucune") }
            for reference in status.staleReferences {
                lines.append("  \(reference.id) : \(reference.publisher) — \(reference.title) (\(reference.kind.label)) : \(reference.reasonLabel)"
                             + (reference.lastCheckedBy.map { ", par \($0)" } ?? ""))
                if let address = reference.address { lines.append("    adresse : \(address)") }
                let cited = reference.clauses.map { clause in
                    guard let eId = clause.eId else { return "\(clause.wId) (absente du texte en vigueur)" }
                    let identifier = eId == clause.wId ? eId : "\(eId), wId \(clause.wId)"
                    guard let name = clauseNames[clause] else { return eId == clause.wId ? eId : "\(eId) (wId \(clause.wId))" }
                    return "\(name) (\(identifier))"
                }
                lines.append("    citée par : \(cited.isEmpty ? "aucune clause" : cited.joined(separator: " ; "))")
            }
            lines += ["", "Synthèses à réviser (date de révision passée)"]
            if status.overdueSyntheses.isEmpty { lines.append("  aucune") }
            for synthesis in status.overdueSyntheses {
                lines.append("  \(synthesis.id) : \(synthesis.title) — à réviser au plus tard le \(synthesis.reviewBy.french) : "
                             + "EN RETARD de \(synthesis.overdueDays) jour\(synthesis.overdueDays > 1 ? "s" : "")")
            }
            return lines.joined(separator: "\n")
        }
    }
}
