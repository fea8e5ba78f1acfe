import Committee
import LegalText
import Register

/// The clauses citing documentary references, named as a lawyer would in the text in force (« Annexe II,
/// section A, alinéa 8 »: ``Designation/label``), for the committee's dashboard and the event that opens the
/// assessment of stale references.
public enum CitingClauseNames {
    /// The name of every clause of `references` that the text in force on `today` holds (by its eId there); a
    /// clause missing from that text, or with no designation, has no name.
    public static func names(of references: [StaleReference], register: TextRegister, on today: LegalDate) async -> [CitingClause: String] {
        var designationsByWork: [String: [String: Designation]] = [:]
        var result: [CitingClause: String] = [:]
        for clause in references.flatMap(\.clauses) {
            guard let eId = clause.eId else { continue }
            if designationsByWork[clause.work] == nil {
                if let commit = try? await register.resolve(.inForce(today), work: clause.work),
                   let document = try? await register.document(at: commit, work: clause.work) {
                    designationsByWork[clause.work] = Designation.byEId(in: document)
                } else {
                    designationsByWork[clause.work] = [:]
                }
            }
            if let designation = designationsByWork[clause.work]?[eId] { result[clause] = designation.label }
        }
        return result
    }
}
