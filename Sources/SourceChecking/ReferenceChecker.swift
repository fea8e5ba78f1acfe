import Committee
import Foundation
import LegalText
import Register

/// One reference's automatic check in a run: the fetch and the check recorded from it.
public struct CheckedReference: Sendable, Hashable {
    public let id: String
    public let result: FetchResult
    public let check: ReferenceCheck
}

/// What a run of `suivi sources verifier` did: the references checked (recorded in one commit) and those skipped
/// because they have no address.
public struct CheckRun: Sendable, Hashable {
    public let checked: [CheckedReference]
    public let withoutAddress: [String]
}

/// Checks the addresses of documentary references and records the outcomes through the committee: every address is
/// fetched first (nothing is written meanwhile), then all the outcomes are ONE commit by `author`; a run that has
/// nothing to record (no reference asked has an address), or whose recording is refused, commits nothing.
public struct ReferenceChecker: Sendable {
    public let committee: Committee
    public let policy: FetchPolicy

    public init(committee: Committee, policy: FetchPolicy = FetchPolicy()) {
        self.committee = committee
        self.policy = policy
    }

    /// Checks the references `ids` (every reference when nil) on `today`.
    /// - Throws: ``CommitteeError/unknownReference(_:)`` for an id not in the register (before any fetch);
    ///   ``CommitteeError/invalidInput(_:)`` when none of them has an address, or when not one of their host names
    ///   resolves (no network here: nothing is recorded).
    public func run(ids: [String]?, author: Identity, today: LegalDate) async throws(CommitteeError) -> CheckRun {
        let references = try await committee.references()
        let byID = Dictionary(uniqueKeysWithValues: references.map { ($0.id, $0) })
        var selected: [DocumentaryReference] = []
        for id in ids ?? references.map(\.id) {
            guard let reference = byID[id] else { throw .unknownReference(id) }
            if !selected.contains(where: { $0.id == id }) { selected.append(reference) }
        }
        let withoutAddress = selected.filter { $0.address == nil }.map(\.id)
        let toFetch = selected.compactMap { reference in reference.address.map { (reference.id, $0) } }
        guard !toFetch.isEmpty else {
            throw .invalidInput(selected.isEmpty
                ? "aucune référence documentaire dans le registre : rien à vérifier, rien n'a été enregistré."
                : "aucune des références demandées n'a d'adresse (\(withoutAddress.joined(separator: ", "))) : rien à vérifier, rien n'a été enregistré.")
        }
        // A write this run could not sign is refused before the fetches, not after them.
        try await committee.authorizeWrite(author: author)
        let results = await fetchAll(toFetch)
        // Not one name resolved: this machine has no network (or no name service), which says nothing about the
        // references. Recording « injoignable » for each would publish them all as broken: nothing is recorded.
        let unresolved = toFetch.filter { id, _ in
            if case .nameNotResolved? = results[id]?.failure { return true } else { return false }
        }
        if unresolved.count == toFetch.count {
            throw .invalidInput("aucun des \(toFetch.count) noms de domaine n'a pu être résolu "
                + "(\(unresolved.prefix(3).map { $0.1 }.joined(separator: ", "))\(unresolved.count > 3 ? ", …" : "")) : "
                + "cette machine semble sans accès au réseau ou sans service de noms. Rien n'a été enregistré ; vérifiez "
                + "la connexion puis recommencez, ou enregistrez le résultat d'une vérification faite à la main.")
        }
        let person = "\(author.name) <\(author.email)>"
        let checked = toFetch.map { id, _ in
            CheckedReference(id: id, result: results[id]!, check: CheckClassification.check(of: results[id]!, by: person, on: today))
        }
        try await committee.recordChecks(Dictionary(uniqueKeysWithValues: checked.map { ($0.id, $0.check) }), author: author, today: today)
        return CheckRun(checked: checked, withoutAddress: withoutAddress)
    }

    /// Fetches every address, at most `policy.concurrency` at a time.
    private func fetchAll(_ addresses: [(String, String)]) async -> [String: FetchResult] {
        let fetcher = AddressFetcher(policy: policy)
        var results: [String: FetchResult] = [:]
        await withTaskGroup(of: (String, FetchResult).self) { group in
            var pending = addresses[...]
            for _ in 0..<max(1, policy.concurrency) {
                guard let (id, address) = pending.popFirst() else { break }
                group.addTask { (id, await fetcher.fetch(address)) }
            }
            while let (id, result) = await group.next() {
                results[id] = result
                if let (id, address) = pending.popFirst() { group.addTask { (id, await fetcher.fetch(address)) } }
            }
        }
        await fetcher.shutdown()
        return results
    }
}
