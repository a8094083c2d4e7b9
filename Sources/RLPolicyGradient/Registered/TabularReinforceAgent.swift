import RLCore
import RLTabular

/// `reinforce` on a finite world: REINFORCE (Sutton & Barto, 2nd ed., §13.3, the box on p. 328)
/// with the one-hot soft-max policy of ``TabularSoftmax``; ``Reinforce`` is the same update over
/// any linear features. After each episode, for t = 0, 1, …, T − 1 in order:
///
///     G ← Σ_{k=t+1}^{T} γ^{k−t−1} R_k
///     θ ← θ + α^θ γᵗ G ∇ ln π(A_t|S_t, θ)
///
/// each eligibility vector taken at θ as updated so far in the episode, as the box's loop does.
/// A step cap (truncated) leaves G without its tail: the agent has no value to bootstrap from,
/// so the returns count only the rewards seen. Learns once per episode (``EpisodicTabularAgent``).
///
/// Acts by drawing from π while training; in evaluation it plays the table greedily, the most
/// probable action, as `rl eval` plays every policy file (ties broken at random).
public struct TabularReinforceAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpisodicTabularAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public let settings: PolicyStepSettings
    /// γ.
    public let discount: Double
    /// θ: the preferences h(s, a, θ), with visit counts.
    public var table: QTable
    public var episodeSoFar = EpisodeBuffer<ObservationSpace.Element, ActionSpace.Element>()
    @usableFromInline var softmax: TabularSoftmax
    @usableFromInline var generator: Xoshiro256StarStar
    /// G_t of the episode being learned, t = 0…T − 1 (storage kept).
    @usableFromInline var returns: [Double] = []

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: PolicyStepSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.settings = settings
        discount = hyperparameters.discount
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
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
        returns.removeAll(keepingCapacity: true)
        returns.append(contentsOf: repeatElement(0, count: transitions.count))
        var following = 0.0  // G_T: 0, also after a step cap (no value to bootstrap from)
        for t in transitions.indices.reversed() {
            following = transitions[t].reward + discount * following
            returns[t] = following
        }
        var discounting = 1.0  // γᵗ
        for (t, step) in transitions.enumerated() {
            let state = observationSpace.index(of: step.observation)
            let legal = observationSpace.legalActions(inState: state)
            softmax.evaluate(table, state: state, legal: legal)
            softmax.ascend(
                &table, state: state, action: actionSpace.index(of: step.action), legal: legal,
                by: settings.policyStepSize * discounting * returns[t])
            discounting *= discount
        }
    }

    public mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        self.table = table
        self.table.limitActions(by: observationSpace)
    }
}

/// `reinforce`.
public enum TabularReinforce: AgentRegistration {
    public static let id = "reinforce"
    public static let summary = "REINFORCE, Monte Carlo policy gradient with a soft-max policy (S&B §13.3)"
    public static var flags: [SettingFlag<PolicyStepSettings>] { PolicyStepSettings.flags }
    public static let sharedSettings: Set<SharedSetting> = [.discount]
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(TabularReinforceAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
