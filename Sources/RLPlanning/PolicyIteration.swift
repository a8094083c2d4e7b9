import RLCore

/// Iterative policy evaluation (Sutton & Barto, section 4.1): the discounted value of each
/// state under a deterministic `policy`, swept in place until no value moves by more than
/// `tolerance` (or `maxSweeps` sweeps, for a policy that never ends an episode with γ = 1).
/// - Returns: the values and whether they converged.
public func evaluatePolicy(
    _ policy: [Int], in model: TabularModel, discount: Double, tolerance: Double = 1e-10,
    maxSweeps: Int = 1_000_000, startingFrom initialValues: [Double]? = nil
) -> (values: [Double], converged: Bool) {
    precondition(policy.count == model.stateCount, "the policy needs one action per state")
    precondition(
        policy.indices.allSatisfy { model.legalActions(in: $0).contains(policy[$0]) }, "the policy takes only actions its states allow")
    precondition((0...1).contains(discount), "the discount is in 0...1")
    var values = initialValues ?? Array(repeating: 0.0, count: model.stateCount)
    for _ in 0..<maxSweeps {
        var largestChange = 0.0
        for state in 0..<model.stateCount {
            let value = model.actionValue(state: state, action: policy[state], values: values, discount: discount)
            largestChange = max(largestChange, abs(value - values[state]))
            values[state] = value
        }
        if largestChange < tolerance { return (values, true) }
    }
    return (values, false)
}

/// Policy iteration (Sutton & Barto, section 4.3): evaluate the policy, make it greedy, and
/// repeat until it no longer changes.
///
/// A state's action changes only when another action is better by more than `tolerance`, so
/// that rounding noise between equally good actions cannot make the loop cycle. Starts from
/// the lowest allowed action in every state (action 0 unless the model restricts it); each
/// evaluation starts from the previous values.
/// - Returns: the last policy, its values and the number of improvement rounds.
public func policyIteration(
    _ model: TabularModel, discount: Double, tolerance: Double = 1e-10, maxRounds: Int = 10_000
) -> PlanningResult {
    var policy = (0..<model.stateCount).map { model.legalActions(in: $0).action(at: 0) }
    var values = Array(repeating: 0.0, count: model.stateCount)
    for round in 1...maxRounds {
        let evaluation = evaluatePolicy(policy, in: model, discount: discount, tolerance: tolerance, startingFrom: values)
        values = evaluation.values
        var stable = true
        for state in 0..<model.stateCount {
            let current = model.actionValue(state: state, action: policy[state], values: values, discount: discount)
            let best = model.greedyAction(state: state, values: values, discount: discount)
            if best.value > current + tolerance {
                policy[state] = best.action
                stable = false
            }
        }
        if stable { return PlanningResult(values: values, policy: policy, iterations: round, converged: evaluation.converged) }
    }
    return PlanningResult(values: values, policy: policy, iterations: maxRounds, converged: false)
}
