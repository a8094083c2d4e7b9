import RLCore

/// SARSA: on-policy TD control (Sutton & Barto, 2nd ed., §6.4).
///
/// The box: take A, observe R, S′; choose A′ from S′ ε-greedily;
/// Q(S,A) ← Q(S,A) + α [R + γ Q(S′,A′) − Q(S,A)]; S ← S′; A ← A′.
/// The A′ chosen here is returned to the trainer, which takes exactly that action next: the
/// update learns from the action really taken. A terminated transition targets R alone; a
/// truncated one bootstraps from the A′ the policy chose (and the episode ends anyway).
public struct SarsaAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
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
        guard !transition.terminated else {
            table.moveInPlace(state: state, action: action, towards: transition.reward, rate: exploration.learningRate)
            return nil
        }
        // Choose A′ from S′ before the update: the action learned from is the one taken next.
        let nextState = observationSpace.index(of: transition.nextObservation)
        let nextAction = exploration.action(in: table, state: nextState, of: observationSpace, mode: .training)
        let target = transition.reward + exploration.discount * table[nextState, nextAction]
        table.moveInPlace(state: state, action: action, towards: target, rate: exploration.learningRate)
        return actionSpace.element(at: nextAction)
    }
}

/// `sarsa`.
public enum Sarsa: AgentRegistration {
    public static let id = "sarsa"
    public static let summary = "SARSA (on-policy TD control, S&B §6.4)"
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(SarsaAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
