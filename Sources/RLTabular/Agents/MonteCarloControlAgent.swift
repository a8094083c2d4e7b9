import RLCore

/// On-policy first-visit Monte Carlo control for ε-soft policies (Sutton & Barto, 2nd ed., the
/// box of §5.4, p. 101).
///
/// The box: generate an episode following π; G ← 0; for t = T−1, T−2, …, 0: G ← γ G + R_{t+1};
/// unless the pair S_t, A_t appears in S_0, A_0, …, S_{t−1}, A_{t−1}: append G to
/// Returns(S_t, A_t), Q(S_t, A_t) ← average(Returns(S_t, A_t)), and π(·|S_t) becomes ε-greedy
/// around A* = argmax_a Q(S_t, a). Here π is ε-greedy with respect to Q when acting (ties broken
/// at random), which is the same policy; the average is kept incrementally,
/// Q ← Q + (G − Q) / N with N the pair's returns so far (the table's visit count), so no
/// list of returns is kept and there is no step size.
///
/// A step cap (truncated) leaves the episode unfinished: G then starts from the value π gives
/// the state it was left in, Σ_a π(a|S_T) Q(S_T, a), instead of 0, as every agent bootstraps
/// from a truncated step. Learns once per episode (``EpisodicTabularAgent``).
public struct MonteCarloControlAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent,
    EpisodicTabularAgent
{
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public var table: QTable
    public var exploration: EpsilonGreedy
    public var episodeSoFar = EpisodeBuffer<ObservationSpace.Element, ActionSpace.Element>()
    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }
    /// Per pair, the first step of the episode being learned at which it was taken (−1: not taken).
    @usableFromInline var firstStep: [Int]
    /// The episode's pairs, state × actions + action, by step.
    @usableFromInline var pairs: [Int] = []

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: NoAgentSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
        firstStep = Array(repeating: -1, count: table.count)
    }

    @inlinable
    public mutating func learn(fromEpisode episode: EpisodeBuffer<Observation, Action>) {
        let transitions = episode.transitions
        guard let last = transitions.last else { return }
        pairs.removeAll(keepingCapacity: true)
        for (t, transition) in transitions.enumerated() {
            let pair = observationSpace.index(of: transition.observation) * table.actionCount + actionSpace.index(of: transition.action)
            pairs.append(pair)
            if firstStep[pair] < 0 { firstStep[pair] = t }
        }
        var following = 0.0
        if last.truncated && !last.terminated {
            let state = observationSpace.index(of: last.nextObservation)
            following = table.epsilonGreedyExpectation(
                in: state, legal: observationSpace.legalActions(inState: state), epsilon: exploration.epsilon)
        }
        for t in transitions.indices.reversed() {
            following = exploration.discount * following + transitions[t].reward
            let pair = pairs[t]
            // "Unless the pair S_t, A_t appears in S_0, A_0, …, S_{t−1}, A_{t−1}".
            guard firstStep[pair] == t else { continue }
            let state = pair / table.actionCount, action = pair % table.actionCount
            let returns = Double(table.visitCount(state: state, action: action) + 1)
            table.moveInPlace(state: state, action: action, towards: following, rate: 1 / returns)
        }
        for pair in pairs { firstStep[pair] = -1 }
    }
}

/// `monte-carlo`.
public enum MonteCarloControl: AgentRegistration {
    public static let id = "monte-carlo"
    public static let summary = "on-policy first-visit Monte Carlo control, ε-soft (averages of returns, S&B §5.4)"
    public static let sharedSettings: Set<SharedSetting> = [.discount, .epsilon]
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(MonteCarloControlAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
