import RLCore

/// Differential Sarsa, tabular (Sutton & Barto, 2nd ed., the box "Differential semi-gradient
/// Sarsa for estimating q̂ ≈ q*" of §10.3, p. 251, with a value per pair): for a continuing task
/// there is no discount; an estimate R̄ of the average reward per step stands in for it.
///
/// The box: take A, observe R, S′; choose A′ from S′ ε-greedily;
/// δ ← R − R̄ + Q(S′, A′) − Q(S, A); R̄ ← R̄ + β δ; Q(S, A) ← Q(S, A) + α δ; S ← S′; A ← A′.
/// (With one-hot features the box's w ← w + α δ ∇q̂(S, A, w) is this update: RLLinear's
/// `LinearDifferentialSarsaAgent` is the same method over any features, and the linear form of
/// this registration.) Q = 0 and R̄ = 0 at the start. γ is not read.
///
/// A continuing world is played in episodes cut by a step cap (truncated): those bootstrap as
/// any other step, and R̄ is kept from one episode to the next, so the run is the box's one
/// endless episode. On an episodic world a terminated step bootstraps from nothing,
/// δ = R − R̄ − Q(S, A). R̄ is saved in the policy file (`average_reward`), so a resumed run
/// goes on with it.
public struct DifferentialSarsaAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public var table: QTable
    public var exploration: EpsilonGreedy
    public let settings: DifferentialSarsaSettings
    /// R̄, the estimate of the average reward per step.
    public var averageReward = 0.0
    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: DifferentialSarsaSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
        self.settings = settings
    }

    @inlinable @inline(__always) @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        // The target R − R̄ + Q(S′, A′), with the R̄ and Q from before this step: δ = target − Q(S, A).
        var target = transition.reward - averageReward
        var nextAction: Int?
        if !transition.terminated {
            let nextState = observationSpace.index(of: transition.nextObservation)
            let chosen = exploration.action(in: table, state: nextState, of: observationSpace, mode: .training)
            target += table[nextState, chosen]
            nextAction = chosen
        }
        averageReward += settings.averageRewardStepSize * (target - table[state, action])
        table.moveInPlace(state: state, action: action, towards: target, rate: exploration.learningRate)
        return nextAction.map { actionSpace.element(at: $0) }
    }

    /// R̄, saved beside the table.
    public var extraTensors: [String: Tensor] {
        [DifferentialSarsaSettings.averageRewardTensor: Tensor(shape: [1], floats: [averageReward])]
    }

    /// Puts back a saved table and R̄.
    /// - Throws: when the table does not fit, or R̄ is missing or not one finite number.
    public mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError) {
        let saved = try extraTensors.values(named: DifferentialSarsaSettings.averageRewardTensor, shape: [1])
        try table.checkShape(of: observationSpace, actionSpace)
        self.table = table
        self.table.limitActions(by: observationSpace)
        averageReward = saved[0]
    }
}

/// What differential Sarsa has besides α and ε: β, the step size of R̄.
public struct DifferentialSarsaSettings: AgentSettings {
    /// β (Example 10.2: 0.01).
    public var averageRewardStepSize: Double

    public init() { averageRewardStepSize = 0.01 }
    public init(averageRewardStepSize: Double) { self.averageRewardStepSize = averageRewardStepSize }

    /// The name of R̄'s tensor in a policy file (the tabular and the linear agent's).
    public static var averageRewardTensor: String { "average_reward" }

    /// β in (0, 1].
    public func validate() throws(SettingError) {
        guard averageRewardStepSize > 0 && averageRewardStepSize <= 1 else {
            throw SettingError("the average reward's step size β must be in (0, 1], got \(averageRewardStepSize)")
        }
    }
}

/// `differential-sarsa`.
public enum DifferentialSarsa: AgentRegistration {
    public static let id = "differential-sarsa"
    public static let summary = "differential Sarsa (average reward R̄ for continuing tasks, no γ, S&B §10.3)"
    public static var flags: [SettingFlag<DifferentialSarsaSettings>] {
        [
            .number(
                "reward-step-size", \.averageRewardStepSize, in: 1e-12...1,
                help: "Step size β of the average reward R̄ (default 0.01, Example 10.2).")
        ]
    }
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .epsilon]
    public static let extraTensorNames = [DifferentialSarsaSettings.averageRewardTensor]
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(DifferentialSarsaAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
