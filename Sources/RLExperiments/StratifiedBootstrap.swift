import RLCore

/// Draws stratified bootstrap resamples: for each task (stratum) on its own, as many run indices
/// as the task has runs, uniformly and with replacement. Tasks are never mixed, so every resample
/// keeps the experiment's design: each task still has its number of runs (rliable's
/// `StratifiedBootstrap` with `task_bootstrap=False`).
///
/// The draws come from our ``Xoshiro256StarStar`` and ``Swift/RandomNumberGenerator/nextIndex(below:)``,
/// task after task and run after run, so a seed gives the same resamples, and hence the same
/// interval, on every machine.
public struct StratifiedResampler: Sendable {
    /// How many runs each task has.
    public let runCounts: [Int]
    private var generator: Xoshiro256StarStar

    public init(runCounts: [Int], seed: UInt64) {
        precondition(runCounts.allSatisfy { $0 > 0 }, "every task needs at least one run")
        self.runCounts = runCounts
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// The next resample: `indices[task][k]` is the run drawn for slot `k` of `task`.
    public mutating func nextIndices() -> [[Int]] {
        runCounts.map { count in (0..<count).map { _ in generator.nextIndex(below: count) } }
    }
}

/// An estimate with its confidence interval.
public struct IntervalEstimate: Sendable, Equatable {
    /// The statistic on the scores themselves.
    public var point: Double
    public var interval: ConfidenceInterval

    public init(point: Double, interval: ConfidenceInterval) {
        self.point = point
        self.interval = interval
    }
}

/// rliable's default number of bootstrap replicates for an aggregate's interval.
public let defaultReplicates = 50_000

/// `statistic` on each of `replicates` stratified resamples of `scores` (see
/// ``StratifiedResampler``), in the order they were drawn.
public func stratifiedBootstrapReplicates<Statistic>(
    of scores: RunScores, replicates: Int, seed: UInt64, statistic: (RunScores) -> Statistic
) -> [Statistic] {
    precondition(replicates > 0, "at least one bootstrap replicate")
    var resampler = StratifiedResampler(runCounts: scores.runCounts, seed: seed)
    return (0..<replicates).map { _ in statistic(scores.resampled(by: resampler.nextIndices())) }
}

/// A statistic of `scores` with its stratified bootstrap percentile interval: rliable's
/// `get_interval_estimates(..., method='percentile')` for one algorithm.
///
///     let iqm = stratifiedBootstrapInterval(of: scores, seed: 7) { $0.interquartileMean }
///
/// The interval answers "how much would this number move if we ran the same tasks again with
/// new seeds?". It says nothing about other tasks.
public func stratifiedBootstrapInterval(
    of scores: RunScores,
    replicates: Int = defaultReplicates,
    confidence: Double = defaultConfidence,
    seed: UInt64,
    statistic: (RunScores) -> Double
) -> IntervalEstimate {
    let values = stratifiedBootstrapReplicates(of: scores, replicates: replicates, seed: seed, statistic: statistic)
    return IntervalEstimate(point: statistic(scores), interval: percentileInterval(of: values, confidence: confidence))
}
