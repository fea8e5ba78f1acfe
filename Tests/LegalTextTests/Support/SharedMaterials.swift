import Foundation

/// The project's shared reference material (`../shared` beside the package): the OASIS Akoma Ntoso
/// schema and real Akoma Ntoso / LEGI examples. It is read in place, never copied into the repository.
/// Looked up in `$SUIVI_SHARED`, then `../shared` beside the package, then `/work/shared`; tests that
/// need it are disabled (with this reason shown) on a machine that has none of them.
enum SharedMaterials {
    static let root: URL? = {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [ProcessInfo.processInfo.environment["SUIVI_SHARED"]].compactMap { $0 }
            + [packageRoot.deletingLastPathComponent().appendingPathComponent("shared").path, "/work/shared"]
        return candidates.map { URL(fileURLWithPath: $0) }
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("schemas").path) }
    }()

    static var available: Bool { root != nil }

    /// A path under the shared folder (`examples/legi`, `schemas/akomantoso30.xsd`).
    static func path(_ relative: String) -> String {
        (root ?? URL(fileURLWithPath: "/nonexistent/shared")).appendingPathComponent(relative).path
    }
}
