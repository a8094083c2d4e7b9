import RLBandits
import RLCore
import RLTabular

/// What a bandit episode counts: its pulls, and those of the arm that was best when pulled.
public struct BanditCounters: EpisodeCounters {
    public var pulls = 0
    public var optimalPulls = 0
    public init() {}
}

/// The k-armed testbed as an episodic world of one state: an episode is a fixed number of pulls
/// of one problem. The arms' true values are drawn once, from the problem's own seed, and every
/// episode (and every run) plays the same problem, so a table agent has something to learn
/// across episodes; the rewards' noise comes from the run's seed. On the nonstationary testbed
/// every episode starts the values equal again and lets them walk (one Exercise 2.5 run each).
public struct BanditPulls: Environment, Resumable, Sendable {
    /// The problem as drawn, before any pull: what each episode starts from.
    public let problem: Testbed
    public private(set) var testbed: Testbed
    public let observationSpace = Discrete(1)
    public let actionSpace: Discrete
    public private(set) var counters = BanditCounters()

    public init(_ settings: Testbed.Settings, problemSeed: UInt64) {
        problem = Testbed(settings, seed: problemSeed)
        testbed = problem
        actionSpace = Discrete(settings.arms)
    }

    public var generatorState: [UInt64] {
        get { testbed.generatorState }
        set { testbed.generatorState = newValue }
    }

    /// The problem's first values again; a seed reseeds the rewards' noise, none keeps it going.
    public mutating func reset(seed: UInt64?) -> Int {
        let noise = seed.map { Xoshiro256StarStar(seed: $0).state } ?? testbed.generatorState
        testbed = problem
        testbed.generatorState = noise
        counters = BanditCounters()
        return 0
    }

    public mutating func step(_ arm: Int) -> Step<Int> {
        let reward = testbed.pull(arm)
        counters.pulls += 1
        if arm == testbed.optimalArm { counters.optimalPulls += 1 }
        return Step(observation: 0, reward: reward, terminated: false, truncated: false)
    }
}

/// `bandit`: Sutton & Barto's k-armed testbed (§2.3), with Exercise 2.5's nonstationary walk.
public enum BanditWorld: WorldRegistration, ModelledWorld, InspectableWorld {
    /// The testbed, the problem drawn from it, and the pulls in an episode.
    public struct Configuration: Sendable, Equatable, Codable {
        public var arms = 10
        public var nonstationary = false
        public var steps = 1000
        public var problem = 1
        public init() {}

        var settings: Testbed.Settings { Testbed.Settings(arms: arms, walk: nonstationary ? BanditWorld.walk : 0) }
    }

    public static let id = "bandit"
    public static let summary = "Sutton & Barto's 10-armed testbed (§2.3), one problem, an episode of pulls"
    public static var defaultConfiguration: Configuration { Configuration() }
    public static let armLimits = 2...1000
    public static let stepLimits = 1...1_000_000
    public static let problemLimits = 0...1_000_000_000
    /// Exercise 2.5's walk: each true value takes a N(0, 0.01²) step before every pull.
    public static let walk = 0.01

    public static var flags: [SettingFlag<Configuration>] {
        [
            .integer("arms", \.arms, in: armLimits, help: "k, the number of arms (default 10)."),
            .toggle(
                "nonstationary", \.nonstationary,
                help: "Exercise 2.5: the values start equal and each takes a N(0, 0.01²) step before every pull; each episode anew."),
            .integer("steps", \.steps, in: stepLimits, help: "Pulls in an episode (default 1000)."),
            .integer("problem", \.problem, in: problemLimits, help: "The seed the arms' true values are drawn from (default 1)."),
        ]
    }

    public static func validate(_ configuration: Configuration) throws(SettingError) {
        guard armLimits.contains(configuration.arms) else {
            throw SettingError("a testbed has \(armLimits.lowerBound)...\(armLimits.upperBound) arms, got \(configuration.arms)")
        }
        guard stepLimits.contains(configuration.steps) else {
            throw SettingError("an episode has \(stepLimits.lowerBound)...\(stepLimits.upperBound) pulls, got \(configuration.steps)")
        }
        guard problemLimits.contains(configuration.problem) else {
            throw SettingError(
                "the problem's seed must be in \(problemLimits.lowerBound)...\(problemLimits.upperBound), got \(configuration.problem)")
        }
    }

    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: Configuration) -> TimeLimit<BanditPulls> {
        TimeLimit(BanditPulls(configuration.settings, problemSeed: UInt64(configuration.problem)), maxSteps: configuration.steps)
    }

    /// One state that every pull returns to, each arm paying its true value on average: the
    /// expected return is exact. The nonstationary testbed's values move, so it has none.
    public static func model(_ configuration: Configuration) -> WorldModel? {
        guard !configuration.nonstationary else { return nil }
        let values = makeWorld(configuration).base.problem.values
        let model = TabularModel(stateCount: 1, actionCount: configuration.arms, initialDistribution: [1]) { _, arm in
            [Outcome(probability: 1, nextState: 0, reward: values[arm], terminated: false)]
        }
        return WorldModel(model: model, stepCap: configuration.steps)
    }

    public static var metrics: [EpisodeMetric<BanditCounters>] {
        [
            EpisodeMetric("optimal_pulls", phrase: "share of pulls of the best arm") {
                $0.pulls == 0 ? 0 : Double($0.optimalPulls) / Double($0.pulls)
            }
        ]
    }

    public static func stateDimensions(_ configuration: Configuration) -> [String] { ["state"] }
    public static func actionNames(_ configuration: Configuration) -> [String] { (1...configuration.arms).map { "arm \($0)" } }
    public static func observationName(_ configuration: Configuration) -> String? { nil }
    public static func describe(_ configuration: Configuration) -> String {
        "\(configuration.arms) arms, " + (configuration.nonstationary ? "nonstationary" : "problem \(configuration.problem)")
            + ", \(configuration.steps) pulls an episode"
    }

    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? {
        guard !configuration.nonstationary else { return "The one state: the arms' values start equal and walk." }
        let values = makeWorld(configuration).base.problem.values
        return "The one state. True values: "
            + values.enumerated().map { "arm \($0.offset + 1) \(formatNumber($0.element))" }.joined(separator: ", ")
    }

    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        try PolicyPanel.grids(stateShape: [1], dimensions: stateDimensions(configuration), selection: selection)
    }

    /// γ 0: a pull's value is its own reward (the book's action values). ε 0.1, the book's; α
    /// from 0.1 down to 0.01, so that the estimates settle within the run (a constant α keeps
    /// them about 0.2 from the true values, more than the gap between close arms).
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .bandit }

    /// 20 episodes of 1000 pulls: each arm pulled a few hundred times.
    public static func defaultEpisodes(_ configuration: Configuration) -> Int { 20 }
}

extension Hyperparameters {
    /// `rl`'s bandit defaults: α from 0.1 to 0.01 over 90% of the run, γ 0, ε 0.1.
    public static let bandit = Hyperparameters(
        learningRate: .linear(from: 0.1, to: 0.01, over: 0.9), discount: 0, epsilon: .constant(0.1))
}
