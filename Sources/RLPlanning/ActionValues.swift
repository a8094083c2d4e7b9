import RLCore

extension TabularModel {
    /// The expected return of taking `action` in `state`, then following whatever `values`
    /// describes: the sum over outcomes of probability × (reward + discount × value of the next
    /// state), the next state's value left out when the outcome terminates the episode.
    @inlinable
    public func actionValue(state: Int, action: Int, values: [Double], discount: Double) -> Double {
        var total = 0.0
        for outcome in outcomes(from: state, taking: action) {
            let future = outcome.terminated ? 0 : discount * values[outcome.nextState]
            total += outcome.probability * (outcome.reward + future)
        }
        return total
    }

    /// The best action `state` allows (``TabularModel/legalActions(in:)``) under `values`, and
    /// its value; ties go to the lowest-numbered action, as NumPy's `argmax` breaks them.
    @inlinable
    public func greedyAction(state: Int, values: [Double], discount: Double) -> (action: Int, value: Double) {
        let legal = legalActions(in: state)
        // The lowest allowed action first (action 0 when all are allowed, as before sets).
        let first = legal.action(at: 0)
        var best = (action: first, value: actionValue(state: state, action: first, values: values, discount: discount))
        for action in (first + 1)..<actionCount where legal.contains(action) {
            let value = actionValue(state: state, action: action, values: values, discount: discount)
            if value > best.value { best = (action, value) }
        }
        return best
    }

    /// The expected value of `values` under the initial-state distribution.
    public func expectedInitialValue(_ values: [Double]) -> Double {
        zip(initialDistribution, values).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
