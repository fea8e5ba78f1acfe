import CGit2

extension GitStore {
    /// How many commits reachable from `local` are not reachable from `upstream` (`git rev-list --count
    /// upstream..local`): what `local` has that `upstream` lacks.
    package func commitsAhead(_ local: ObjectID, of upstream: ObjectID) throws(RegisterError) -> Int {
        var ahead = 0
        var behind = 0
        var localOID = local.oid
        var upstreamOID = upstream.oid
        try git(repository.withPointer { git_graph_ahead_behind(&ahead, &behind, $0, &localOID, &upstreamOID) },
                "git_graph_ahead_behind")
        return ahead
    }
}
