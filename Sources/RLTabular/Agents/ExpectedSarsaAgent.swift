import RLCore

/// Expected SARSA (Sutton & Barto, 2nd ed., §6.6): SARSA's target with the next action
/// averaged out under the ε-greedy policy instead of sampled.
///
/// Q(S,A) ← Q(S,A) + α [R + γ Σ_a π(a|S′) Q(S′,a) − Q(S,A)], where π is ε-greedy with this
/// episode's ε: every action has ε/|A|, the greedy ones share 1 − ε, so the expectation is
/// (1 − ε) max_a Q(S′,a) + ε mean_a Q(S′,a). The target needs no next action, so the trainer
/// asks for it after the update, as for Q-learning.
public struct ExpectedSarsaAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public var table: QTable
    public var exploration: EpsilonGreedy
    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: NoAgentSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
    }

    @inlinable @inline(__always) @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        var target = transition.reward
        if !transition.terminated {
            let nextState = observationSpace.index(of: transition.nextObservation)
            target +=
                exploration.discount * table.epsilonGreedyExpectation(in: nextState, of: observationSpace, epsilon: exploration.epsilon)
        }
        table.moveInPlace(state: state, action: action, towards: target, rate: exploration.learningRate)
        return nil
    }
}

/// `expected-sarsa`.
public enum ExpectedSarsa: AgentRegistration {
    public static let id = "expected-sarsa"
    public static let summary = "Expected SARSA (expectation under the ε-greedy policy, S&B §6.6)"
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(ExpectedSarsaAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
