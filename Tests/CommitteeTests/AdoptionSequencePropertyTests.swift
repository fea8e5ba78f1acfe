import Foundation
import LegalText
import Register
import Testing
@testable import Committee
import SuiviSynthetic

/// Model-based property test of drafting and adoption: random sequences of draft starts, clause edits,
/// commits, updates and adoptions over several drafts, each step checked against a model in which the text
/// is a map from alinéa wId to its words and the law is the list of adopted versions in order.
///
/// After every step: the text in force on each adopted version's entry-into-force date is that version's
/// model text (so no adoption ever lost an earlier one's change), each draft's tip and working copy hold
/// the model's draft text, and a refused step changed no ref. At the end of each sequence, `git fsck
/// --strict` and `suivi verify`'s checks (``RegisterVerifier``) are clean.
@Suite("Drafting and adoption keep the law the model says", .serialized)
struct AdoptionSequencePropertyTests {
    /// The seeds run in `swift test`: a few hundred steps in all. A failure prints its seed and step;
    /// rerun one with `SUIVI_PROPERTY_SEED=<seed> swift test --filter AdoptionSequence`.
    static var seeds: [UInt64] {
        if let one = ProcessInfo.processInfo.environment["SUIVI_PROPERTY_SEED"].flatMap(UInt64.init) { return [one] }
        return [1, 2, 3, 4, 5, 6]
    }

    @Test("random drafting and adoption sequences never lose, revert or misstate an adopted change",
          arguments: seeds)
    func randomSequence(seed: UInt64) async throws {
        try await AdoptionSequence(seed: seed, steps: 60).run()
    }

    @Test("through the committee: reviews drafted, consulted, updated and adopted keep the law the model says",
          arguments: seeds)
    func committeeSequence(seed: UInt64) async throws {
        try await ReviewSequence(seed: seed, steps: 80).run()
    }
}

/// The model: what the law and each draft should say.
struct LawModel {
    typealias Text = [String: String]  // alinéa wId → its words

    struct Draft {
        var base: Text           // the text in force the draft was built on (or last brought up to date with)
        var committed: Text      // the draft branch's tip
        var working: Text        // the working copy
    }

    struct Adopted {
        let tag: String
        let entryIntoForce: LegalDate
        let text: Text
    }

    var inForce: Text
    var adopted: [Adopted]
    var drafts: [String: Draft] = [:]

    /// The part (file of the register) an alinéa is stored in: its article, annex section, or itself for an
    /// annex alinéa outside any section (the fixture's wIds are its original eIds).
    static func part(of wId: String) -> String {
        let steps = wId.components(separatedBy: "__")
        if steps[0].hasPrefix("annex_"), steps.count > 1, steps[1].hasPrefix("sec_") { return steps[0] + "__" + steps[1] }
        return steps[0].hasPrefix("annex_") ? wId : steps[0]
    }

    /// The three-way merge the register should make, part by part (each article or annex section a file);
    /// nil when a part changed differently on both sides (a conflict: the update must be refused).
    static func merge(base: Text, ours: Text, theirs: Text) -> Text? {
        var merged: Text = [:]
        let keys = Set(base.keys).union(ours.keys).union(theirs.keys)
        for part in Set(keys.map(part(of:))) {
            let inPart = keys.filter { Self.part(of: $0) == part }
            let b = base.filter { inPart.contains($0.key) }
            let o = ours.filter { inPart.contains($0.key) }
            let t = theirs.filter { inPart.contains($0.key) }
            let chosen: Text
            if o == t || t == b { chosen = o } else if o == b { chosen = t } else { return nil }
            merged.merge(chosen) { _, new in new }
        }
        return merged
    }
}

/// One random sequence against a fresh register.
struct AdoptionSequence {
    let seed: UInt64
    let steps: Int

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = packageRoot.appendingPathComponent("Tests/RegisterTests/Fixtures/small-act.xml")
    static let work = "TEST2000001A"
    static let author = Identity(name: "Rédaction", email: "redaction@example.org")

