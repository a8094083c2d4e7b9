/// Whether an agent is learning or being judged.
public enum AgentMode: Sendable {
    /// Explore (for example epsilon-greedy) and learn from transitions.
    case training
    /// Act greedily; never explore and never learn.
    case evaluation
}

/// One step of experience, as an agent learns from it.
public struct Transition<Observation, Action> {
    public var observation: Observation
    public var action: Action
    public var reward: Double
    public var nextObservation: Observation
    /// The episode ended inside the task: the target is the reward alone.
    public var terminated: Bool
    /// A step cap cut the episode: the target still bootstraps from `nextObservation`.
    public var truncated: Bool

    @inlinable
    public init(
        observation: Observation, action: Action, reward: Double,
        nextObservation: Observation, terminated: Bool, truncated: Bool
    ) {
        self.observation = observation
        self.action = action
        self.reward = reward
        self.nextObservation = nextObservation
        self.terminated = terminated
        self.truncated = truncated
    }
}

/// Something that acts in an ``Environment`` and may learn from what happens.
public protocol Agent<Observation, Action> {
    associatedtype Observation
    associatedtype Action

    /// Chooses an action: exploring in ``AgentMode/training``, greedy in
    /// ``AgentMode/evaluation``.
    mutating func action(for observation: Observation, mode: AgentMode) -> Action

    /// Learns from one transition. Called only while training, after every step.
    ///
    /// The order of "choose the next action" and "update" is the algorithm's own, so it is the
    /// agent's to decide: an on-policy agent (SARSA) chooses A′ from S′ first, learns from it,
    /// and returns it; the trainer then takes exactly that action. An off-policy agent
    /// (Q-learning) returns `nil`, and the trainer asks ``action(for:mode:)`` for the next
    /// action after the update. When `transition` ends the episode, the result is ignored.
    /// - Returns: the action to take from `transition.nextObservation`, or `nil` to be asked.
    @discardableResult
    mutating func learn(from transition: Transition<Observation, Action>) -> Action?

    /// Called before each training episode, so that schedules (epsilon, learning rate) can
    /// follow training progress. `episode` counts from 0.
    mutating func beginEpisode(_ episode: Int, of episodeCount: Int)

    /// Called by the trainers at the start of each training episode, after
    /// ``beginEpisode(_:of:)`` and before any step: an agent whose learned values live in
    /// copy-on-write storage makes it its own here (the trainer copies agents only between
    /// episodes), so every step can write in place without a check. Tabular agents get it from
    /// their framework (`TabularAgent.ownLearnedTables()`); an agent with no such storage needs nothing.
    mutating func ownStorageForEpisode()
}

extension Agent {
    /// Agents without schedules need not implement this.
    @inlinable
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {}

    /// Agents without copy-on-write storage need not implement this.
    @inlinable
    public mutating func ownStorageForEpisode() {}

}

/// An agent that never learns (a scripted baseline, a random player): it needs no
/// ``Agent/learn(from:)`` of its own. Learning agents get no default on purpose, so a `learn`
/// with the wrong signature is a compile error instead of a method the trainer never calls.
public protocol ScriptedAgent: Agent {}

extension ScriptedAgent {
    /// Learns nothing, and lets the trainer ask for the next action.
    @inlinable @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? { nil }
}
