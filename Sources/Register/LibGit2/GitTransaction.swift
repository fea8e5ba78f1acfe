import CGit2

/// What a multi-reference update found (``GitRepository/updateReferences(_:)``).
enum TransactionOutcome {
    /// Every reference moved.
    case updated
    /// A reference was not where the caller expected: nothing moved.
    case moved(ref: String, actual: ObjectID?)
    /// Another writer holds a reference's lock: nothing moved.
    case locked(ref: String)
}

extension GitRepository {
    /// Moves several references together with a libgit2 transaction: every reference is locked first
    /// (`<ref>.lock`), each is checked to be at its expected value (`nil`: absent) while locked, then all
    /// are written. When one is locked by another writer or is elsewhere, the locks are released and
    /// nothing moves.
    func updateReferences(_ updates: [ReferenceUpdate]) throws(RegisterError) -> TransactionOutcome {
        var transaction: OpaquePointer?
        try git(withPointer { git_transaction_new(&transaction, $0) }, "git_transaction_new")
        guard let transaction else { throw .libgit2(function: "git_transaction_new", code: -1, message: "aucune transaction") }
        defer { git_transaction_free(transaction) }  // releases the locks of a transaction not committed
        for update in updates {
            let code = git_transaction_lock_ref(transaction, update.ref)
            if code == GitCode.locked {
                clearGitError()
                return .locked(ref: update.ref)
            }
            try git(code, "git_transaction_lock_ref")
        }
        for update in updates {
            let actual = try referenceTarget(update.ref)
            if actual != update.expected { return .moved(ref: update.ref, actual: actual) }
        }
        for update in updates {
            var target = update.target.oid
            try git(git_transaction_set_target(transaction, update.ref, &target, nil, update.logMessage),
                    "git_transaction_set_target")
        }
        try git(git_transaction_commit(transaction), "git_transaction_commit")
        return .updated
    }
}