    func run() async throws {
        var random = SplitMix64(seed: seed)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-property-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = try await Self.smallActRegister(in: folder)

        let firstTag = try #require(try await register.versions().first { $0.kind == .adopted }?.name)
        let first = try await Self.text(of: register.document(at: firstTag, work: Self.work))
        var model = LawModel(inForce: first, adopted: [
            .init(tag: "TEST2000001A/v2020-03-02", entryIntoForce: LegalDate(iso: "2020-03-06")!, text: first),
        ])
        var log: [String] = []
        var nextDraft = 1
        var nextWords = 1
        var signature = LegalDate(iso: "2020-06-01")!
        var counts: [String: Int] = [:]

        for step in 0..<steps {
            let names = model.drafts.keys.sorted()
            let roll = random.below(100)
            let recent = log.suffix(12).joined(separator: "\n")
            let seed = self.seed
            @Sendable func context(_ action: String) -> String { "seed \(seed), step \(step): \(action)\n" + recent }
            if names.isEmpty || (roll < 12 && names.count < 3) {
                let name = "projet-\(nextDraft)"
                nextDraft += 1
                log.append("start \(name)")
                _ = try await register.startDraft(name)
                model.drafts[name] = .init(base: model.inForce, committed: model.inForce, working: model.inForce)
            } else if roll < 45 {
                let name = random.pick(names)
                let wId = random.pick(model.inForce.keys.sorted())
                let words = "Rédaction n° \(nextWords) de l'alinéa, selon \(name)."
                nextWords += 1
                log.append("edit \(name) \(wId)")
                try Self.edit(register.workingCopy(ofDraft: name), wId: wId, words: words)
                model.drafts[name]?.working[wId] = words
            } else if roll < 68 {
                let name = random.pick(names)
                log.append("commit \(name)")
                let draft = model.drafts[name]!
                let commit = try await register.commitDraft(name, message: "Étape \(step)", author: Self.author)
                if draft.working == draft.committed {
                    #expect(commit == nil, "\(context("a commit with nothing changed wrote a commit"))")
                }
                model.drafts[name]?.committed = draft.working
            } else if roll < 78 {
                let name = random.pick(names)
                let draft = model.drafts[name]!
                guard draft.working == draft.committed else { continue }  // updates start from a committed draft
                log.append("update \(name)")
                let before = try await Self.refs(register)
                let expected = LawModel.merge(base: draft.base, ours: draft.committed, theirs: model.inForce)
                let refusal = await Self.refusal { try await register.updateDraft(name, author: Self.author) }
                counts[refusal == nil ? "updates" : "refused updates", default: 0] += 1
                if let refusal {
                    #expect(expected == nil, "\(context("a clean update was refused: \(refusal)"))")
                    #expect(try await Self.refs(register) == before, "\(context("a refused update moved a ref"))")
                } else if let merged = expected {
                    model.drafts[name] = .init(base: model.inForce, committed: merged, working: merged)
                } else {
                    Issue.record("\(context("an update with a conflicting clause went through"))")
                    return
                }
            } else {
                let name = random.pick(names)
                let draft = model.drafts[name]!
                // Adoption takes a committed draft that changes something.
                guard draft.working == draft.committed, draft.committed != draft.base else { continue }
                let dates = AdoptionDates(signature: signature, entryIntoForce: signature.adding(days: 5))
                log.append("adopt \(name) on \(signature.iso)")
                let before = try await Self.refs(register)
                let main = try #require(try await register.gitStore.tip())
                let tip = try await register.resolve("draft/" + name)
                var tag: String?
                let refusal = await Self.refusal {
                    tag = try await register.adoptDraft(at: tip, work: Self.work, dates: dates, message: "Adoption de \(name)",
                                                        author: Self.author, expectedMain: main).tag
                }
                counts[refusal == nil ? "adoptions" : "refused adoptions", default: 0] += 1
                if let refusal {
                    #expect(draft.base != model.inForce, "\(context("an up-to-date draft's adoption was refused: \(refusal)"))")
                    #expect(try await Self.refs(register) == before, "\(context("a refused adoption moved a ref"))")
                } else if let tag {
                    #expect(draft.base == model.inForce,
                            "\(context("a draft built on an earlier text in force was adopted over the later one"))")
                    model.inForce = draft.committed
                    model.adopted.append(.init(tag: tag, entryIntoForce: dates.entryIntoForce, text: draft.committed))
                    model.drafts[name] = nil
                    signature = signature.adding(days: 10)
                }
            }
            try await check(register, model, context("checking"))
        }
        try await Self.finish(register, label: "seed \(seed)", steps: steps, counts: counts)
    }

    /// A register holding the small act's first version, in `folder`.
    static func smallActRegister(in folder: URL) async throws -> TextRegister {
        let versions = folder.appendingPathComponent("versions/2020-03-02")
        try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: versions.appendingPathComponent(work + ".xml"))
        let register = try TextRegister.create(at: folder.appendingPathComponent("registre"))
        _ = try await register.importVersions(from: folder.appendingPathComponent("versions").path, author: author)
        return register
    }

    /// The end of a sequence: its figures printed (README, docs/RELIABILITY.md), an adoption among them,
    /// `git fsck --strict` and `suivi verify`'s checks clean.
    static func finish(_ register: TextRegister, label: String, steps: Int, counts: [String: Int]) async throws {
        let figures = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print("reliability: property \(label): \(steps) steps, \(figures)")
        #expect((counts["adoptions"] ?? 0) > 0, "\(label): no adoption in the sequence (\(figures))")
        try await fsck(register, context: "\(label), end of sequence")
        let report = try await RegisterVerifier(register: register).verify()
        #expect(report.findings.isEmpty, "\(label): suivi verify found \(report.findings.map(\.message))")
    }

    /// Every adopted version is the text in force from its entry into force; every draft holds what the model says.
    private func check(_ register: TextRegister, _ model: LawModel, _ context: String) async throws {
        try await Self.checkLaw(register, adopted: model.adopted, tips: model.drafts.mapValues(\.committed), context)
        for (name, draft) in model.drafts {
            let copy = register.workingCopy(ofDraft: name).appendingPathComponent(Self.work + ".xml")
            let working = try Self.text(of: LegalTextReader.read(contentsOf: copy.path).document)
            #expect(working == draft.working, "\(context)\ndraft \(name) working copy: \(Self.difference(working, draft.working))")
        }
    }

    /// Each adopted version is the text in force from its entry into force; each draft tip holds `tips[name]`.
    static func checkLaw(_ register: TextRegister, adopted: [LawModel.Adopted], tips: [String: LawModel.Text],
                         _ context: String) async throws {
        for version in adopted {
            let inForce = try await register.versionInForce(on: version.entryIntoForce, work: work)
            #expect(inForce.name == version.tag, "\(context)\nin force on \(version.entryIntoForce.iso): \(inForce.name), expected \(version.tag)")
            let actual = Self.text(of: try await register.document(at: inForce.commit, work: work))
            #expect(actual == version.text, "\(context)\n\(version.tag) differs from the model: \(difference(actual, version.text))")
        }
        for (name, expected) in tips {
            let tip = Self.text(of: try await register.document(at: "draft/" + name, work: work))
            #expect(tip == expected, "\(context)\ndraft \(name) tip: \(difference(tip, expected))")
        }
    }

    static func difference(_ actual: LawModel.Text, _ expected: LawModel.Text) -> String {
        Set(actual.keys).union(expected.keys).sorted().filter { actual[$0] != expected[$0] }
            .map { "\($0): « \(actual[$0] ?? "—") » instead of « \(expected[$0] ?? "—") »" }.joined(separator: "; ")
    }

    /// The words of every leaf clause of the body and annexes that has content, by wId.
    static func text(of document: LegalDocument) -> LawModel.Text {
        var text: LawModel.Text = [:]
        for clause in document.body.flatMap(\.flattened) + document.annexes.flatMap({ $0.clauses.flatMap(\.flattened) })
        where !clause.content.isEmpty && clause.children.isEmpty {
            text[clause.wId] = clause.content.filter { !$0.isEditorialNote }.map(\.plainText).joined(separator: "\n")
        }
        return text
    }

    /// Rewrites the words of alinéa `wId` in the working copy (its first block; editorial notes kept).
    static func edit(_ workingCopy: URL, wId: String, words: String) throws {
        let file = workingCopy.appendingPathComponent(work + ".xml")
        var document = try LegalTextReader.read(contentsOf: file.path).document
        func rewrite(_ clause: inout Clause) -> Bool {
            if clause.wId == wId {
                let notes = clause.content.filter(\.isEditorialNote)
                clause.content = [Block(text: words)] + notes
                return true
            }
            for index in clause.children.indices where rewrite(&clause.children[index]) { return true }
            return false
        }
        var done = false
        for index in document.body.indices where !done { done = rewrite(&document.body[index]) }
        for annex in document.annexes.indices where !done {
            for index in document.annexes[annex].clauses.indices where !done { done = rewrite(&document.annexes[annex].clauses[index]) }
        }
        precondition(done, "no clause \(wId) in the working copy")
        try CanonicalWriter.data(document).write(to: file, options: .atomic)
    }

    /// The error `body` threw, or nil when it succeeded.
    static func refusal(_ body: () async throws -> Void) async -> (any Error)? {
        do {
            try await body()
            return nil
        } catch {
            return error
        }
    }

    static func refs(_ register: TextRegister) async throws -> [String: String] {
        var result: [String: String] = [:]
        for branch in try await register.gitStore.branches() { result[branch.ref] = branch.tip.description }
        for tag in try await register.gitStore.tags() { result["refs/tags/" + tag.name] = tag.id.description }
        return result
    }

    static func fsck(_ register: TextRegister, context: String) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "--git-dir", register.gitStore.url.path, "fsck", "--strict", "--no-progress"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(context): git fsck --strict: \(String(decoding: data, as: UTF8.self))")
    }
}

