import RLCore

/// Off-policy Monte Carlo control with weighted importance sampling (Sutton & Barto, 2nd ed.,
/// the box of §5.7, p. 111): it learns the greedy policy π while behaving ε-softly.
///
/// The box: b ← any soft policy; generate an episode using b; G ← 0; W ← 1; for t = T−1, …, 0:
/// G ← γ G + R_{t+1}; C(S_t, A_t) ← C(S_t, A_t) + W; Q(S_t, A_t) ← Q(S_t, A_t) +
/// W / C(S_t, A_t) [G − Q(S_t, A_t)]; π(S_t) ← argmax_a Q(S_t, a); if A_t ≠ π(S_t), exit the
/// loop; W ← W / b(A_t|S_t). Here b is ε-greedy with respect to Q (the book's "soft policy"), and
/// b(A_t|S_t) is its probability under the Q the episode was played with, taken before the
/// backward loop changes Q. π is greedy; when A_t is one of several best actions, π is taken to
/// choose it (the loop goes on): the book's "ties broken consistently".
///
/// A step cap (truncated) leaves the episode unfinished: G then starts from π's value of the
/// state it was left in, max_a Q(S_T, a), instead of 0. The loop also stops where W would pass
/// ``largestWeight`` (1e100), so C stays inside what a policy file holds. The cumulative weights C are saved in the
/// policy file (`cumulative_weights`). Learns once per episode (``EpisodicTabularAgent``).
public struct OffPolicyMonteCarloAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent,
    EpisodicTabularAgent
{
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public var table: QTable
    public var exploration: EpsilonGreedy
    public var episodeSoFar = EpisodeBuffer<ObservationSpace.Element, ActionSpace.Element>()
    /// C(s, a): the sum of the importance-sampling weights of the returns Q(s, a) averages.
    public var cumulativeWeights: [Double]
    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }
    /// b(A_t|S_t) for each step of the episode being learned.
    @usableFromInline var behaviourProbabilities: [Double] = []

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: NoAgentSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
        cumulativeWeights = Array(repeating: 0, count: table.count)
    }

    /// The largest importance-sampling weight W the backward loop goes on with.
    public static var largestWeight: Double { 1e100 }

    public var extraTensors: [String: Tensor] { ["cumulative_weights": Tensor(shape: table.shape, floats: cumulativeWeights)] }

    public mutating func restore(table: QTable, extraTensors tensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        let weights = try tensors.values(named: "cumulative_weights", shape: table.shape)
        guard weights.allSatisfy({ $0 >= 0 }) else {
            throw PolicyFileError("off-policy Monte Carlo's cumulative weights must be 0 or more")
        }
        self.table = table
        self.table.limitActions(by: observationSpace)
        cumulativeWeights = weights
    }

    @inlinable
    public mutating func learn(fromEpisode episode: EpisodeBuffer<Observation, Action>) {
        let transitions = episode.transitions
        guard let last = transitions.last else { return }
        behaviourProbabilities.removeAll(keepingCapacity: true)
        for transition in transitions {
            let state = observationSpace.index(of: transition.observation)
            behaviourProbabilities.append(
                table.epsilonGreedyProbability(
                    of: actionSpace.index(of: transition.action), in: state, legal: observationSpace.legalActions(inState: state),
                    epsilon: exploration.epsilon))
        }
        var following = 0.0
        if last.truncated && !last.terminated {
            following = table.maxValue(in: observationSpace.index(of: last.nextObservation), of: observationSpace)
        }
        var weight = 1.0
        for t in transitions.indices.reversed() {
            following = exploration.discount * following + transitions[t].reward
            let state = observationSpace.index(of: transitions[t].observation)
            let action = actionSpace.index(of: transitions[t].action)
            let pair = state * table.actionCount + action
            cumulativeWeights[pair] += weight
            table.moveInPlace(state: state, action: action, towards: following, rate: weight / cumulativeWeights[pair])
            // π(S_t) ← argmax_a Q(S_t, a); exit unless A_t is π's.
            guard table.greedyProbability(of: action, in: state, legal: observationSpace.legalActions(inState: state)) > 0 else {
                return
            }
            weight /= behaviourProbabilities[t]
            // 1/b ≤ 1/(1 − ε + ε/|A|) per step compounds over a long episode: the loop stops
            // before W leaves the range a policy file holds (a numerical guard, not the book's).
            guard weight <= Self.largestWeight else { return }
        }
    }
}

/// `off-policy-monte-carlo`.
public enum OffPolicyMonteCarlo: AgentRegistration {
    public static let id = "off-policy-monte-carlo"
    public static let summary =
        "off-policy Monte Carlo control, weighted importance sampling: learns the greedy policy, behaves ε-greedily (S&B §5.7)"
    public static let sharedSettings: Set<SharedSetting> = [.discount, .epsilon]
    public static let extraTensorNames = ["cumulative_weights"]
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(OffPolicyMonteCarloAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
