import RLCore

extension QTable {
    /// The index of a best action in `state`, ties broken uniformly at random with `generator`:
    /// a fresh table does not always pick action 0.
    @inlinable @inline(__always)
    public func greedyAction(in state: Int, using generator: inout Xoshiro256StarStar) -> Int {
        greedyAction(in: state, actionCount: legalActionCount(in: state), using: &generator)
    }

    /// The index of a best action among the first `actionCount` of `state`, ties broken at random.
    @inlinable @inline(__always)
    public func greedyAction(in state: Int, actionCount: Int, using generator: inout Xoshiro256StarStar) -> Int {
        // One pass finds the best value and counts its ties; only a tie costs a random
        // number and a second pass.
        let row = index(state: state, action: 0)
        let values = storage.values
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

    /// ε-greedy: with probability `epsilon` a uniformly random action, else a greedy one.
    /// Without `exploring` (evaluation), always greedy and no random number is drawn for ε.
    @inlinable @inline(__always)
    public func epsilonGreedyAction(
        in state: Int, epsilon: Double, exploring: Bool, using generator: inout Xoshiro256StarStar
    ) -> Int {
        epsilonGreedyAction(in: state, actionCount: legalActionCount(in: state), epsilon: epsilon, exploring: exploring, using: &generator)
    }

    /// ε-greedy among the first `actionCount` actions of `state`.
    @inlinable @inline(__always)
    public func epsilonGreedyAction(
        in state: Int, actionCount: Int, epsilon: Double, exploring: Bool, using generator: inout Xoshiro256StarStar
    ) -> Int {
        if exploring && generator.nextUnitDouble() < epsilon {
            return generator.nextIndex(below: actionCount)
        }
        return greedyAction(in: state, actionCount: actionCount, using: &generator)
    }

    /// The expected value of `state` under the ε-greedy policy: each action has probability
    /// ε/|A|, and the greedy actions share the remaining 1 − ε, so the expectation is
    /// (1 − ε) · max Q(s,·) + ε · mean Q(s,·) whatever the ties.
    @inlinable @inline(__always)
    public func epsilonGreedyExpectation(in state: Int, actionCount: Int, epsilon: Double) -> Double {
        let row = index(state: state, action: 0)
        let values = storage.values
        var best = values[row]
        var sum = values[row]
        for action in 1..<max(actionCount, 1) {
            let value = values[row &+ action]
            sum += value
            if value > best { best = value }
        }
        return (1 - epsilon) * best + epsilon * sum / Double(actionCount)
    }
}

extension QTable {
    // The same questions, among the actions an observation space allows in each state: what
    // agents ask, so that the allowance is known when the loop is specialised.

    /// The largest value among the actions `space` allows in `state`.
    @inlinable @inline(__always)
    public func maxValue<Space: FiniteSpace>(in state: Int, of space: Space) -> Double {
        maxValue(in: state, actionCount: space.allowedActionCount(inState: state, of: actionCount))
    }

    /// A best action among those `space` allows in `state`, ties broken at random.
    @inlinable @inline(__always)
    public func greedyAction<Space: FiniteSpace>(in state: Int, of space: Space, using generator: inout Xoshiro256StarStar) -> Int {
        greedyAction(in: state, actionCount: space.allowedActionCount(inState: state, of: actionCount), using: &generator)
    }

    /// The ε-greedy expectation over the actions `space` allows in `state`.
    @inlinable @inline(__always)
    public func epsilonGreedyExpectation<Space: FiniteSpace>(in state: Int, of space: Space, epsilon: Double) -> Double {
        epsilonGreedyExpectation(in: state, actionCount: space.allowedActionCount(inState: state, of: actionCount), epsilon: epsilon)
    }
}
