import ArgumentParser
import LegalText

/// The rules `suivi validate --profil` holds files to.
enum ProfileChoice: String, CaseIterable, ExpressibleByArgument {
    /// The suivi profile (docs/FORMAT.md), the rule of the register's texts.
    case suivi
    /// Any Akoma Ntoso 3.0 document: what the schema requires, as far as suivi checks it.
    case akn

    var profile: DocumentProfile {
        switch self {
        case .suivi: return .suivi
        case .akn: return .akn
        }
    }
}
