import RLCore

extension TabularModel {
    /// The expected return of taking `action` in `state`, then following whatever `values`
    /// describes: the sum over outcomes of probability × (reward + discount × value of the next
    /// state), the next state's value left out when the outcome terminates the episode.
    @inlinable
    public func actionValue(state: Int, action: Int, values: [Double], discount: Double) -> Double {
        withSweepBuffers(values) { outcomes, starts, values in
            Self.listValue(list: state * actionCount + action, outcomes, starts, values, discount)
        }
    }

    /// The best action `state` allows (``TabularModel/legalActions(in:)``) under `values`, and
    /// its value; ties go to the lowest-numbered action, as NumPy's `argmax` breaks them.
    @inlinable
    public func greedyAction(state: Int, values: [Double], discount: Double) -> (action: Int, value: Double) {
        let legal = legalActions(in: state)
        // The lowest allowed action first (action 0 when all are allowed, as before sets).
        let first = legal.action(at: 0)
        return withSweepBuffers(values) { outcomes, starts, values in
            let row = state * actionCount
            var best = (action: first, value: Self.listValue(list: row + first, outcomes, starts, values, discount))
            var action = first + 1
            while action < actionCount {
                if legal.contains(action) {
                    let value = Self.listValue(list: row + action, outcomes, starts, values, discount)
                    if value > best.value { best = (action, value) }
                }
                action += 1
            }
            return best
        }
    }

    /// Calls `body` with pointers to the outcomes laid end to end, where each list starts, and
    /// `values` (see ``TabularModel/withFlatOutcomes(_:)``).
    @inlinable
    func withSweepBuffers<Result>(
        _ values: [Double],
        _ body: (UnsafePointer<Outcome>, UnsafePointer<Int>, UnsafePointer<Double>) -> Result
    ) -> Result {
        withFlatOutcomes { outcomes, starts in
            values.withUnsafeBufferPointer { values in
                // An empty buffer has no address: a stand-in that no read reaches (no list has an outcome).
                withUnsafePointer(to: Outcome(probability: 0, nextState: 0, reward: 0, terminated: true)) { none in
                    withUnsafePointer(to: 0.0) { zero in
                        body(outcomes.baseAddress ?? none, starts.baseAddress!, values.baseAddress ?? zero)
                    }
                }
            }
        }
    }

    /// Σ probability × (reward + discount × value of the next state) over the outcomes of list
    /// `list` (`state × actionCount + action`), in the model's order. Pointers and a `while`
    /// loop, no generic iteration: a debug build runs it without allocating (a slice's iterator
    /// allocated on each outcome, and Jack's car rental has 2 million per sweep).
    @inlinable @inline(__always)
    static func listValue(
        list: Int, _ outcomes: UnsafePointer<Outcome>, _ starts: UnsafePointer<Int>, _ values: UnsafePointer<Double>,
        _ discount: Double
    ) -> Double {
        var total = 0.0
        var index = starts[list]
        let end = starts[list + 1]
        while index < end {
            let outcome = outcomes[index]
            let future = outcome.terminated ? 0 : discount * values[outcome.nextState]
            total += outcome.probability * (outcome.reward + future)
            index += 1
        }
        return total
    }

    /// The expected value of `values` under the initial-state distribution.
    public func expectedInitialValue(_ values: [Double]) -> Double {
        zip(initialDistribution, values).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
