import RLCliffWalking
import RLCore
import RLPong
import RLTabular

/// The report of `rl eval` (also its `--json` output). Pong's keys are absent for other
/// environments.
public struct EvaluationReport: Sendable, Codable, Equatable {
    public var environment: String
    public var agent: String
    public var episodes: Int
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
    /// Shares of episodes that ended terminated (game over or won) and truncated (step cap).
    public var terminatedShare: Double
    public var truncatedShare: Double
    public var meanHits: Double?
    public var meanMisses: Double?
    public var avoidableMissesPerEpisode: Double?
    public var livesLostPerEpisode: Double?
    /// Shares of Pong episodes won, lost (no lives left), with no life lost, with no avoidable miss.
    public var wonShare: Double?
    public var lostShare: Double?
    public var noLifeLostShare: Double?
    public var noAvoidableMissShare: Double?

    /// Summarises evaluation episodes.
    /// - Precondition: `records` is not empty.
    public init<Counters: ReportedCounters>(
        environment: String, agent: String, seed: UInt64, records: [EpisodeRecord<Counters>]
    ) {
        precondition(!records.isEmpty, "an evaluation needs at least one episode")
        let returns = SampleSummary(records.map(\.totalReward))!
        let count = Double(records.count)
        func mean(_ value: (EpisodeRecord<Counters>) -> Double) -> Double { records.reduce(0) { $0 + value($1) } / count }
        func share(_ test: (EpisodeRecord<Counters>) -> Bool) -> Double { Double(records.filter(test).count) / count }
        self.environment = environment
        self.agent = agent
        self.episodes = records.count
        self.seed = seed
        meanReturn = returns.mean
        returnStandardDeviation = returns.standardDeviation
        meanReturnLow = returns.mean - returns.confidenceHalfWidth95
        meanReturnHigh = returns.mean + returns.confidenceHalfWidth95
        medianReturn = returns.median
        minReturn = returns.minimum
        maxReturn = returns.maximum
        meanSteps = mean { Double($0.steps) }
        terminatedShare = share(\.terminated)
        truncatedShare = share(\.truncated)
        if records[0].counters.pong != nil {
            let pong = { (record: EpisodeRecord<Counters>) in record.counters.pong! }
            meanHits = mean { Double(pong($0).hits) }
            meanMisses = mean { Double(pong($0).misses) }
            avoidableMissesPerEpisode = mean { Double(pong($0).avoidableMisses) }
            livesLostPerEpisode = meanMisses
            wonShare = share { pong($0).won }
            lostShare = share { $0.terminated && !pong($0).won }
            noLifeLostShare = share { pong($0).misses == 0 }
            noAvoidableMissShare = share { pong($0).avoidableMisses == 0 }
        }
    }
}

/// A scripted agent to compare a learned policy with.
public enum Baseline: String, Sendable, CaseIterable, Codable {
    /// Up or down at random: the floor.
    case random
    /// Moves the paddle towards the ball's current height.
    case tracker
    /// Knows where the ball will arrive: no avoidable miss, the ceiling.
    case oracle
}

/// Plays `episodes` episodes of a baseline on Pong, with the same evaluation seeds as
/// ``evaluatePolicy(_:episodes:seed:)``: the same `seed` gives every agent the same serves.
public func evaluateBaseline(_ baseline: Baseline, configuration: PongConfiguration, episodes: Int, seed: UInt64) -> EvaluationReport {
    let environmentSeed = derivedSeed(seed, purpose: SeedPurpose.evaluation)
    var environment = FullyObservedPong(try! PongEnvironment(configuration: configuration))
    let records: [EpisodeRecord<PongCounters>]
    switch baseline {
    case .random:
        var agent = RandomAgent<PongPositions, PongActionSpace>(
            actionSpace: environment.actionSpace, seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        records = evaluate(&agent, on: &environment, episodes: episodes, seed: environmentSeed)
    case .tracker:
        var agent = PongTracker(configuration: configuration)
        records = evaluate(&agent, on: &environment, episodes: episodes, seed: environmentSeed)
    case .oracle:
        var agent = PongOracle(configuration: configuration)
        records = evaluate(&agent, on: &environment, episodes: episodes, seed: environmentSeed)
    }
    return EvaluationReport(environment: EnvironmentName.pong.rawValue, agent: baseline.rawValue, seed: seed, records: records)
}

/// Plays `episodes` greedy episodes of a loaded policy on evaluation seeds, which never
/// coincide with the training serves (they are derived from `seed` for another purpose).
public func evaluatePolicy(_ loaded: LoadedPolicy, episodes: Int, seed: UInt64) -> EvaluationReport {
    let environmentSeed = derivedSeed(seed, purpose: SeedPurpose.evaluation)
    let agentSeed = derivedSeed(seed, purpose: SeedPurpose.agent)
    let name = loaded.environment.name.rawValue
    switch loaded.environment {
    case .pong(let configuration):
        var environment = try! PongEnvironment(configuration: configuration)
        var agent = loaded.agent(observationSpace: environment.observationSpace, actionSpace: environment.actionSpace, seed: agentSeed)
        let records = evaluate(&agent, on: &environment, episodes: episodes, seed: environmentSeed)
        return EvaluationReport(environment: name, agent: loaded.path, seed: seed, records: records)
    case .cliffWalking(let configuration):
        var environment = CliffWalking.capped(at: configuration.maxSteps)
        var agent = loaded.agent(observationSpace: environment.observationSpace, actionSpace: environment.actionSpace, seed: agentSeed)
        let records = evaluate(&agent, on: &environment, episodes: episodes, seed: environmentSeed)
        return EvaluationReport(environment: name, agent: loaded.path, seed: seed, records: records)
    }
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
