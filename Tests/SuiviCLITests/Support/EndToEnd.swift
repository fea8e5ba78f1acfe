import Testing
import SuiviTestSupport

/// Every end-to-end suite is nested here and runs one test at a time: each test blocks a thread while
/// its `suivi` child runs, and running dozens at once on a small machine starves the other suites'
/// tasks (timing-sensitive lock tests among them) and multiplies wall time. Tagged `.endToEnd`, which every
/// nested suite inherits (docs/TESTING.md).
@Suite("suivi, de bout en bout", .serialized, .tags(.endToEnd),
        .enabled(if: !TestSelection.fastOnly, TestSelection.fastOnlyReason))
struct EndToEnd {}
