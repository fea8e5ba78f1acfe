/// One thing `suivi verify` found wrong in a managed repository.
public struct VerificationFinding: Sendable, Hashable, Codable {
    /// What kind of problem: tampering with history, or an inconsistency of the content.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An adopted version does not read or does not validate.
        case invalidVersion
        /// A tag does not designate what its message or the committee's records say.
        case tagMismatch
        /// A record (position, comment, review) names a commit the repository does not hold.
        case missingCommit
        /// A committee record cannot be read.
        case unreadableRecord
        /// A committee record holds a character XML cannot hold (it is read without it; `suivi committee repair`).
        case forbiddenCharacter
        /// A tag recorded at the last verification now designates another object.
        case tagMoved
        /// A tag recorded at the last verification is gone.
        case tagDeleted
        /// A branch tip recorded at the last verification is no longer in the branch's history.
        case historyRewritten
        /// The main branch recorded at the last verification is gone.
        case branchDeleted
        /// A commit is unsigned while the roster (before it) records keys.
        case unsignedRecord
        /// A commit's signature does not verify (another commit's, altered content).
        case invalidSignature
        /// A commit is signed by a key the roster (before it) does not record, or by the server without naming
        /// the member it acted for.
        case unknownSigningKey
        /// A commit writes for a seat its signer's member did not hold on the commit's date.
        case seatNotHeld
        /// A chair's action (review stages, adoption, roster…) not signed by the chair's member (nor by the server
        /// for the chair's member).
        case chairNotSigned

        /// Whether the finding means history was rewritten since the last verification.
        public var isTampering: Bool {
            switch self {
            case .tagMoved, .tagDeleted, .historyRewritten, .branchDeleted: return true
            case .invalidVersion, .tagMismatch, .missingCommit, .unreadableRecord, .forbiddenCharacter: return false
            case .unsignedRecord, .invalidSignature, .unknownSigningKey, .seatNotHeld, .chairNotSigned: return false
            }
        }
    }

    public let kind: Kind
    /// The tag, branch, record or version concerned.
    public let subject: String
    /// What is wrong, in French, with what changed.
    public let message: String

    public init(kind: Kind, subject: String, message: String) {
        self.kind = kind
        self.subject = subject
        self.message = message
    }
}

/// What `suivi verify` checked and found.
public struct VerificationReport: Sendable, Hashable, Codable {
    /// The adopted versions (tags) read and validated.
    public let versionsChecked: [String]
    /// Positions, comments and reviews whose commits were looked up.
    public let recordsChecked: Int
    public let findings: [VerificationFinding]
    /// When the previous verification was recorded (`nil`: first verification of this repository).
    public let previousVerification: String?
    /// Whether the tags and branch tips seen now were recorded for the next verification (only when no
    /// tampering was found, so that a rewrite keeps being reported).
    public let recorded: Bool

    public var isClean: Bool { findings.isEmpty }
    public var tampering: [VerificationFinding] { findings.filter(\.kind.isTampering) }
}
