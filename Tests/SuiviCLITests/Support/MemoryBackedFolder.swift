import Foundation

/// A temporary folder in memory (`/dev/shm`) when there is one, else in the temporary directory; removed when
/// the value goes away. For the writers' stress test: every libgit2 write is fsynced, so on a shared disk 800
/// commits and the tens of thousands of objects lost races leave behind take minutes to write and to delete,
/// which measures the disk, not the compare-and-swap under test.
final class MemoryBackedFolder {
    let url: URL

    init() throws {
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        let base = FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        url = base.appendingPathComponent("suivi-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
