import RLCore
import RLExperiments
import RLTabular

/// What many in-memory runs of one agent on a world measure: the book's learning curves (a value
/// per episode, Figures 6.4 and 6.5) and parameter studies (a mean over episodes per setting,
/// Figure 6.6). No policy file, no log: each run is the trainer's loop and a few numbers, so a
/// figure of thousands of short runs spends its time learning.
///
/// Run `seed` is `rl train --seed <seed>` with the same world, agent and settings: the agent's
/// generator and the world's first reset are seeded from it exactly as `rl train` seeds them.
public struct EpisodeCurveRequest: Sendable {
    /// What each episode is worth.
    public enum Measure: Sendable, Equatable {
        /// The sum of the episode's rewards.
        case sumOfRewards
        /// One of the world's metrics, by name (`left`).
        case metric(String)
    }

    /// What one run gives.
    public enum Summary: Sendable, Equatable {
        /// The measure of each episode: a curve over episodes.
        case perEpisode
        /// The mean measure over these episodes (0-based), for each of ``hyperparameters``.
        case mean(over: Range<Int>)
    }

    /// The agent's registry id and its settings as JSON.
    public var agent: String
    public var agentSettings: String
    /// The hyperparameters of each point: one for a curve, one per x value for a parameter study.
    public var hyperparameters: [Hyperparameters]
    public var episodes: Int
    public var measure: Measure
    /// Multiplies the measure (100 for a percentage of a 0/1 metric).
    public var scale: Double
    public var summary: Summary

    public init(
        agent: String, agentSettings: String = "{}", hyperparameters: [Hyperparameters], episodes: Int,
        measure: Measure = .sumOfRewards, scale: Double = 1, summary: Summary = .perEpisode
    ) {
        self.agent = agent
        self.agentSettings = agentSettings
        self.hyperparameters = hyperparameters
        self.episodes = episodes
        self.measure = measure
        self.scale = scale
        self.summary = summary
    }

    /// The figures one run gives: one per episode, or one per hyperparameter point.
    public var points: Int {
        switch summary {
        case .perEpisode: episodes
        case .mean: hyperparameters.count
        }
    }
}

extension ConfiguredWorld {
    /// Plays one run per seed of `request` on this world, in memory, and adds what each gives to
    /// `sums`, seeds in order.
    /// - Throws: when the agent is unknown, cannot learn this world, or its settings do not
    ///   decode; when the metric is not the world's.
    public func accumulate(_ request: EpisodeCurveRequest, seeds: Range<UInt64>, into sums: inout RunSums) throws(RunError) {
        guard Registry.agent(request.agent) != nil, Registry.planner(request.agent) == nil, !Registry.isDeep(request.agent) else {
            throw .unsupported("agent '\(request.agent)' is not a table agent this rl knows")
        }
        guard !hasRealCoordinates else { throw .unsupported("world \(id) has real coordinates: in-memory curves are for table agents") }
        guard request.episodes > 0, !request.hyperparameters.isEmpty, request.summary != .perEpisode || request.hyperparameters.count == 1
        else {
            throw .unsupported("a curve over episodes takes one set of hyperparameters, a study one or more, and at least one episode")
        }
        try curves(request, seeds, &sums)
    }
}

/// The runs of an ``EpisodeCurveRequest`` on world `W`, opened on the agent's concrete type once
/// for all its seeds, so the compiler specialises the loop for the pair.
struct CurveRuns<W: WorldRegistration>: AgentBody where W.World.ObservationSpace: FiniteSpace {
    typealias ObservationSpace = W.World.ObservationSpace
    typealias ActionSpace = W.World.ActionSpace

    let configuration: W.Configuration
    let request: EpisodeCurveRequest
    let seeds: Range<UInt64>
    var sums: RunSums
    var failure: RunError?

    static func accumulate(
        _ configuration: W.Configuration, _ request: EpisodeCurveRequest, seeds: Range<UInt64>, into sums: inout RunSums
    ) throws(RunError) {
        var runs = CurveRuns(configuration: configuration, request: request, seeds: seeds, sums: sums)
        guard Registry.openAgent(request.agent, &runs) else { throw .unknownAgent(request.agent) }
        if let failure = runs.failure { throw failure }
        sums = runs.sums
    }

    mutating func run<A: TabularAgent>(_ agentType: A.Type) where A.ObservationSpace == ObservationSpace, A.ActionSpace == ActionSpace {
        guard let settings = JSONText.decode(A.Settings.self, from: request.agentSettings) else {
            failure = .unsupported("the settings of agent \(request.agent) are malformed")
            return
        }
        let metric: EpisodeMetric<W.World.Counters>?
        switch request.measure {
        case .sumOfRewards: metric = nil
        case .metric(let name):
            guard let found = W.metrics.first(where: { $0.name == name }) else {
                failure = .unsupported("world \(W.id) has no metric '\(name)' (it has \(W.metrics.map(\.name).joined(separator: ", ")))")
                return
            }
            metric = found
        }
        let world = W.makeWorld(configuration)
        let scale = request.scale
        var values = Array(repeating: 0.0, count: request.points)
        let clock = ContinuousClock()
        for seed in seeds {
            let start = clock.now
            for (point, hyperparameters) in request.hyperparameters.enumerated() {
                var environment = world
                var agent = A(
                    observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
                    hyperparameters: hyperparameters, settings: settings, seed: derivedSeed(seed, purpose: SeedPurpose.agent))
                var total = 0.0
                let summary = request.summary
                _ = RLCore.train(
                    &agent, on: &environment, episodes: request.episodes, seed: derivedSeed(seed, purpose: SeedPurpose.training)
                ) {
                    record in
                    let value = scale * (metric.map { $0.value(record.counters) } ?? record.totalReward)
                    switch summary {
                    case .perEpisode: values[record.episode] = value
                    case .mean(let episodes): if episodes.contains(record.episode) { total += value }
                    }
                    return .proceed
                }
                if case .mean(let episodes) = summary { values[point] = total / Double(max(episodes.count, 1)) }
            }
            sums.secondsInRuns += seconds(clock.now - start)
            sums.add(values)
        }
    }
}
