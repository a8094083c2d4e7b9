import Foundation
import RLCore
import RLExperiments
import Synchronization

/// How a figure is run.
public struct BookRunOptions: Sendable {
    /// Runs of each series.
    public var runs: Int
    /// Run r (from 0) of every series uses seed `seed + r`: `rl train --seed <seed + r>` for a
    /// registered world and agent.
    public var seed: UInt64
    /// Threads at once.
    public var jobs: Int
    /// The series' shorter runs, where they have any (`rl book --quick`).
    public var quick: Bool

    public init(runs: Int, seed: UInt64 = 1, jobs: Int = 1, quick: Bool = false) {
        self.runs = runs
        self.seed = seed
        self.jobs = jobs
        self.quick = quick
    }

    /// Runs are handed to threads in blocks of this many, the same whatever `jobs` is: each
    /// block's sums are made in seed order and the blocks merged in order, so the result is
    /// the same bits with one thread or many.
    public static let block = 20
}

/// What a figure's runs gave: each series' sums, and the time it took.
public struct BookRun: Sendable {
    public var figure: BookFigure
    public var options: BookRunOptions
    /// One per series, in the figure's order.
    public var sums: [RunSums]
    /// Wall-clock seconds for every run of every series.
    public var seconds: Double

    /// Seconds inside the runs' own loops, summed over threads.
    public var secondsInRuns: Double { sums.map(\.secondsInRuns).reduce(0, +) }
    /// Runs played, over all series.
    public var runCount: Int { sums.map(\.runs).reduce(0, +) }
    /// What each run cost beyond its own loop, in milliseconds: the wall time of every thread
    /// less the time inside the runs, per run. With several jobs this counts a thread's wait for
    /// the last block too, so it is an upper bound.
    public var overheadPerRunMilliseconds: Double {
        max(0, seconds * Double(min(options.jobs, max(workItems, 1))) - secondsInRuns) / Double(max(runCount, 1)) * 1000
    }
    var workItems: Int {
        figure.series.map { ($0.runs(of: options.runs) + BookRunOptions.block - 1) / BookRunOptions.block }.reduce(0, +)
    }
}

/// Plays `options.runs` runs of each of the figure's series on `options.jobs` threads, in memory,
/// and returns their sums.
/// - Parameters:
///   - progress: told of runs done and to do, from the threads (under a lock).
///   - shouldStop: checked between blocks of runs (Ctrl-C).
/// - Throws: the first series that failed (an undeclared world or agent), or stopped.
public func runFigure(
    _ figure: BookFigure, options: BookRunOptions, progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in },
    shouldStop: @escaping @Sendable () -> Bool = { false }
) throws(BookError) -> BookRun {
    precondition(options.runs > 0 && options.jobs > 0)
    let clock = ContinuousClock()
    let start = clock.now
    // Work items: (series, first run), series by series.
    let items = figure.series.indices.flatMap { series in
        let runs = figure.series[series].runs(of: options.runs)
        return stride(from: 0, to: runs, by: BookRunOptions.block).map { first in
            (series: series, runs: first..<min(first + BookRunOptions.block, runs))
        }
    }
    let shared = RunnerState(items: items.count)
    let total = items.map(\.runs.count).reduce(0, +)
    let work = { @Sendable in
        while !shouldStop() && !shared.failed.load(ordering: .relaxed) {
            let next = shared.next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard next < items.count else { return }
            let (seriesIndex, runs) = items[next]
            let series = figure.series[seriesIndex]
            var sums = RunSums(points: series.measures * series.x.count)
            let seeds = options.seed &+ UInt64(runs.lowerBound)..<options.seed &+ UInt64(runs.upperBound)
            do throws(BookError) {
                try series.play(seeds, options.quick, &sums)
            } catch {
                shared.results.withLock { state in
                    if state.failure == nil { state.failure = error }
                }
                shared.failed.store(true, ordering: .relaxed)
                return
            }
            shared.results.withLock { state in
                state.sums[next] = sums
                state.done += runs.count
                progress(state.done, total)
            }
        }
    }
    let threads = min(options.jobs, items.count)
    if threads <= 1 {
        work()
    } else {
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            let thread = Thread {
                work()
                group.leave()
            }
            // Room for deep generic code: secondary threads get a small stack by default.
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
    }
    let (sums, failure) = shared.results.withLock { ($0.sums, $0.failure) }
    if let failure { throw failure }
    if shouldStop() { throw BookError("stopped before its runs were done") }
    var merged = figure.series.map { RunSums(points: $0.measures * $0.x.count) }
    for (index, item) in items.enumerated() {
        guard let part = sums[index] else { throw BookError("stopped before its runs were done") }
        merged[item.series].merge(part)
    }
    return BookRun(figure: figure, options: options, sums: merged, seconds: seconds(clock.now - start))
}

private final class RunnerState: Sendable {
    let next = Atomic<Int>(0)
    let failed = Atomic<Bool>(false)
    let results: Mutex<Results>

    struct Results {
        var sums: [RunSums?]
        var done = 0
        var failure: BookError?
    }

    init(items: Int) { results = Mutex(Results(sums: Array(repeating: nil, count: items))) }
}
