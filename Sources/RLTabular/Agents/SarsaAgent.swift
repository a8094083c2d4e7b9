import RLCore

/// SARSA: on-policy TD control (Sutton & Barto, 2nd ed., §6.4).
///
/// The box: take A, observe R, S′; choose A′ from S′ ε-greedily;
/// Q(S,A) ← Q(S,A) + α [R + γ Q(S′,A′) − Q(S,A)]; S ← S′; A ← A′.
/// The A′ chosen here is returned to the trainer, which takes exactly that action next: the
/// update learns from the action really taken. A terminated transition targets R alone; a
/// truncated one bootstraps from the A′ the policy chose (and the episode ends anyway).
public struct SarsaAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: TabularAgent {
    public typealias Observation = ObservationSpace.Element
    public typealias Action = ActionSpace.Element

    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public var table: QTable
    @usableFromInline var policy: EpsilonGreedy

    public init(observationSpace: ObservationSpace, actionSpace: ActionSpace,
                hyperparameters: Hyperparameters, settings: NoAgentSettings = NoAgentSettings(), seed: UInt64) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        policy = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
    }

    public var generatorState: [UInt64] {
        get { policy.generatorState }
        set { policy.generatorState = newValue }
    }

    public mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        self.table = table
        self.table.limitActions(by: observationSpace)
    }

    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        policy.beginEpisode(episode, of: episodeCount)
        table.makeUnique()
    }

    @inlinable @inline(__always)
    public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        actionSpace.element(at: policy.action(in: table, state: observationSpace.index(of: observation), of: observationSpace, mode: mode))
    }

    @inlinable @inline(__always) @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        guard !transition.terminated else {
            table.moveInPlace(state: state, action: action, towards: transition.reward, rate: policy.learningRate)
            return nil
        }
        // Choose A′ from S′ before the update: the action learned from is the one taken next.
        let nextState = observationSpace.index(of: transition.nextObservation)
        let nextAction = policy.action(in: table, state: nextState, of: observationSpace, mode: .training)
        let target = transition.reward + policy.discount * table[nextState, nextAction]
        table.moveInPlace(state: state, action: action, towards: target, rate: policy.learningRate)
        return actionSpace.element(at: nextAction)
    }
}

/// `sarsa`.
public enum Sarsa: AgentRegistration {
    public static let id = "sarsa"
    public static let summary = "SARSA (on-policy TD control, S&B §6.4)"
    public static var flags: [SettingFlag<NoAgentSettings>] { [] }
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(SarsaAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
