import RLCore
import RLTabular

// EXTENDING-AGENT-START
/// Q-learning from optimistic initial values (Sutton & Barto, 2nd ed., §2.6): every Q(s, a)
/// starts at Q₀ instead of 0, so untried actions look good and get tried. The update is
/// Q-learning's (§6.5): Q(S,A) ← Q(S,A) + α [R + γ max_a Q(S′,a) − Q(S,A)].
struct OptimisticQLearningAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    let observationSpace: ObservationSpace
    let actionSpace: ActionSpace
    var table: QTable
    var exploration: EpsilonGreedy
    mutating func ownLearnedTables() { table.makeUnique() }  // the trainer calls it each episode

    init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: OptimisticSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        let count = observationSpace.count * actionSpace.count
        table = QTable(
            stateShape: observationSpace.shape, actionCount: actionSpace.count,
            values: Array(repeating: settings.initialValue, count: count), visits: Array(repeating: 0, count: count))
        table.limitActions(by: observationSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
    }

    mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        var target = transition.reward
        if !transition.terminated {
            target +=
                exploration.discount * table.maxValue(in: observationSpace.index(of: transition.nextObservation), of: observationSpace)
        }
        table.moveInPlace(state: state, action: action, towards: target, rate: exploration.learningRate)
        return nil  // off-policy: the trainer asks for A′
    }
}

/// The agent's own setting, Q₀, with its default and range.
struct OptimisticSettings: AgentSettings {
    var initialValue = 5.0
    func validate() throws(SettingError) {
        guard initialValue.isFinite && abs(initialValue) <= 1e6 else { throw SettingError("initial value must be in -1e6...1e6") }
    }
}

/// How `rl` knows the agent: its id, its flags, and its type for any pair of spaces.
enum OptimisticQLearning: AgentRegistration {
    static let id = "optimistic-q-learning"
    static let summary = "Q-learning from optimistic initial values (S&B §2.6)"
    static var flags: [SettingFlag<OptimisticSettings>] {
        [.number("initial-value", \.initialValue, in: -1e6...1e6, help: "Q₀, every action value's start (default 5).")]
    }
    static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    static let extraTensorNames: [String] = []
    static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(OptimisticQLearningAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
// EXTENDING-AGENT-END
