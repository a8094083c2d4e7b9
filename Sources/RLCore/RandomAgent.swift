/// An agent that picks every action uniformly at random, in any mode: the floor every
/// learned policy must beat.
public struct RandomAgent<Observation, ActionSpace: FiniteSpace>: ScriptedAgent {
    public typealias Action = ActionSpace.Element

    public let actionSpace: ActionSpace
    @usableFromInline var generator: Xoshiro256StarStar

    /// - Parameter seed: seeds the agent's own generator, apart from the environment's.
    public init(actionSpace: ActionSpace, seed: UInt64) {
        self.actionSpace = actionSpace
        generator = Xoshiro256StarStar(seed: seed)
    }

    @inlinable
    public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        actionSpace.randomElement(using: &generator)
    }
}
