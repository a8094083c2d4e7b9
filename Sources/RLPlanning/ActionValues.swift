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

    /// The best action in `state` under `values` and its value; ties go to the lowest-numbered
    /// action, as NumPy's `argmax` breaks them.
    @inlinable
    public func greedyAction(state: Int, values: [Double], discount: Double) -> (action: Int, value: Double) {
        var best = (action: 0, value: actionValue(state: state, action: 0, values: values, discount: discount))
        for action in 1..<actionCount {
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
