import RLCore

/// Tabular Q-learning with ε-greedy exploration (Sutton & Barto, 2nd ed., §6.5), for any
/// environment whose observation and action spaces are finite.
///
/// The box: choose A from S ε-greedily; take A, observe R, S′;
/// Q(S,A) ← Q(S,A) + α [R + γ max_a Q(S′,a) − Q(S,A)]; S ← S′. A terminated transition targets
/// R alone; a truncated one still bootstraps (the task did not end, a clock did). Ties between
/// greedy actions are broken uniformly at random, so a fresh table does not always pick action 0.
public struct QLearningAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    /// Q: what the agent has learned.
    public var table: QTable
    /// Hyperparameters, this episode's ε and α, and the generator.
    public var exploration: EpsilonGreedy
    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }

    /// A fresh agent: Q(s, a) = 0 everywhere.
    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: NoAgentSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
    }

    /// Off-policy: the update needs no next action, so the trainer asks for it afterwards.
    @inlinable @inline(__always) @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        var target = transition.reward
        if !transition.terminated {
            target +=
                exploration.discount * table.maxValue(in: observationSpace.index(of: transition.nextObservation), of: observationSpace)
        }
        table.moveInPlace(state: state, action: action, towards: target, rate: exploration.learningRate)
        return nil
    }
}

/// `q-learning`: the default agent.
public enum QLearning: AgentRegistration {
    public static let id = "q-learning"
    public static let summary = "Q-learning (off-policy TD control, S&B §6.5)"
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(QLearningAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
