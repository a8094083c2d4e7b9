import RLCore

/// The expected undiscounted return of each state under a deterministic `policy` when at most
/// `steps` steps remain: exactly what an episode capped by a `TimeLimit` of `steps` earns on
/// average, computed by dynamic programming over the model, with no sampling.
///
/// `V₀ = 0`; `Vₖ(s) = Σ p · (r + (terminated ? 0 : Vₖ₋₁(s′)))` over the outcomes of
/// `policy[s]` in `s`. A truncated episode simply stops earning, as under the `TimeLimit`.
/// The sweeps stop early at a fixed point (a sweep that changes no value, to the last bit):
/// every later sweep would give the same values, so the result is the same, sooner (a policy
/// that surely ends within a few steps under a cap of thousands).
/// - Returns: `V_steps`, one value per state.
public func finiteHorizonValues(of policy: [Int], in model: TabularModel, steps: Int) -> [Double] {
    precondition(policy.count == model.stateCount, "the policy needs one action per state")
    precondition(steps >= 0, "the step cap cannot be negative")
    var values = Array(repeating: 0.0, count: model.stateCount)
    var next = values
    for _ in 0..<steps {
        for state in 0..<model.stateCount {
            next[state] = model.actionValue(state: state, action: policy[state], values: values, discount: 1)
        }
        swap(&values, &next)
        // A sweep that changed nothing is a fixed point: every later one would give the same.
        if values == next { break }
    }
    return values
}

/// The expected undiscounted return of a deterministic `policy` over the model's initial
/// distribution, episodes capped at `steps` steps (see ``finiteHorizonValues(of:in:steps:)``).
public func finiteHorizonReturn(of policy: [Int], in model: TabularModel, steps: Int) -> Double {
    model.expectedInitialValue(finiteHorizonValues(of: policy, in: model, steps: steps))
}

/// The best any policy can do within a step cap, and how: the best action depends on the
/// steps left, so the plan keeps one action per state for each number of remaining steps.
public struct FiniteHorizonPlan: Sendable, Equatable {
    /// The step cap planned for.
    public let steps: Int
    /// The optimal expected undiscounted return from each state with `steps` steps left.
    public let values: [Double]
    /// The optimal expected return over the initial distribution.
    public let expectedReturn: Double
    /// `actions[k − 1][s]`: the best action in state `s` with `k` steps left.
    public let actions: [[Int]]

    /// The best action in `state` when `remainingSteps` (`1...steps`) steps are left.
    public func action(state: Int, remainingSteps: Int) -> Int { actions[remainingSteps - 1][state] }
}

/// Backward induction over a step cap: `V₀ = 0`; `Vₖ(s) = maxₐ Σ p · (r + (terminated ? 0 :
/// Vₖ₋₁(s′)))`. Ties go to the lowest-numbered action.
public func optimalFiniteHorizonPlan(_ model: TabularModel, steps: Int) -> FiniteHorizonPlan {
    precondition(steps >= 0, "the step cap cannot be negative")
    var values = Array(repeating: 0.0, count: model.stateCount)
    var next = values
    var actions: [[Int]] = []
    actions.reserveCapacity(steps)
    for _ in 0..<steps {
        var chosen = Array(repeating: 0, count: model.stateCount)
        for state in 0..<model.stateCount {
            let best = model.greedyAction(state: state, values: values, discount: 1)
            next[state] = best.value
            chosen[state] = best.action
        }
        swap(&values, &next)
        actions.append(chosen)
        // A sweep that changed nothing is a fixed point: every later one chooses the same.
        if values == next {
            actions += Array(repeating: chosen, count: steps - actions.count)
            break
        }
    }
    return FiniteHorizonPlan(steps: steps, values: values, expectedReturn: model.expectedInitialValue(values), actions: actions)
}

/// The expected undiscounted return of each state under a stochastic policy when at most
/// `steps` steps remain: ``finiteHorizonValues(of:in:steps:)`` for a policy that picks among
/// `choices[s]` (actions with their probabilities) in state `s`.
public func finiteHorizonValues(
    ofChoices choices: [[(action: Int, probability: Double)]], in model: TabularModel, steps: Int
) -> [Double] {
    precondition(choices.count == model.stateCount, "the policy needs choices in every state")
    precondition(steps >= 0, "the step cap cannot be negative")
    var values = Array(repeating: 0.0, count: model.stateCount)
    var next = values
    for _ in 0..<steps {
        for state in 0..<model.stateCount {
            var total = 0.0
            for choice in choices[state] {
                total += choice.probability * model.actionValue(state: state, action: choice.action, values: values, discount: 1)
            }
            next[state] = total
        }
        swap(&values, &next)
        // A sweep that changed nothing is a fixed point: every later one would give the same.
        if values == next { break }
    }
    return values
}
