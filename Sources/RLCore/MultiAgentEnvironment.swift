/// One parallel step's outcome for both agents, as returned by
/// ``TwoAgentEnvironment/step(_:)``: PettingZoo's `(observations, rewards, terminations,
/// truncations)`, one entry per side.
///
/// `terminated` and `truncated` keep Gymnasium's meaning for each side: terminated means the
/// task ended for that agent (no bootstrapping), truncated means a clock cut it (bootstrap
/// from the observation).
public struct TwoAgentStep<Observation> {
    /// Each side's observation after the actions, from its own point of view.
    public var observations: Pair<Observation>
    /// Each side's reward for this step.
    public var rewards: Pair<Double>
    /// The episode ended inside the task, for each side.
    public var terminated: Pair<Bool>
    /// A step cap cut the episode, for each side.
    public var truncated: Pair<Bool>

    @inlinable
    public init(observations: Pair<Observation>, rewards: Pair<Double>, terminated: Pair<Bool>, truncated: Pair<Bool>) {
        self.observations = observations
        self.rewards = rewards
        self.terminated = terminated
        self.truncated = truncated
    }

    /// Whether the episode is over: both agents act at every step until either one is done
    /// (a world where one agent leaves while the other plays on does not fit this protocol).
    @inlinable
    public var isLast: Bool { terminated.left || terminated.right || truncated.left || truncated.right }

    /// One side's part of the step, in the single-agent shape an ``Agent`` learns from.
    @inlinable
    public subscript(side: Side) -> Step<Observation> {
        Step(observation: observations[side], reward: rewards[side], terminated: terminated[side], truncated: truncated[side])
    }
}

extension TwoAgentStep: Sendable where Observation: Sendable {}
extension TwoAgentStep: Equatable where Observation: Equatable {}

/// A world where two agents act at every step: the shape of PettingZoo's Parallel API
/// (`ParallelEnv`) for two agents, with a ``Pair`` where PettingZoo has a dictionary.
///
/// Both sides share one observation type and one action type. A symmetric world gives each
/// side its observation from its own point of view (the right side sees the court mirrored),
/// so one table can play either side.
///
/// Seeding follows ``Environment``: a seed passed to ``reset(seed:)`` reseeds the world's own
/// generator; `nil` keeps it going.
public protocol TwoAgentEnvironment<Observation, Action> {
    associatedtype Observation
    associatedtype Action
    associatedtype ObservationSpace: FiniteSpace where ObservationSpace.Element == Observation
    associatedtype ActionSpace: FiniteSpace where ActionSpace.Element == Action
    associatedtype Counters: EpisodeCounters = NoCounters

    /// The observations either side can receive.
    var observationSpace: ObservationSpace { get }
    /// The actions either side may take.
    var actionSpace: ActionSpace { get }

    /// Starts a new episode and returns each side's first observation.
    /// - Parameter seed: reseeds the world's generator; `nil` keeps it going.
    mutating func reset(seed: UInt64?) -> Pair<Observation>

    /// Applies both sides' actions at once and returns what followed for each.
    mutating func step(_ actions: Pair<Action>) -> TwoAgentStep<Observation>

    /// This episode's counters so far.
    var counters: Counters { get }
}

extension TwoAgentEnvironment where Counters == NoCounters {
    @inlinable public var counters: NoCounters { NoCounters() }
}

extension TwoAgentEnvironment {
    /// Starts a new episode, keeping the current random generator going.
    @inlinable
    public mutating func reset() -> Pair<Observation> { reset(seed: nil) }
}
