/// Timing for the `suivi-bench` measurements: elapsed milliseconds of a piece of work, and medians.
enum Stopwatch {
    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// Milliseconds taken by `body`.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return milliseconds(clock.now - start)
    }

    /// Milliseconds taken by an asynchronous `body`.
    static func time(_ body: () async throws -> Void) async rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        return milliseconds(clock.now - start)
    }

    /// The median of `runs` timings of `body` (at least one run).
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) { times.append(try time(body)) }
        return median(times)
    }

    /// The median of `runs` timings of an asynchronous `body`.
    static func median(runs: Int, _ body: () async throws -> Void) async rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) { times.append(try await time(body)) }
        return median(times)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
