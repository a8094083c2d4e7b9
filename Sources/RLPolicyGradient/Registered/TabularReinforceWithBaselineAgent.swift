import RLCore
import RLTabular

/// `reinforce-baseline` on a finite world: REINFORCE with baseline (Sutton & Barto, 2nd ed.,
/// §13.4, the box on p. 330) with the one-hot soft-max policy of ``TabularSoftmax`` and a table
/// of state values v̂(s, w) = w(s); ``ReinforceWithBaseline`` is the same update over any linear
/// features. After each episode, for t = 0, 1, …, T − 1 in order:
///
///     G ← Σ_{k=t+1}^{T} γ^{k−t−1} R_k
///     δ ← G − v̂(S_t, w)
///     w ← w + α^w δ ∇v̂(S_t, w)          (∇v̂(S_t, w) is 1 at S_t, 0 elsewhere)
///     θ ← θ + α^θ γᵗ δ ∇ ln π(A_t|S_t, θ)
///
/// δ is computed once, before w moves, and serves both updates, as in the box. A step cap
/// (truncated) leaves the episode unfinished: G then starts from v̂(S_T, w), the baseline's
/// estimate of the state it was left in, instead of 0, as the other agents bootstrap from a
/// truncated step. Learns once per episode (``EpisodicTabularAgent``); w is saved as the
/// tensor `v`.
///
/// Acts by drawing from π while training; in evaluation it plays the table greedily, the most
/// probable action, as `rl eval` plays every policy file (ties broken at random).
public struct TabularReinforceWithBaselineAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpisodicTabularAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public let settings: PolicyValueSettings
    /// γ.
    public let discount: Double
    /// θ: the preferences h(s, a, θ), with visit counts.
    public var table: QTable
    /// w: v̂(s, w) by state index.
    public var values: [Double]
    public var episodeSoFar = EpisodeBuffer<ObservationSpace.Element, ActionSpace.Element>()
    @usableFromInline var softmax: TabularSoftmax
    @usableFromInline var generator: Xoshiro256StarStar
    /// G_t of the episode being learned, t = 0…T − 1 (storage kept).
    @usableFromInline var returns: [Double] = []

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
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {}

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

    @inlinable public mutating func learn(fromEpisode episode: EpisodeBuffer<Observation, Action>) {
        let transitions = episode.transitions
        guard let last = transitions.last else { return }
        returns.removeAll(keepingCapacity: true)
        returns.append(contentsOf: repeatElement(0, count: transitions.count))
        var following = 0.0  // G_T
        if last.truncated && !last.terminated { following = values[observationSpace.index(of: last.nextObservation)] }
        for t in transitions.indices.reversed() {
            following = transitions[t].reward + discount * following
            returns[t] = following
        }
        var discounting = 1.0  // γᵗ
        for (t, step) in transitions.enumerated() {
            let state = observationSpace.index(of: step.observation)
            let error = returns[t] - values[state]  // δ
            values[state] += settings.valueStepSize * error
            let legal = observationSpace.legalActions(inState: state)
            softmax.evaluate(table, state: state, legal: legal)
            softmax.ascend(
                &table, state: state, action: actionSpace.index(of: step.action), legal: legal,
                by: settings.policyStepSize * discounting * error)
            discounting *= discount
        }
    }

    public var extraTensors: [String: Tensor] { [StateValues.name: StateValues.tensor(values, of: table)] }

    public mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        values = try StateValues.restore(from: extraTensors, of: table)
        self.table = table
        self.table.limitActions(by: observationSpace)
    }
}

/// `reinforce-baseline`.
public enum TabularReinforceWithBaseline: AgentRegistration {
    public static let id = "reinforce-baseline"
    public static let summary = "REINFORCE with a learned state-value baseline, soft-max policy (S&B §13.4)"
    public static var flags: [SettingFlag<PolicyValueSettings>] { PolicyValueSettings.flags }
    public static let sharedSettings: Set<SharedSetting> = [.discount]
    public static let extraTensorNames: [String] = [StateValues.name]
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(TabularReinforceWithBaselineAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
