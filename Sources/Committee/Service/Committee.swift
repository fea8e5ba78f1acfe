import Foundation
import LegalText
import Register

/// Who acts for the committee: a seat, and the person acting. The person is `person` when given (it
/// must then be a member in office of the seat, if the seat has any), else the seat's only member in
/// office, else `fallback` (for a seat with no member recorded, as in the shipped roster).
public struct Acting: Sendable, Hashable {
    public var seat: String
    public var person: Identity?
    public var fallback: Identity?

    public init(seat: String, person: Identity? = nil, fallback: Identity? = nil) {
        self.seat = seat
        self.person = person
        self.fallback = fallback
    }
}

/// The review committee of a register: its roster, reviews, events, positions and comments, kept as
/// XML records under `committee/` on `main` (docs/COMMITTEE.md). Every change is one commit authored
/// by the person acting; a refused action writes nothing.
public struct Committee: Sendable {
    public let register: TextRegister

    public init(register: TextRegister) {
        self.register = register
    }

    // MARK: Reading

    /// The records at the tip of `main` (or at `commit`). A record holding characters XML cannot hold is read
    /// without them and listed in ``CommitteeState/damaged`` (``repair(author:)`` rewrites it).
    public func state(at commit: ObjectID? = nil) async throws(CommitteeError) -> CommitteeState {
        do {
            var at = commit
            if at == nil { at = try await register.mainTip() }
            guard let at else { return CommitteeState() }
            let files = try await register.records(under: CommitteeState.folder, at: at)
            return try CommitteeState(files: files, commit: at, lenient: true)
        } catch let error as CommitteeError {
            throw error
        } catch let error as RegisterError {
            throw .register(error)
        } catch {
            throw .invalidInput(String(describing: error))
        }
    }

    // MARK: Identity

    /// The seat and the person acting for it on `today`.
    /// - Throws: ``CommitteeError/unknownSeat(_:)``, ``CommitteeError/notAMember(seat:email:)`` when the seat has
    ///   members in office and the person is not one of them, ``CommitteeError/noActingPerson(seat:)``.
    func resolve(_ acting: Acting, in state: CommitteeState, on today: LegalDate) throws(CommitteeError) -> (Seat, Identity) {
        let seat = try state.seat(acting.seat)
        // A member's key names the person: the member it is recorded with, who must hold the seat (refused up front).
        if let signer = register.signer, signer.role == .member,
           let member = try authorizeSigner(seat: seat, person: nil, in: state) {
            if let person = acting.person, person.email.lowercased() != member.email.lowercased() {
                throw .notAMember(seat: seat.id, email: person.email)
            }
            return (seat, member)
        }
        let (seat2, person) = try resolveUnsigned(seat, acting, today: today)
        _ = try authorizeSigner(seat: seat2, person: person, in: state)
        return (seat2, person)
    }

    /// The person acting for `seat` from the roster alone (no key involved).
    private func resolveUnsigned(_ seat: Seat, _ acting: Acting, today: LegalDate) throws(CommitteeError) -> (Seat, Identity) {
        let current = seat.currentMembers(on: today)
        if let person = acting.person {
            let email = person.email.lowercased()
            if !current.isEmpty && !current.contains(where: { $0.email.lowercased() == email }) {
                throw .notAMember(seat: seat.id, email: person.email)
            }
            // A seat left without a member in office may be acted for by a given person (the secretariat),
            // but never by someone the roster records as having left that seat.
            if current.isEmpty && seat.members.contains(where: { $0.email.lowercased() == email }) {
                throw .notAMember(seat: seat.id, email: person.email)
            }
            return (seat, person)
        }
        if current.count == 1, let member = current.first { return (seat, Identity(name: member.name, email: member.email)) }
        if current.isEmpty, let fallback = acting.fallback { return (seat, fallback) }
        throw .noActingPerson(seat: seat.id)
    }

    /// The seat and the person who would act for `acting` today, checked against the roster at the tip of
    /// `main` exactly as every write checks it (front ends use it to refuse a login early).
    public func actingIdentity(_ acting: Acting, on today: LegalDate) async throws(CommitteeError) -> (seat: Seat, person: Identity) {
        let (seat, person) = try resolve(acting, in: try await state(), on: today)
        return (seat, person)
    }

    /// Like ``resolve(_:in:on:)``, and refuses any seat but the chair's.
    func resolveChair(_ acting: Acting, in state: CommitteeState, on today: LegalDate, action: String)
        throws(CommitteeError) -> (Seat, Identity) {
        let (seat, person) = try resolve(acting, in: state, on: today)
        guard seat.isChair else { throw .chairOnly(action: action, seat: seat.id) }
        return (seat, person)
    }

    // MARK: Writing

    /// Reads the records at the tip of `main`, lets `build` check the action and say what to write, and
    /// commits that on top of exactly that tip; if another writer moved `main` meanwhile, starts again
    /// from the new tip (so the checks always see the latest records and no update is lost).
    @discardableResult
    func write(
        message: String, author: Identity,
        _ build: (CommitteeState) async throws(CommitteeError) -> [String: Data?]
    ) async throws(CommitteeError) -> ObjectID {
        for _ in 0..<50 {
            let state = try await self.state()
            _ = try authorizeSigner(seat: nil, person: author, in: state)
            let changes = try await build(state)
            guard !changes.isEmpty, let parent = state.commit else {
                if changes.isEmpty, let commit = state.commit { return commit }
                throw .register(.noAdoptedVersion)
            }
            do {
                return try await register.writeRecords(changes, message: signedMessage(message, author: author), author: author,
                                                       expectedMain: parent)
            } catch {
                if case .conflict = error { await Task.yield(); continue }
                throw .register(error)
            }
        }
        throw .register(.retriesExhausted(ref: TextRegister.mainBranch, attempts: 50))
    }

    /// Commits changes that do not depend on the rest of the tree (one position, one new comment) with
    /// ``TextRegister/applyRecords(_:message:author:)``.
    @discardableResult
    func apply(_ changes: [String: Data?], message: String, author: Identity) async throws(CommitteeError) -> ObjectID {
        do {
            return try await register.applyRecords(changes, message: signedMessage(message, author: author), author: author)
        } catch {
            throw .register(error)
        }
    }

    /// The tip of the draft a review record names (`draft/<id>`); nil when there is no such draft.
    func draftTip(_ branch: String) async throws(CommitteeError) -> ObjectID? {
        guard let draft = try? DraftName(branch: branch) else { return nil }
        return try await call { () async throws(RegisterError) in try await register.tip(of: draft) }
    }

    /// Runs a register call, wrapping its error.
    func call<T>(_ body: () async throws(RegisterError) -> T) async throws(CommitteeError) -> T {
        do {
            return try await body()
        } catch {
            throw .register(error)
        }
    }

    /// The record's file content, once ``RecordText`` has checked every text of it: the one door every
    /// committee write goes through, so a character XML cannot hold is refused whatever the front end.
    /// - Throws: ``CommitteeError/forbiddenCharacter(field:record:character:position:before:)``.
    static func data<Record: CommitteeRecord>(_ record: Record) throws(CommitteeError) -> Data {
        try RecordText.check(record)
        // A reference is written only if it reads back: its address is http/https, its checks are well-formed.
        if let reference = record as? DocumentaryReference, let problem = reference.problem {
            throw .invalidInput("référence \(reference.id) : \(problem) ; rien n'a été enregistré.")
        }
        return Data(record.xml.utf8)
    }

    /// `Nom <courriel>`, as recorded in the records.
    static func label(_ person: Identity) -> String { "\(person.name) <\(person.email)>" }
}