/// The same property through the committee: each draft is an event-triggered review's draft, adopted by the
/// chair only after a consultation on its exact tip. The model adds, per review, whether the committee was
/// consulted on the draft's current tip.
struct ReviewSequence {
    let seed: UInt64
    let steps: Int

    struct Review {
        var draft: LawModel.Draft
        var inConsultation = false
        var consultedOnTip = false
    }

    func run() async throws {
        var random = SplitMix64(seed: seed &* 7919)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-property-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = try await AdoptionSequence.smallActRegister(in: folder)
        let committee = Committee(register: register)
        let chair = Acting(seat: "dgs", person: Identity(name: "Présidence", email: "presidence@example.org"))
        try await committee.addSeat(Seat(id: "dgs", category: .dgs, organisation: "Direction générale de la santé", isChair: true),
                                    author: AdoptionSequence.author)

        let firstTag = try #require(try await register.versions().first { $0.kind == .adopted }?.name)
        let first = AdoptionSequence.text(of: try await register.document(at: firstTag, work: AdoptionSequence.work))
        var inForce = first
        var adopted: [LawModel.Adopted] = [.init(tag: firstTag, entryIntoForce: LegalDate(iso: "2020-03-06")!, text: first)]
        var reviews: [String: Review] = [:]
        var log: [String] = []
        var counts: [String: Int] = [:]
        var next = 1
        var words = 1
        var today = LegalDate(iso: "2020-06-01")!

        for step in 0..<steps {
            let names = reviews.keys.sorted()
            let roll = random.below(100)
            let recent = log.suffix(12).joined(separator: "\n")
            let seed = self.seed
            @Sendable func context(_ action: String) -> String { "committee seed \(seed), step \(step): \(action)\n" + recent }
            if names.isEmpty || (roll < 10 && names.count < 3) {
                let id = "evenement-\(next)"
                next += 1
                log.append("open \(id)")
                try await committee.addEvent(CommitteeEvent(id: id, date: today, kind: .sanitary, summary: "Événement \(id)",
                                                            source: "Rapport d'essai", works: [AdoptionSequence.work],
                                                            deadline: today.adding(days: 180)), acting: chair, today: today)
                try await committee.openReview(id: id, kind: .event, work: AdoptionSequence.work, event: id, subject: nil,
                                               acting: chair, today: today)
                try await committee.advance(review: id, AdvanceRequest(to: .drafting), acting: chair, today: today)
                reviews[id] = Review(draft: .init(base: inForce, committed: inForce, working: inForce))
            } else if roll < 35 {
                let id = random.pick(names)
                let wId = random.pick(inForce.keys.sorted())
                let text = "Rédaction n° \(words) de l'alinéa, selon \(id)."
                words += 1
                log.append("edit \(id) \(wId)")
                try AdoptionSequence.edit(register.workingCopy(ofDraft: id), wId: wId, words: text)
                reviews[id]?.draft.working[wId] = text
            } else if roll < 55 {
                let id = random.pick(names)
                log.append("commit \(id)")
                let review = reviews[id]!
                let commit = try await register.commitDraft(id, message: "Étape \(step)", author: AdoptionSequence.author)
                #expect((commit != nil) == (review.draft.working != review.draft.committed), "\(context("commit wrote \(String(describing: commit))"))")
                if commit != nil { reviews[id]?.consultedOnTip = false }
                reviews[id]?.draft.committed = review.draft.working
            } else if roll < 63 {
                let id = random.pick(names)
                let review = reviews[id]!
                guard review.draft.working == review.draft.committed else { continue }
                log.append("update \(id)")
                let expected = LawModel.merge(base: review.draft.base, ours: review.draft.committed, theirs: inForce)
                let refusal = await AdoptionSequence.refusal { _ = try await register.updateDraft(id, author: AdoptionSequence.author) }
                counts[refusal == nil ? "updates" : "refused updates", default: 0] += 1
                if let refusal {
                    #expect(expected == nil, "\(context("a clean update was refused: \(refusal)"))")
                } else if let merged = expected {
                    if review.draft.base != inForce { reviews[id]?.consultedOnTip = false }  // a merge commit moved the tip
                    reviews[id]?.draft = .init(base: inForce, committed: merged, working: merged)
                } else {
                    Issue.record("\(context("an update with a conflicting clause went through"))")
                    return
                }
            } else if roll < 76 {
                let id = random.pick(names)
                let review = reviews[id]!
                log.append("consult \(id)")
                if review.inConsultation {
                    guard !review.consultedOnTip else { continue }
                    try await committee.advance(review: id, AdvanceRequest(to: .drafting), acting: chair, today: today)
                    reviews[id]?.inConsultation = false
                }
                let refusal = await AdoptionSequence.refusal {
                    try await committee.advance(review: id, AdvanceRequest(to: .consultation), acting: chair, today: today)
                }
                counts[refusal == nil ? "consultations" : "refused consultations", default: 0] += 1
                // A consultation is refused exactly when the draft's tip does not change the text in force.
                #expect((refusal != nil) == (review.draft.committed == inForce), "\(context("consultation: \(String(describing: refusal))"))")
                if refusal == nil {
                    reviews[id]?.inConsultation = true
                    reviews[id]?.consultedOnTip = true
                }
            } else {
                let id = random.pick(names)
                let review = reviews[id]!
                let signature = today.adding(days: 1)
                let dates = AdoptionDates(signature: signature, entryIntoForce: signature.adding(days: 5))
                log.append("adopt \(id) on \(signature.iso)")
                let before = try await AdoptionSequence.refs(register)
                let request = AdvanceRequest(to: .adopted, adoption: dates, confirmOutstanding: true)
                let refusal = await AdoptionSequence.refusal {
                    try await committee.advance(review: id, request, acting: chair, today: signature)
                }
                let allowed = review.inConsultation && review.consultedOnTip && review.draft.base == inForce
                counts[refusal == nil ? "adoptions" : "refused adoptions", default: 0] += 1
                #expect((refusal == nil) == allowed,
                        "\(context("adoption \(refusal.map { "refused: \($0)" } ?? "accepted"), model says \(allowed ? "allowed" : "refused")"))")
                if refusal == nil {
                    let tag = try #require(try await register.versions().last { $0.kind == .adopted }?.name)
                    inForce = review.draft.committed
                    adopted.append(.init(tag: tag, entryIntoForce: dates.entryIntoForce, text: inForce))
                    reviews[id] = nil
                    today = signature.adding(days: 10)
                } else {
                    #expect(try await AdoptionSequence.refs(register) == before, "\(context("a refused adoption moved a ref"))")
                }
            }
            // The law and the drafts, as the model says.
            try await AdoptionSequence.checkLaw(register, adopted: adopted, tips: reviews.mapValues(\.draft.committed), context("checking"))
        }
        try await AdoptionSequence.finish(register, label: "committee seed \(seed)", steps: steps, counts: counts)
    }
}
