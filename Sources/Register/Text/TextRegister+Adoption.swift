import Foundation
import LegalText

/// The legal dates an adoption gives a draft.
public struct AdoptionDates: Sendable, Hashable, Codable {
    public var signature: LegalDate
    public var entryIntoForce: LegalDate
    public var publication: LegalDate?
    /// The publication reference (`Journal officiel n°… du …`), shown with the publication date.
    public var publicationReference: String?

    public init(signature: LegalDate, entryIntoForce: LegalDate, publication: LegalDate? = nil,
                publicationReference: String? = nil) {
        self.signature = signature
        self.entryIntoForce = entryIntoForce
        self.publication = publication
        self.publicationReference = publicationReference
    }
}

/// What an adoption wrote.
public struct AdoptionOutcome: Sendable, Hashable, Codable {
    /// The new commit on `main`.
    public let commit: ObjectID
    /// The new version's tag (`v<signature date>`).
    public let tag: String
    public let record: VersionRecord
}

extension TextRegister {
    /// The text of draft commit `draftCommit` made an adopted version: its lifecycle gets the signature,
    /// publication and entry-into-force dates and its expression URI is the text's at its entry into force
    /// (``VersionMetadata/adopted(_:dates:)``), it is validated, written on `main` as one commit (with
    /// `extraChanges`, for instance the committee's record of the adoption) dated at the signature, and
    /// tagged `v<signature>`.
    ///
    /// Nothing is written when the draft is not based on the text in force at `expectedMain` (its text changed
    /// since the draft's base: ``RegisterError/draftOutOfDate(draft:base:versions:changes:)``, bring the draft up to
    /// date with ``updateDraft(_:author:)``), when the text does not validate, when the signature is not later than the last
    /// adopted version's, or when `main` is not at `expectedMain` (someone else wrote first).
    public func adoptDraft(
        at draftCommit: ObjectID, work: String, dates: AdoptionDates, message: String, author: Identity,
        extraChanges: [String: Data?] = [:], expectedMain: ObjectID
    ) async throws(RegisterError) -> AdoptionOutcome {
        // A draft built on an older text in force would write over what was adopted since.
        try await checkUpToDate(draftCommit, work: work, main: expectedMain)
        let document = VersionMetadata.adopted(try await document(at: draftCommit, work: work), dates: dates)

        // Validate the text exactly as it will be stored.
        let path = RegisterLayout.folder(work: work) + " (adoption)"
        let problems: [ValidationProblem]
        do {
            problems = LegalTextValidator.validate(try LegalTextReader.read(data: CanonicalWriter.data(document), file: path))
        } catch {
            throw .corruptText(path: path, reason: error.description)
        }
        guard problems.isEmpty else { throw .invalidDocuments(problems) }

        let record = VersionRecord(document: document)
        guard let tagName = record.tagName else { throw .noAdoptedVersion }
        if let existing = try await store.tagInfo(named: tagName) { throw .tagExists(name: tagName, target: existing.target) }
        if let latest = try await versions().last(where: { $0.kind == .adopted && $0.record?.work == work }),
           let latestSignature = latest.record?.signature, latestSignature >= dates.signature {
            throw .outOfOrder(version: tagName, latest: latest.name)
        }
        var changes = try await self.changes(toWrite: RegisterLayout.files(for: document), work: work, over: expectedMain)
        let textPaths = Array(changes.keys)
        changes.merge(extraChanges) { _, extra in extra }
        let commit = try await store.commit(changes: changes, message: message, author: author,
                                            date: Self.commitDate(dates.signature), expectedParent: expectedMain,
                                            signer: signer)
        ChangedPathsCache(gitDirectory: store.url).record(textPaths + extraChanges.keys, from: expectedMain, to: commit)
        try await store.tag(name: tagName, target: commit, message: record.message, tagger: author,
                            date: Self.commitDate(dates.signature))
        return AdoptionOutcome(commit: commit, tag: tagName, record: record)
    }
}
