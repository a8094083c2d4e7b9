import RLCore
import RLTabular

/// `actor-critic` on a finite world: one-step actor–critic (episodic) (Sutton & Barto, 2nd ed.,
/// §13.5, the box on p. 332) with the one-hot soft-max policy of ``TabularSoftmax`` (the actor)
/// and a table of state values v̂(s, w) = w(s) (the critic); ``OneStepActorCritic`` is the same
/// update over any linear features. At every step:
///
///     δ ← R + γ v̂(S′, w) − v̂(S, w)         (v̂(S′, w) = 0 when S′ is terminal)
///     w ← w + α^w δ ∇v̂(S, w)                (∇v̂(S, w) is 1 at S, 0 elsewhere)
///     θ ← θ + α^θ I δ ∇ ln π(A|S, θ)
///     I ← γ I                                (I = 1 at each episode's first step)
///
/// δ is computed once, before w moves, and serves both updates. A step cap (truncated, not
/// terminated) bootstraps from v̂(S′, w), as the other agents do. I is γ to the step's number
/// within the episode; it is back to 1 after every episode's last step, which is when the
/// trainers save, so it needs no place in the policy file. w is saved as the tensor `v`.
///
/// Acts by drawing from π while training; in evaluation it plays the table greedily, the most
/// probable action, as `rl eval` plays every policy file (ties broken at random).
public struct TabularActorCriticAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: TabularAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public let settings: PolicyValueSettings
    /// γ.
    public let discount: Double
    /// θ: the preferences h(s, a, θ), with visit counts.
    public var table: QTable
    /// w: v̂(s, w) by state index.
    public var values: [Double]
    /// I.
    public var discounting: Double { storedDiscounting }
    @usableFromInline var storedDiscounting = 1.0
    @usableFromInline var softmax: TabularSoftmax
    @usableFromInline var generator: Xoshiro256StarStar

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: PolicyValueSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.settings = settings
        discount = hyperparameters.discount
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        values = Array(repeating: 0, count: table.stateCount)
        softmax = TabularSoftmax(actionCount: actionSpace.count)
        generator = Xoshiro256StarStar(seed: seed)
    }

    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }

    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }

    /// A draw from π(·|s, θ) while training; the most probable action in evaluation.
    @inlinable public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        let state = observationSpace.index(of: observation)
        let legal = observationSpace.legalActions(inState: state)
        if mode == .evaluation { return actionSpace.element(at: table.greedyAction(in: state, legal: legal, using: &generator)) }
        softmax.evaluate(table, state: state, legal: legal)
        return actionSpace.element(at: softmax.sample(generator.nextUnitDouble()))
    }

    /// One step of the box: δ, then w, then θ, then I. Returns `nil`: the trainer asks for A′.
    @inlinable @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let following = transition.terminated ? 0 : values[observationSpace.index(of: transition.nextObservation)]
        let error = transition.reward + discount * following - values[state]  // δ
        values[state] += settings.valueStepSize * error
        let legal = observationSpace.legalActions(inState: state)
        softmax.evaluate(table, state: state, legal: legal)
        softmax.ascend(
            &table, state: state, action: actionSpace.index(of: transition.action), legal: legal,
            by: settings.policyStepSize * storedDiscounting * error)
        storedDiscounting = transition.terminated || transition.truncated ? 1 : storedDiscounting * discount
        return nil
    }

    public var extraTensors: [String: Tensor] { [StateValues.name: StateValues.tensor(values, of: table)] }

    public mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        values = try StateValues.restore(from: extraTensors, of: table)
        self.table = table
        self.table.limitActions(by: observationSpace)
        storedDiscounting = 1
    }
}

/// `actor-critic`.
public enum TabularActorCritic: AgentRegistration {
    public static let id = "actor-critic"
    public static let summary = "one-step actor-critic, soft-max actor and state-value critic (S&B §13.5)"
    public static var flags: [SettingFlag<PolicyValueSettings>] { PolicyValueSettings.flags }
    public static let sharedSettings: Set<SharedSetting> = [.discount]
    public static let extraTensorNames: [String] = [StateValues.name]
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(TabularActorCriticAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
