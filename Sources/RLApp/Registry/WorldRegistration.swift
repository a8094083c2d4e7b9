import RLCore
import RLTabular

/// Everything `rl` needs to know about a world, declared in one place (its file under
/// `Sources/RLApp/Worlds/`), the way Gymnasium's `register(...)` names a world with its
/// options, step cap and threshold. The registry lists it in one line; nothing else in the app
/// knows the world's name.
public protocol WorldRegistration {
    /// The world's settings: Codable (policy files store them as JSON), with defaults.
    associatedtype Configuration: Codable & Sendable & Equatable
    /// The environment the configuration builds, step cap included.
    associatedtype World: Environment & Resumable

    /// The name on the command line and in policy files (`pong`).
    static var id: String { get }
    /// One line for `rl train --help`.
    static var summary: String { get }
    static var defaultConfiguration: Configuration { get }
    /// The flags that set the configuration (`--stay`).
    static var flags: [SettingFlag<Configuration>] { get }
    /// Named starting points (`--preset tutorial`); none by default.
    static var presets: [WorldPreset<Configuration>] { get }

    /// Checks a configuration, which may come from an untrusted file: every number bounded.
    static func validate(_ configuration: Configuration) throws(SettingError)
    /// The environment for a valid configuration.
    static func makeWorld(_ configuration: Configuration) -> World
    /// The names of the table's state dimensions and of the actions, as policy files store them.
    static func stateDimensions(_ configuration: Configuration) -> [String]
    static func actionNames(_ configuration: Configuration) -> [String]
    /// The observation mode policy files record, for worlds that have one.
    static func observationName(_ configuration: Configuration) -> String?
    /// The configuration in a few words, for `rl inspect`.
    static func describe(_ configuration: Configuration) -> String

    /// What the world counts in an episode, by name (Gymnasium's episode `info`): the columns
    /// of the CSV log and the lines of `rl eval`.
    static var metrics: [EpisodeMetric<World.Counters>] { get }
    /// The figure a sweep's `final` score reads from the run's final greedy evaluation, and that
    /// `rl report` aggregates: `return` (the mean return, the default), `steps`, or one of
    /// ``metrics`` by name (its mean, or its share for a 0/1 metric). Higher must be better.
    static var mainMetric: String { get }
    /// The hyperparameters an agent starts from on this world.
    static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters
    /// The episodes `rl train` plays when not told (6000 by default).
    static func defaultEpisodes(_ configuration: Configuration) -> Int

    /// The grids `rl inspect` prints and paints. By default, one grid over the last two state
    /// dimensions for each value of the others.
    static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel]
    /// A state's coordinates in the world's own words (`rl inspect --state`), if it has any.
    static func explain(state coordinates: [Int], _ configuration: Configuration) -> String?

    /// Scripted agents `rl eval --baseline` can play; none by default.
    static var baselines: [String] { get }
    /// Plays a baseline's evaluation episodes, seeded as a policy's would be.
    static func evaluateBaseline(_ name: String, _ configuration: Configuration, episodes: Int, seed: UInt64,
                                 shouldStop: () -> Bool) -> [EpisodeRecord<World.Counters>]
    /// The world's whole dynamics and step cap, for worlds that publish them (planners, and
    /// `rl eval`'s exact return and gap to the optimum); `nil` by default.
    static func model(_ configuration: Configuration) -> WorldModel?
    /// A `rl watch` session, for worlds that can be drawn; `nil` by default.
    static func watchSession(_ configuration: Configuration, policy: Policy, seed: UInt64, epsilon: Double) throws(WatchError) -> (any WatchableSession)?
    /// What the training loop runs beside the world (self-play's league); `nil` by default.
    static func trainingCompanion(for world: World) -> (any TrainingCompanion)?
}

/// The configuration of a world that has no settings.
public struct NoConfiguration: Codable, Sendable, Equatable {
    public init() {}
}

/// A named per-episode figure of a world (Pong's hits), computed from its counters.
public struct EpisodeMetric<Counters> {
    /// The CSV column and JSON key (`avoidable_misses`).
    public var name: String
    /// What `rl eval` says per episode (`avoidable misses`).
    public var phrase: String
    /// For a 0/1 metric (Maximization bias's `left`, Pong's `won`): reports give the share of
    /// episodes where it is 1. Otherwise the mean per episode.
    public var isShare: Bool
    /// When set, reports also give the share of episodes where the metric is 0, with these
    /// words ("with no avoidable miss").
    public var zeroShareWords: String?
    public var value: (Counters) -> Double

    public init(_ name: String, phrase: String, isShare: Bool = false, zeroShareWords: String? = nil,
                value: @escaping (Counters) -> Double) {
        self.name = name
        self.phrase = phrase
        self.isShare = isShare
        self.zeroShareWords = zeroShareWords
        self.value = value
    }
}

/// A named starting point for a world: a configuration change and hyperparameters.
public struct WorldPreset<Configuration> {
    public var name: String
    public var summary: String
    public var configure: (inout Configuration) -> Void
    public var hyperparameters: Hyperparameters

    public init(name: String, summary: String, hyperparameters: Hyperparameters, configure: @escaping (inout Configuration) -> Void = { _ in }) {
        self.name = name
        self.summary = summary
        self.hyperparameters = hyperparameters
        self.configure = configure
    }
}

extension WorldRegistration {
    // Defaults, so that a small world (the README's corridor) declares only what it has.
    public static var flags: [SettingFlag<Configuration>] { [] }
    public static func validate(_ configuration: Configuration) throws(SettingError) {}
    public static var metrics: [EpisodeMetric<World.Counters>] { [] }
    public static func describe(_ configuration: Configuration) -> String { JSONText.encode(configuration) }
    /// `dimension0`, `dimension1`, ... after the observation space's shape.
    public static func stateDimensions(_ configuration: Configuration) -> [String] {
        makeWorld(configuration).observationSpace.shape.indices.map { "dimension\($0)" }
    }
    /// The action indices as names: `0`, `1`, ...
    public static func actionNames(_ configuration: Configuration) -> [String] {
        (0..<makeWorld(configuration).actionSpace.count).map(String.init)
    }
    public static var presets: [WorldPreset<Configuration>] { [] }
    public static var mainMetric: String { "return" }
    public static func observationName(_ configuration: Configuration) -> String? { nil }
    public static var baselines: [String] { [] }
    public static func evaluateBaseline(_ name: String, _ configuration: Configuration, episodes: Int, seed: UInt64,
                                        shouldStop: () -> Bool) -> [EpisodeRecord<World.Counters>] { [] }
    public static func watchSession(_ configuration: Configuration, policy: Policy, seed: UInt64, epsilon: Double) throws(WatchError) -> (any WatchableSession)? { nil }
    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? { nil }
    public static func model(_ configuration: Configuration) -> WorldModel? { nil }
    public static func defaultEpisodes(_ configuration: Configuration) -> Int { 6000 }

    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        try PolicyPanel.grids(stateShape: makeWorld(configuration).observationSpace.shape,
                              dimensions: stateDimensions(configuration), selection: selection)
    }
}
