/// One side of a two-agent world, played against a fixed opponent on the other side, as an
/// ordinary single-agent ``Environment``: PettingZoo's "the other agents are part of the
/// environment". Every single-agent tool (``train(_:on:episodes:seed:onEpisode:)``,
/// ``evaluate(_:on:episodes:seed:until:)``, ``checkEnvironment(_:seed:steps:)``) then works on
/// the world unchanged.
///
/// The opponent acts in ``AgentMode/evaluation`` and never learns. The learner sees its side's
/// observations through `space`, which both maps the world's observations (exact positions,
/// say) and is the learner's finite observation space (bins, say).
///
/// Stepping it is the same as ``playTwoAgentEpisode(_:_:on:modes:episode:seed:)`` with the
/// opponent in evaluation mode: same draws, same episodes.
public struct AgainstFixedOpponent<World: TwoAgentEnvironment, Opponent: Agent, Space: FiniteSpace & ObservationMapping>: Environment
where
    Opponent.Observation == World.Observation, Opponent.Action == World.Action,
    Space.Input == World.Observation, Space.Output == Space.Element
{
    public typealias Observation = Space.Element
    public typealias Action = World.Action

    /// The two-agent world.
    @inlinable public var world: World { playedWorld }
    /// The fixed player on the other side.
    @inlinable public var opponent: Opponent { fixedOpponent }
    /// The side the learner plays.
    public let side: Side
    /// The learner's observations, and the map from the world's to them.
    public let observationSpace: Space
    @usableFromInline var playedWorld: World
    @usableFromInline var fixedOpponent: Opponent
    // What the opponent sees now: it acts on it at the next step.
    @usableFromInline var opponentObservation: World.Observation?

    /// - Parameters:
    ///   - side: the side the learner plays; the opponent plays the other.
    ///   - space: the learner's observation space, which maps the world's observations.
    public init(_ world: World, opponent: Opponent, side: Side = .left, observing space: Space) {
        playedWorld = world
        fixedOpponent = opponent
        self.side = side
        observationSpace = space
    }

    @inlinable public var actionSpace: World.ActionSpace { playedWorld.actionSpace }
    @inlinable public var counters: World.Counters { playedWorld.counters }

    @inlinable
    public mutating func reset(seed: UInt64?) -> Observation {
        let observations = playedWorld.reset(seed: seed)
        opponentObservation = observations[side.opponent]
        return observationSpace.map(observations[side])
    }

    @inlinable
    public mutating func step(_ action: Action) -> Step<Observation> {
        guard let seen = opponentObservation else { preconditionFailure("step before reset") }
        var actions = Pair(repeating: action)
        actions[side.opponent] = fixedOpponent.action(for: seen, mode: .evaluation)
        let step = playedWorld.step(actions)
        opponentObservation = step.observations[side.opponent]
        return Step(
            observation: observationSpace.map(step.observations[side]), reward: step.rewards[side],
            terminated: step.terminated[side], truncated: step.truncated[side])
    }
}

extension AgainstFixedOpponent: Resumable where World: Resumable, Opponent: Resumable {
    /// The world's generators, then the opponent's.
    public var generatorState: [UInt64] {
        get { playedWorld.generatorState + fixedOpponent.generatorState }
        set {
            let split = playedWorld.generatorState.count
            precondition(newValue.count == split + fixedOpponent.generatorState.count, "wrong number of generator words")
            playedWorld.generatorState = Array(newValue[..<split])
            fixedOpponent.generatorState = Array(newValue[split...])
        }
    }
}
