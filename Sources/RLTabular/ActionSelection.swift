import RLCore

extension QTable {
    /// The index of a best action in `state`, ties broken uniformly at random with `generator`:
    /// a fresh table does not always pick action 0.
    @inlinable @inline(__always)
    public func greedyAction(in state: Int, using generator: inout Xoshiro256StarStar) -> Int {
        greedyAction(in: state, legal: legalActions(in: state), using: &generator)
    }

    /// The index of a best action among those `legal` allows in `state`, ties broken at random
    /// (the k-th tied action in index order).
    @inlinable @inline(__always)
    public func greedyAction(in state: Int, legal: LegalActions, using generator: inout Xoshiro256StarStar) -> Int {
        // One pass finds the best value and counts its ties; only a tie costs a random
        // number and a second pass.
        let row = index(state: state, action: 0)
        let values = storage.values
        guard legal.isAll else { return greedyAction(row: row, among: legal, using: &generator) }
        // Two actions (Pong's default) is the common case: decide it without a loop.
        if actionCount == 2 {
            let first = values[row], second = values[row &+ 1]
            if first != second { return first > second ? 0 : 1 }
            return generator.nextIndex(below: 2)
        }
        var best = values[row]
        var bestAction = 0
        var ties = 1
        for action in 1..<actionCount {
            let value = values[row &+ action]
            if value > best {
                best = value
                bestAction = action
                ties = 1
            } else if value == best {
                ties &+= 1
            }
        }
        guard ties > 1 else { return bestAction }
        // Ties are rare once learning is under way: pick the k-th tied action.
        var pick = generator.nextIndex(below: ties)
        for action in bestAction..<actionCount where values[row &+ action] == best {
            if pick == 0 { return action }
            pick &-= 1
        }
        return bestAction
    }

    /// ``greedyAction(in:legal:using:)`` for a state that allows only some actions.
    @usableFromInline
    func greedyAction(row: Int, among legal: LegalActions, using generator: inout Xoshiro256StarStar) -> Int {
        let values = storage.values
        var best = -Double.infinity
        var bestAction = -1
        var ties = 0
        for action in 0..<actionCount where legal.contains(action) {
            let value = values[row &+ action]
            if bestAction < 0 || value > best {
                best = value
                bestAction = action
                ties = 1
            } else if value == best {
                ties &+= 1
            }
        }
        guard ties > 1 else { return bestAction }
        var pick = generator.nextIndex(below: ties)
        for action in bestAction..<actionCount where legal.contains(action) && values[row &+ action] == best {
            if pick == 0 { return action }
            pick &-= 1
        }
        return bestAction
    }

    /// ε-greedy: with probability `epsilon` a uniformly random action, else a greedy one.
    /// Without `exploring` (evaluation), always greedy and no random number is drawn for ε.
    @inlinable @inline(__always)
    public func epsilonGreedyAction(
        in state: Int, epsilon: Double, exploring: Bool, using generator: inout Xoshiro256StarStar
    ) -> Int {
        epsilonGreedyAction(in: state, legal: legalActions(in: state), epsilon: epsilon, exploring: exploring, using: &generator)
    }

    /// ε-greedy among the actions `legal` allows in `state`: the random action is the k-th
    /// allowed one, k uniform.
    @inlinable @inline(__always)
    public func epsilonGreedyAction(
        in state: Int, legal: LegalActions, epsilon: Double, exploring: Bool, using generator: inout Xoshiro256StarStar
    ) -> Int {
        if exploring && generator.nextUnitDouble() < epsilon {
            return legal.action(at: generator.nextIndex(below: legal.count(of: actionCount)))
        }
        return greedyAction(in: state, legal: legal, using: &generator)
    }

    /// The expected value of `state` under the ε-greedy policy over the allowed actions: each
    /// has probability ε/|A(s)|, and the greedy ones share the remaining 1 − ε, so the
    /// expectation is (1 − ε) · max Q(s,·) + ε · mean Q(s,·) whatever the ties.
    @inlinable @inline(__always)
    public func epsilonGreedyExpectation(in state: Int, legal: LegalActions, epsilon: Double) -> Double {
        let row = index(state: state, action: 0)
        let values = storage.values
        if legal.isAll {
            var best = values[row]
            var sum = values[row]
            for action in 1..<actionCount {
                let value = values[row &+ action]
                sum += value
                if value > best { best = value }
            }
            return (1 - epsilon) * best + epsilon * sum / Double(actionCount)
        }
        var best = -Double.infinity
        var sum = 0.0
        var count = 0
        for action in 0..<actionCount where legal.contains(action) {
            let value = values[row &+ action]
            sum += value
            count &+= 1
            if value > best { best = value }
        }
        return (1 - epsilon) * best + epsilon * sum / Double(count)
    }
}

extension QTable {
    // The same questions, among the actions an observation space allows in each state: what
    // agents ask, so that the allowance is known when the loop is specialised.

    /// The largest value among the actions `space` allows in `state`.
    @inlinable @inline(__always)
    public func maxValue<Space: FiniteSpace>(in state: Int, of space: Space) -> Double {
        maxValue(in: state, legal: space.legalActions(inState: state))
    }

    /// A best action among those `space` allows in `state`, ties broken at random.
    @inlinable @inline(__always)
    public func greedyAction<Space: FiniteSpace>(in state: Int, of space: Space, using generator: inout Xoshiro256StarStar) -> Int {
        greedyAction(in: state, legal: space.legalActions(inState: state), using: &generator)
    }

    /// The ε-greedy expectation over the actions `space` allows in `state`.
    @inlinable @inline(__always)
    public func epsilonGreedyExpectation<Space: FiniteSpace>(in state: Int, of space: Space, epsilon: Double) -> Double {
        epsilonGreedyExpectation(in: state, legal: space.legalActions(inState: state), epsilon: epsilon)
    }
}

extension QTable {
    /// The probability that the greedy policy, breaking ties uniformly, gives `action` in
    /// `state` among the actions `legal` allows: 1/m when it is one of m best, else 0. (The
    /// target policy π of the off-policy methods: tree backup's π(A_k|S_k), and whether off-policy
    /// Monte Carlo's A_t is π's.)
    @inlinable
    public func greedyProbability(of action: Int, in state: Int, legal: LegalActions) -> Double {
        let best = maxValue(in: state, legal: legal)
        let row = index(state: state, action: 0)
        guard storage.values[row &+ action] == best else { return 0 }
        var ties = 0
        for other in 0..<actionCount where legal.contains(other) && storage.values[row &+ other] == best { ties &+= 1 }
        return 1 / Double(ties)
    }

    /// The probability that ε-greedy selection (``epsilonGreedyAction(in:legal:epsilon:exploring:using:)``)
    /// takes `action` in `state`: ε/|A(s)| for any allowed action, plus (1 − ε)/m for each of the
    /// m best.
    @inlinable
    public func epsilonGreedyProbability(of action: Int, in state: Int, legal: LegalActions, epsilon: Double) -> Double {
        epsilon / Double(legal.count(of: actionCount)) + (1 - epsilon) * greedyProbability(of: action, in: state, legal: legal)
    }
}
