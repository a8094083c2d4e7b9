import RLCore
import RLTabular

/// One of a world's metrics over evaluation episodes.
public struct MetricSummary: Sendable, Codable, Equatable {
    /// The metric's name (`avoidable_misses`).
    public var name: String
    /// How `rl eval` says it (`avoidable misses`).
    public var phrase: String
    /// The mean per episode; for a 0/1 metric, the share of episodes where it was 1.
    public var mean: Double
    public var isShare: Bool
    /// The share of episodes where it was 0, for metrics that report it, with its words.
    public var zeroShare: Double?
    public var zeroShareWords: String?
}

/// The report of `rl eval` (also its `--json` output).
public struct EvaluationReport: Sendable, Codable, Equatable {
    public var environment: String
    public var agent: String
    public var episodes: Int
    /// The episodes asked for; more than `episodes` when Ctrl-C stopped the evaluation.
    public var episodesRequested: Int
    public var interrupted: Bool
    public var seed: UInt64
    public var meanReturn: Double
    /// The sample standard deviation of the returns.
    public var returnStandardDeviation: Double
    /// The 95% confidence interval of the mean return (normal approximation).
    public var meanReturnLow: Double
    public var meanReturnHigh: Double
    public var medianReturn: Double
    public var minReturn: Double
    public var maxReturn: Double
    public var meanSteps: Double
    /// Shares of episodes that ended terminated (the task ended) and truncated (step cap).
    public var terminatedShare: Double
    public var truncatedShare: Double
    /// The world's own metrics, in its order.
    public var metrics: [MetricSummary]
    /// For a world with a model: the policy's exact expected return within the step cap (no
    /// sampling), the best any policy can expect under the same cap, and the gap between them.
    public var exactReturn: Double?
    public var optimalReturn: Double?
    public var gap: Double?

    /// Summarises evaluation episodes with the world's metrics.
    /// - Precondition: `records` is not empty.
    public init<Counters>(
        environment: String, agent: String, seed: UInt64, records: [EpisodeRecord<Counters>],
        metrics: [EpisodeMetric<Counters>], episodesRequested: Int? = nil
    ) {
        precondition(!records.isEmpty, "an evaluation needs at least one episode")
        let returns = SampleSummary(records.map(\.totalReward))!
        let count = Double(records.count)
        func share(_ test: (EpisodeRecord<Counters>) -> Bool) -> Double { Double(records.count(where: test)) / count }
        self.environment = environment
        self.agent = agent
        episodes = records.count
        self.episodesRequested = episodesRequested ?? records.count
        interrupted = records.count < self.episodesRequested
        self.seed = seed
        meanReturn = returns.mean
        returnStandardDeviation = returns.standardDeviation
        meanReturnLow = returns.mean - returns.confidenceHalfWidth95
        meanReturnHigh = returns.mean + returns.confidenceHalfWidth95
        medianReturn = returns.median
        minReturn = returns.minimum
        maxReturn = returns.maximum
        meanSteps = records.reduce(0) { $0 + Double($1.steps) } / count
        terminatedShare = share(\.terminated)
        truncatedShare = share(\.truncated)
        self.metrics = metrics.map { metric in
            let values = records.map { metric.value($0.counters) }
            return MetricSummary(
                name: metric.name, phrase: metric.phrase, mean: values.reduce(0, +) / count, isShare: metric.isShare,
                zeroShare: metric.zeroShareWords.map { _ in Double(values.count { $0 == 0 }) / count },
                zeroShareWords: metric.zeroShareWords)
        }
    }

    /// Adds the exact returns to the report.
    public mutating func add(_ exact: ExactEvaluation?) {
        exactReturn = exact?.exactReturn
        optimalReturn = exact?.optimalReturn
        gap = exact?.gap
    }

    /// The metrics' means by name.
    public var metricValues: [String: Double] {
        Dictionary(uniqueKeysWithValues: metrics.map { ($0.name, $0.mean) })
    }

    /// A metric's summary by name.
    public func metric(_ name: String) -> MetricSummary? { metrics.first { $0.name == name } }
}

/// Several agents' reports on the same evaluation episodes (`rl eval --json` with more than one agent).
public struct EvaluationComparison: Sendable, Codable, Equatable {
    public var episodes: Int
    public var seed: UInt64
    public var reports: [EvaluationReport]

    /// - Precondition: `reports` is not empty.
    public init(reports: [EvaluationReport]) {
        episodes = reports[0].episodes
        seed = reports[0].seed
        self.reports = reports
    }
}

/// Plays `episodes` greedy episodes of a loaded policy on evaluation seeds, which never
/// coincide with the training serves (they are derived from `seed` for another purpose).
/// `shouldStop` (Ctrl-C) ends the evaluation early; the report says so.
public func evaluatePolicy(
    _ loaded: LoadedPolicy, episodes: Int, seed: UInt64,
    shouldStop: @escaping () -> Bool = { false }
) throws(PolicyFileError) -> EvaluationReport {
    let world = try loaded.requireWorld(toDo: "evaluate it")
    return world.evaluate(loaded.policy, loaded.path, episodes, seed, shouldStop)
}

/// Plays a world's scripted baseline with the same evaluation seeds as
/// ``evaluatePolicy(_:episodes:seed:shouldStop:)``: the same `seed` gives every agent the same serves.
public func evaluateBaseline(
    _ name: String, world: ConfiguredWorld, episodes: Int, seed: UInt64,
    shouldStop: @escaping () -> Bool = { false }
) throws(RunError) -> EvaluationReport {
    guard let baselines = world.baselines else { throw .unsupported("world \(world.id) has no baselines") }
    guard let report = baselines.evaluate(name, episodes: episodes, seed: seed, shouldStop: shouldStop) else {
        throw .unsupported("world \(world.id) has no baseline '\(name)' (it has \(baselines.names.joined(separator: ", ")))")
    }
    return report
}
