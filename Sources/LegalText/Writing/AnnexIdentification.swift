/// The identification of an annex's `doc`, derived from the act's: same work and version, with the
/// component name (`!annex_2`) appended to each `FRBRthis`, as the Akoma Ntoso naming convention does.
enum AnnexIdentification {
    static func derive(from act: Identification, annexEId: String) -> Identification {
        var result = act
        result.work.this = act.work.uri + "/!" + annexEId
        result.work.number = nil
        result.work.name = nil
        result.expression.this = act.expression.uri + "/!" + annexEId
        result.manifestation.this = act.manifestation.uri + "/!" + annexEId
        return result
    }
}
