import RLCore
import RLTabular

/// What every world tells `rl`, declared in its file under `Sources/RLApp/Worlds/` (Gymnasium's
/// `register(...)`): its name, its settings, how to build it, what it counts and where agents
/// start. Nothing here has a default that hides a missing piece: what only some worlds have
/// (a model, baselines, a picture, inspection, two players) is a capability protocol of its own
/// in `Registry/Capabilities/`, which the world adopts with everything that goes with it.
/// The registry lists the world in one line; nothing else in the app knows its name.
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
    /// The flags that set the configuration (`--stay`); `[]` for none.
    static var flags: [SettingFlag<Configuration>] { get }
    /// Checks a configuration, which may come from an untrusted file: every number bounded.
    static func validate(_ configuration: Configuration) throws(SettingError)
    /// The environment for a valid configuration.
    static func makeWorld(_ configuration: Configuration) -> World
    /// What the world counts in an episode, by name (Gymnasium's episode `info`): the columns
    /// of the CSV log and the lines of `rl eval`; `[]` for none.
    static var metrics: [EpisodeMetric<World.Counters>] { get }
    /// The hyperparameters an agent starts from on this world.
    static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters

    // Refinements with a stated default (not capabilities: every world has them).

    /// Named starting points (`--preset tutorial`). Default: none.
    static var presets: [WorldPreset<Configuration>] { get }
    /// The figure a sweep's `final` score reads from the run's final greedy evaluation, and that
    /// `rl report` aggregates: `return`, `steps`, or one of ``metrics`` by name. Higher must be
    /// better. Default: `return`.
    static var mainMetric: String { get }
    /// The episodes `rl train` plays when not told. Default: 6000.
    static func defaultEpisodes(_ configuration: Configuration) -> Int
    /// The configuration in a few words, for `rl inspect` and messages. Default: its JSON.
    static func describe(_ configuration: Configuration) -> String
    /// Groups of flags that set the same thing, of which a command line may give only one
    /// (`--map` and `--map-file`): otherwise the last would silently win. Default: none.
    static var exclusiveFlags: [[String]] { get }
    /// What a deep agent (`dqn`, `ppo`) starts from on this world when not told: rl-zoo3's
    /// settings where it has them. Default: `nil`, the agent's own defaults.
    static func deepDefaults(forAgent agent: String) -> DeepDefaults?
    /// Values for a tabular agent's own flags on this world (`lambda` for `sarsa-lambda`),
    /// applied before the user's, as `--lambda 0.5` would be. Default: none, the agent's own.
    static func defaultSettings(forAgent agent: String, in configuration: Configuration) -> [(name: String, value: String?)]
    /// The hyperparameters an agent starts from under one configuration (Taxi's rain wants a
    /// slower rate than its dry roads). Default: ``defaultHyperparameters(forAgent:)``.
    static func defaultHyperparameters(forAgent agent: String, in configuration: Configuration) -> Hyperparameters
    /// How a finite world's observations look to Gymnasium (the Python package, docs/PYTHON.md):
    /// `.coordinates` (default) is a `MultiDiscrete` of the table's dimensions (a `Discrete` for
    /// one); `.index` is one `Discrete` over the state's index, for a world numbered as
    /// Gymnasium's own; `.tuple` is a `Tuple` of one `Discrete` per dimension, as Gymnasium's
    /// Blackjack has it. Real coordinates are always a `Box`.
    static var observationGrouping: ObservationGrouping { get }
}

/// How a finite world's state dimensions are grouped for Gymnasium (``WorldRegistration/observationGrouping``).
public enum ObservationGrouping: String, Sendable, Codable {
    /// A `MultiDiscrete` of the dimensions (a `Discrete` for one).
    case coordinates
    /// One `Discrete` over the state's index (the table's row).
    case index
    /// A `Tuple` of one `Discrete` per dimension.
    case tuple
}

/// A deep agent's starting point on a world: its budget of environment steps, its shared
/// settings (learning rate, γ, ε) and values for its own flags, applied before the user's.
public struct DeepDefaults: Sendable {
    public var steps: Int
    public var hyperparameters: Hyperparameters
    public var settings: [(name: String, value: String?)]
    /// An evaluation every this many episodes whose best networks the file keeps (`--eval-every`
    /// with `--keep-best`), or `nil` for the last networks.
    public var keepBestEvery: Int?

    public init(
        steps: Int, hyperparameters: Hyperparameters, settings: [(name: String, value: String?)] = [], keepBestEvery: Int? = nil
    ) {
        self.steps = steps
        self.hyperparameters = hyperparameters
        self.settings = settings
        self.keepBestEvery = keepBestEvery
    }
}

extension WorldRegistration {
    public static var presets: [WorldPreset<Configuration>] { [] }
    public static var mainMetric: String { "return" }
    public static func defaultEpisodes(_ configuration: Configuration) -> Int { 6000 }
    public static func describe(_ configuration: Configuration) -> String { JSONText.encode(configuration) }
    public static var exclusiveFlags: [[String]] { [] }
    public static func deepDefaults(forAgent agent: String) -> DeepDefaults? { nil }
    public static func defaultSettings(forAgent agent: String, in configuration: Configuration) -> [(name: String, value: String?)] { [] }
    public static func defaultHyperparameters(forAgent agent: String, in configuration: Configuration) -> Hyperparameters {
        defaultHyperparameters(forAgent: agent)
    }
    public static var observationGrouping: ObservationGrouping { .coordinates }
}

/// The configuration of a world that has no settings.
public struct NoConfiguration: Codable, Sendable, Equatable {
    public init() {}
}

extension WorldRegistration where Configuration == NoConfiguration {
    /// A world with no settings has no flags.
    public static var flags: [SettingFlag<NoConfiguration>] { [] }
    /// A world with no settings has nothing to check.
    public static func validate(_ configuration: NoConfiguration) throws(SettingError) {}
}

extension WorldRegistration where World.Counters == NoCounters {
    /// A world that counts nothing has no metrics.
    public static var metrics: [EpisodeMetric<NoCounters>] { [] }
}
