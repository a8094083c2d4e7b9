import RLCore

/// Monte Carlo ES (Sutton & Barto, 2nd ed., the box "Monte Carlo ES (Exploring Starts)" of §5.3,
/// p. 99) as `rl train`'s agent: ``MonteCarloESAgent``, the box itself (the one `rl book 5.2`
/// plays), with what the registry needs around it: a ``QTable`` of its averages and counts, its
/// own generator, and a policy file that resumes it exactly.
///
/// The box's exploring starts are two draws. The state S₀: `rl train` starts every training
/// episode in a state drawn uniformly from the world's start states (a world that can:
/// `ExploringStartsWorld` in RLApp; the agent is refused on others). The action A₀: drawn here,
/// uniformly from the agent's generator, at the first step of every training episode; π(S_t)
/// from then on. In evaluation it plays π.
///
/// π starts at the first action everywhere (the box: "arbitrarily"). A step cap (truncated)
/// leaves the episode unfinished: G then starts from Q(S_T, π(S_T)) instead of 0, as every
/// agent bootstraps from a truncated step (a deterministic π can walk in circles until the cap).
public struct MonteCarloESTabularAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpisodicTabularAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    /// The box: Returns(s, a) as sums and counts, and π.
    public private(set) var method: MonteCarloESAgent<ObservationSpace, ActionSpace>
    /// Q(s, a), the averages of the returns, and their counts: what `rl` saves, evaluates and inspects.
    public private(set) var table: QTable
    public var episodeSoFar = EpisodeBuffer<ObservationSpace.Element, ActionSpace.Element>()
    /// Draws A₀.
    var generator: Xoshiro256StarStar

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: NoAgentSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        let first = actionSpace.element(at: 0)
        method = MonteCarloESAgent(
            states: observationSpace, actions: actionSpace, discount: hyperparameters.discount, initialPolicy: { _ in first })
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        generator = Xoshiro256StarStar(seed: seed)
    }

    public mutating func ownLearnedTables() { table.makeUnique() }
    /// No schedule: the box has no ε and no α (RLCore's `Agent` and `EpisodicAgent` each offer this empty default).
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {}

    /// A₀ uniformly at the first step of a training episode (the buffer is empty only then), π after.
    public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        guard mode == .training && episodeSoFar.count == 0 else { return method.action(for: observation, mode: mode) }
        return actionSpace.element(at: generator.nextIndex(below: actionSpace.count))
    }

    /// The box's update (``MonteCarloESAgent/learn(fromEpisode:following:)``), then the table's
    /// pairs of the episode copied from it.
    public mutating func learn(fromEpisode episode: EpisodeBuffer<Observation, Action>) {
        guard let last = episode.transitions.last else { return }
        var following = 0.0
        if last.truncated && !last.terminated {
            let state = last.nextObservation
            following = method.value(of: state, method.action(for: state, mode: .evaluation))
        }
        method.learn(fromEpisode: episode, following: following)
        for transition in episode.transitions {
            let state = observationSpace.index(of: transition.observation), action = actionSpace.index(of: transition.action)
            let pair = state * table.actionCount + action
            // A pair gains one return per episode at most (its first visit).
            let counted = table.visitCount(state: state, action: action) < Int64(method.visits[pair])
            table.setInPlace(method.value(pair: pair), state: state, action: action, countingVisit: counted)
        }
    }

    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }

    /// The returns' sums (the table holds their averages, which do not give the sums back to
    /// the bit) and π (its ties are the order the episodes came in, not the table's).
    public var extraTensors: [String: Tensor] {
        [
            MonteCarloES.returnSumsTensor: Tensor(shape: table.shape, floats: method.returnSums),
            MonteCarloES.policyTensor: Tensor(shape: [observationSpace.count], integers: method.policy.map(Int64.init)),
        ]
    }

    /// Puts back a saved table, the returns' sums and π.
    /// - Throws: when a tensor is missing or does not fit.
    public mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        let sums = try extraTensors.values(named: MonteCarloES.returnSumsTensor, shape: table.shape)
        let policy = try extraTensors.integers(
            named: MonteCarloES.policyTensor, shape: [observationSpace.count], in: 0...Int64(actionSpace.count - 1))
        method.restore(returnSums: sums, visits: table.visits.map { Int($0) }, policy: policy.map { Int($0) })
        self.table = table
    }
}

/// `monte-carlo-es`: trained only on a world that can start an episode in any state.
public enum MonteCarloES: AgentRegistration, ExploringStartsRegistration {
    public static let id = "monte-carlo-es"
    public static let summary = "Monte Carlo ES, exploring starts (averages of returns, greedy π, S&B §5.3)"
    public static let sharedSettings: Set<SharedSetting> = [.discount]
    public static let extraTensorNames = [returnSumsTensor, policyTensor]
    /// The names of the returns' sums and of π in a policy file.
    public static let returnSumsTensor = "return_sums"
    public static let policyTensor = "policy"
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(MonteCarloESTabularAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
