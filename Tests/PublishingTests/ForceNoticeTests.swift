import Committee
import LegalText
import Register
import Testing
@testable import Publishing

/// Issue 20: what a reader is told at the top of a page whose text is not the text in force.
@Suite("Notice on texts not in force")
struct ForceNoticeTests {
    static func id(_ digit: Character) -> ObjectID { ObjectID(hex: String(repeating: digit, count: 40))! }

    static func adopted(_ name: String, _ commit: ObjectID, entry: String) throws -> VersionInfo {
        var record = VersionRecord(document: try Corpus.read("2017-01-05"))
        record.entryIntoForce = day(entry)
        return VersionInfo(name: name, kind: .adopted, commit: commit, record: record, draftDate: nil, summary: name)
    }

    static let draft = VersionInfo(name: "draft/r", kind: .draft, commit: id("c"), record: nil, draftDate: day("2026-11-01"), summary: "")

    static func review(_ status: ReviewStatus, consulted: String?, adopted: String? = nil) -> Review {
        Review(id: "r", kind: .periodic, work: "AFSP1638149A", status: status, opened: day("2026-01-01"), due: nil, event: nil,
               subject: "", draftBranch: "draft/r", consultedCommit: consulted, adoptedVersion: adopted)
    }

    @Test("the text in force has no notice; an adopted version still to come says when; a replaced one says which is in force")
    func adoptedVersions() throws {
        let old = try Self.adopted("v2017", Self.id("a"), entry: "2017-01-23")
        let new = try Self.adopted("v2026", Self.id("b"), entry: "2027-01-01")
        let versions = [old, new, Self.draft]
        let before = day("2026-11-24"), after = day("2027-02-01")
        #expect(ForceNotice.of(commit: old.commit, label: "v2017", versions: versions, inForce: old, reviews: [], today: before) == nil)
        let coming = ForceNotice.of(commit: new.commit, label: "v2026", versions: versions, inForce: old, reviews: [], today: before)
        #expect(coming == .notYetInForce(version: "v2026", entryIntoForce: day("2027-01-01")))
        #expect(coming?.french.contains("entrera en vigueur le 1er janvier 2027") == true)
        #expect(ForceNotice.of(commit: old.commit, label: "v2017", versions: versions, inForce: new, reviews: [], today: after)
            == .noLongerInForce(version: "v2017", inForce: "v2026"))
        #expect(ForceNotice.upcoming(among: versions, today: before).map(\.name) == ["v2026"])
        #expect(ForceNotice.upcoming(among: versions, today: day("2027-01-01")).isEmpty, "in force from its entry date")
    }

    @Test("a draft says whether the committee is consulted on it; any other state of the text is not in force either")
    func drafts() throws {
        let old = try Self.adopted("v2017", Self.id("a"), entry: "2017-01-23")
        let versions = [old, Self.draft]
        let today = day("2026-11-24")
        let consulted = ForceNotice.of(commit: Self.draft.commit, label: "draft/r", versions: versions, inForce: old,
                                       reviews: [Self.review(.consultation, consulted: Self.draft.commit.hex)], today: today)
        #expect(consulted == .consultedDraft(label: "draft/r"))
        #expect(consulted?.french.hasPrefix("Projet soumis à la consultation du comité — non en vigueur") == true)
        #expect(ForceNotice.of(commit: Self.draft.commit, label: "draft/r", versions: versions, inForce: old,
                               reviews: [Self.review(.drafting, consulted: nil)], today: today) == .draft(label: "draft/r", adoptedAs: nil))
        // Consulted on an earlier commit: the draft's tip is not what the committee is consulted on.
        #expect(ForceNotice.of(commit: Self.draft.commit, label: "draft/r", versions: versions, inForce: old,
                               reviews: [Self.review(.consultation, consulted: Self.id("d").hex)], today: today)
            == .draft(label: "draft/r", adoptedAs: nil))
        #expect(ForceNotice.of(commit: Self.id("e"), label: "eeeeeee", versions: versions, inForce: old, reviews: [], today: today)
            == .workingState(label: "eeeeeee"))
    }
}
