/// One transition's outcome, as returned by ``Environment/step(_:)``.
///
/// `terminated` and `truncated` are kept apart on purpose (Gymnasium's contract):
/// - `terminated`: the task itself ended (the game was lost or won); there is no future to
///   bootstrap from.
/// - `truncated`: something outside the task (a step cap) cut the episode short; the next
///   observation still has a future, so learning bootstraps from it.
public struct Step<Observation> {
    /// The observation after the action.
    public var observation: Observation
    /// The reward for this transition.
    public var reward: Double
    /// The episode ended inside the task: no bootstrapping from `observation`.
    public var terminated: Bool
    /// The episode was cut off from outside the task (a step cap).
    public var truncated: Bool

    @inlinable
    public init(observation: Observation, reward: Double, terminated: Bool, truncated: Bool) {
        self.observation = observation
        self.reward = reward
        self.terminated = terminated
        self.truncated = truncated
    }

    /// Whether the episode is over, for either reason.
    @inlinable public var isLast: Bool { terminated || truncated }
}

/// Counters an environment keeps about the current episode, beyond return and length
/// (Pong counts hits and misses). The trainer copies them into each ``EpisodeRecord``.
public protocol EpisodeCounters: Sendable, Equatable {
    /// The counters of an episode that has not started.
    init()
}

/// The counters of an environment that keeps none.
public struct NoCounters: EpisodeCounters {
    @inlinable public init() {}
}

/// A reinforcement-learning environment: Gymnasium's contract in Swift's shape.
///
/// Seeding has one rule: a seed passed to ``reset(seed:)`` reseeds the environment's own
/// random number generator; `nil` keeps the current generator going, so consecutive
/// episodes differ while the whole run stays reproducible from the first seed.
public protocol Environment<Observation, Action> {
    associatedtype Observation
    associatedtype Action
    associatedtype ObservationSpace: Space where ObservationSpace.Element == Observation
    associatedtype ActionSpace: FiniteSpace where ActionSpace.Element == Action
    associatedtype Counters: EpisodeCounters = NoCounters

    /// The observations this environment can produce: finite (a table can index them) or a
    /// ``Box`` of real coordinates.
    var observationSpace: ObservationSpace { get }
    /// The actions this environment accepts.
    var actionSpace: ActionSpace { get }

    /// Starts a new episode and returns its first observation.
    /// - Parameter seed: reseeds the environment's generator; `nil` keeps it going.
    mutating func reset(seed: UInt64?) -> Observation

    /// Applies `action` and returns what followed.
    mutating func step(_ action: Action) -> Step<Observation>

    /// This episode's counters so far.
    var counters: Counters { get }
}

extension Environment where Counters == NoCounters {
    @inlinable public var counters: NoCounters { NoCounters() }
}

extension Environment {
    /// Starts a new episode, keeping the current random generator going.
    @inlinable
    public mutating func reset() -> Observation { reset(seed: nil) }
}
