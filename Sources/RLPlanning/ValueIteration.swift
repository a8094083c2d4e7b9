import RLCore

/// State values and a policy found by a planner.
public struct PlanningResult: Sendable, Equatable {
    /// The value of each state under `policy`, discounted.
    public var values: [Double]
    /// One action per state, greedy with respect to `values`.
    public var policy: [Int]
    /// Sweeps over the states (value iteration) or improvement rounds (policy iteration).
    public var iterations: Int
    /// Whether the planner met its tolerance before its iteration limit.
    public var converged: Bool

    public init(values: [Double], policy: [Int], iterations: Int, converged: Bool) {
        self.values = values
        self.policy = policy
        self.iterations = iterations
        self.converged = converged
    }
}

/// Value iteration (Sutton & Barto, section 4.4): sweep the states, setting each value to its
/// best action value, until no value moves by more than `tolerance` in a sweep; then act
/// greedily.
///
/// Values are updated in place (each sweep sees the values already updated in it), as in the
/// book's box. Terminating outcomes contribute their reward alone.
/// - Parameters:
///   - discount: γ in `0...1`. With γ = 1 the sweeps converge only if every policy's episodes
///     end; `maxSweeps` stops them otherwise.
///   - tolerance: the largest change in a sweep that counts as converged (the book's θ).
///   - onSweep: sees the values after each sweep, counted from 1 (Figure 4.3's sweeps 1, 2, 3, 32).
/// - Returns: the values, a greedy policy (ties to the lowest action), and the sweep count.
public func valueIteration(
    _ model: TabularModel, discount: Double, tolerance: Double = 1e-10, maxSweeps: Int = 1_000_000,
    onSweep: (_ sweep: Int, _ values: [Double]) -> Void = { _, _ in }
) -> PlanningResult {
    precondition((0...1).contains(discount), "the discount is in 0...1")
    precondition(tolerance > 0, "the tolerance must be positive")
    var values = Array(repeating: 0.0, count: model.stateCount)
    var sweeps = 0
    var converged = false
    while sweeps < maxSweeps && !converged {
        sweeps += 1
        var largestChange = 0.0
        for state in 0..<model.stateCount {
            let best = model.greedyAction(state: state, values: values, discount: discount).value
            largestChange = max(largestChange, abs(best - values[state]))
            values[state] = best
        }
        converged = largestChange < tolerance
        onSweep(sweeps, values)
    }
    let policy = (0..<model.stateCount).map { model.greedyAction(state: $0, values: values, discount: discount).action }
    return PlanningResult(values: values, policy: policy, iterations: sweeps, converged: converged)
}
