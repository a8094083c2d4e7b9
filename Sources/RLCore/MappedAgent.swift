/// Turns one kind of observation into another: a discretiser from a world's exact positions
/// to a table's bins, for example.
public protocol ObservationMapping<Input, Output> {
    associatedtype Input
    associatedtype Output

    /// The mapped observation.
    func map(_ input: Input) -> Output
}

/// An agent that sees a world through an ``ObservationMapping``: the world publishes one kind
/// of observation (exact positions, which scripted agents read), and a tabular agent learns
/// on its bins. It is an agent-side wrapper, so a scripted agent and a table can meet in the
/// same two-agent world.
public struct MappedAgent<Base: Agent, Mapping: ObservationMapping>: Agent where Mapping.Output == Base.Observation {
    public typealias Observation = Mapping.Input
    public typealias Action = Base.Action

    /// The wrapped agent, which sees mapped observations.
    public var base: Base
    /// What turns the world's observations into the base agent's.
    public let mapping: Mapping

    @inlinable
    public init(_ base: Base, mapping: Mapping) {
        self.base = base
        self.mapping = mapping
    }

    @inlinable
    public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        base.action(for: mapping.map(observation), mode: mode)
    }

    @inlinable @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        base.learn(
            from: Transition(
                observation: mapping.map(transition.observation), action: transition.action, reward: transition.reward,
                nextObservation: mapping.map(transition.nextObservation),
                terminated: transition.terminated, truncated: transition.truncated))
    }

    @inlinable
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        base.beginEpisode(episode, of: episodeCount)
    }

    @inlinable
    public mutating func ownStorageForEpisode() {
        base.ownStorageForEpisode()
    }
}
