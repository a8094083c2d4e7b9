import RLCore

/// Planning by one-step expected updates of Q from a model, undiscounted (§8.6, Figure 8.8):
///
///     Q(s, a) ← Σ_{s', r} p(s', r | s, a) [r + max_a' Q(s', a')]
///
/// the next state's term left out when the outcome ends the episode. Q is 0 at first. Where the
/// updates go is the caller's: ``UniformSweep`` or ``OnPolicyTrajectories``.
public struct ExpectedUpdatePlanner: Sendable {
    public let model: TabularModel
    /// Q, state-major (`state × actionCount + action`).
    public private(set) var values: [Double]
    /// The expected updates made (the figure's computation time).
    public private(set) var updates = 0

    public init(model: TabularModel) {
        self.model = model
        values = Array(repeating: 0, count: model.stateCount * model.actionCount)
    }

    public subscript(state: Int, action: Int) -> Double { values[state * model.actionCount + action] }

    /// max_a Q(state, a).
    @inlinable
    public func maxValue(in state: Int) -> Double {
        let first = state * model.actionCount
        var best = values[first]
        for action in 1..<model.actionCount { best = max(best, values[first + action]) }
        return best
    }

    /// The greedy action in `state`, ties to the lowest.
    @inlinable
    public func greedyAction(in state: Int) -> Int {
        let first = state * model.actionCount
        var best = 0
        for action in 1..<model.actionCount where values[first + action] > values[first + best] { best = action }
        return best
    }

    /// One expected update of Q(state, action).
    public mutating func update(state: Int, action: Int) {
        var total = 0.0
        for outcome in model.outcomes(from: state, taking: action) {
            total += outcome.probability * (outcome.reward + (outcome.terminated ? 0 : maxValue(in: outcome.nextState)))
        }
        values[state * model.actionCount + action] = total
        updates += 1
    }
}

/// Expected updates distributed uniformly: the book's "we cycled through all state-action pairs,
/// updating each in place", state by state, action by action.
public struct UniformSweep: Sendable {
    private var next = 0

    public init() {}

    /// Updates the next pair of the cycle.
    public mutating func update(_ planner: inout ExpectedUpdatePlanner) {
        let actions = planner.model.actionCount
        planner.update(state: next / actions, action: next % actions)
        next = (next + 1) % (planner.model.stateCount * actions)
    }
}

/// Expected updates distributed by the on-policy distribution: the book's "we simulated episodes,
/// all starting in the same state, updating each state-action pair that occurred under the current
/// ε-greedy policy". Each call chooses the action ε-greedily (ties broken at random), updates
/// the pair, then samples the model's next state; an episode that ends starts again at `start`.
public struct OnPolicyTrajectories: Sendable {
    public let start: Int
    public let epsilon: Double
    public private(set) var state: Int
    var generator: Xoshiro256StarStar

    public init(start: Int, epsilon: Double = 0.1, seed: UInt64) {
        self.start = start
        self.epsilon = epsilon
        state = start
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// Updates the pair the trajectory is at and moves it on.
    public mutating func update(_ planner: inout ExpectedUpdatePlanner) {
        let action = chooseAction(planner)
        planner.update(state: state, action: action)
        let outcome = planner.model.sampleOutcome(from: state, taking: action, using: &generator)
        state = outcome.terminated ? start : outcome.nextState
    }

    mutating func chooseAction(_ planner: ExpectedUpdatePlanner) -> Int {
        let actions = planner.model.actionCount
        if generator.nextUnitDouble() < epsilon { return generator.nextIndex(below: actions) }
        let best = planner.maxValue(in: state)
        let ties = (0..<actions).filter { planner[state, $0] == best }
        return ties.count == 1 ? ties[0] : ties[generator.nextIndex(below: ties.count)]
    }
}

/// v_π̃(start): the value of the start state under the greedy policy of a planner's Q (ties to
/// the lowest action), undiscounted, "exhaustively computed" as the book says: iterative policy
/// evaluation (in place) over the states the policy reaches from the start, until no value moves
/// by more than `tolerance`. The model's episodes must end (Figure 8.8's tasks end with chance
/// 0.1 a step, so the error shrinks by 0.9 a sweep at least). Each call starts from the values
/// the previous one found, so a curve's evaluations after small changes of Q take few sweeps.
public struct GreedyPolicyEvaluation: Sendable {
    public let tolerance: Double
    private var values: [Double]
    private var reached: [Int] = []
    private var mark: [Int]
    private var pass = 0
    /// The greedy policy's equations over the states reached, in the order swept: each state's
    /// expected reward Σ p r, and its non-terminal outcomes (probability, next state) from
    /// `firstOutcome[i]` to `firstOutcome[i + 1]`, laid out once per call so that the sweeps
    /// read contiguous memory.
    private var expectedReward: [Double] = []
    private var firstOutcome: [Int] = []
    private var probability: [Double] = []
    private var next: [Int] = []

    public init(states: Int, tolerance: Double = 1e-5) {
        self.tolerance = tolerance
        values = Array(repeating: 0, count: states)
        mark = Array(repeating: -1, count: states)
    }

    /// v_π̃(start) for `planner`'s greedy policy.
    public mutating func value(of planner: ExpectedUpdatePlanner, from start: Int) -> Double {
        let model = planner.model
        // The states the greedy policy reaches from the start, breadth first.
        pass += 1
        reached.removeAll(keepingCapacity: true)
        reached.append(start)
        mark[start] = pass
        var index = 0
        while index < reached.count {
            let state = reached[index]
            index += 1
            for outcome in model.outcomes(from: state, taking: planner.greedyAction(in: state))
            where !outcome.terminated && mark[outcome.nextState] != pass {
                mark[outcome.nextState] = pass
                reached.append(outcome.nextState)
            }
        }
        // Their equations, from the far end back to the start: successors tend to be updated first.
        reached.reverse()
        expectedReward.removeAll(keepingCapacity: true)
        firstOutcome.removeAll(keepingCapacity: true)
        probability.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        for state in reached {
            var reward = 0.0
            firstOutcome.append(next.count)
            for outcome in model.outcomes(from: state, taking: planner.greedyAction(in: state)) {
                reward += outcome.probability * outcome.reward
                if !outcome.terminated {
                    probability.append(outcome.probability)
                    next.append(outcome.nextState)
                }
            }
            expectedReward.append(reward)
        }
        firstOutcome.append(next.count)
        // In-place sweeps: v(s) ← Σ p r + Σ p v(s').
        var change = Double.infinity
        while change > tolerance {
            change = 0
            for (position, state) in reached.enumerated() {
                var total = expectedReward[position]
                for outcome in firstOutcome[position]..<firstOutcome[position + 1] {
                    total += probability[outcome] * values[next[outcome]]
                }
                change = max(change, abs(total - values[state]))
                values[state] = total
            }
        }
        return values[start]
    }
}
