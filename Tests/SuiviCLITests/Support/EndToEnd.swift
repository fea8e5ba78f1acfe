import Testing

/// Every end-to-end suite is nested here and runs one test at a time: each test blocks a thread while
/// its `suivi` child runs, and running dozens at once on a small machine starves the other suites'
/// tasks (timing-sensitive lock tests among them) and multiplies wall time.
@Suite("suivi, de bout en bout", .serialized)
struct EndToEnd {}
