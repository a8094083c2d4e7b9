import RLCore
import RLFeatures

/// One sweep of semi-gradient dynamic programming (Sutton & Barto, 2nd ed., §11.2, eq. 11.9):
/// the expected update of semi-gradient TD(0) under π, made for every state at once from the
/// same w_k (synchronous), each state weighted alike:
///
///     w_{k+1} = w_k + (α / |S|) Σ_s (E_π[R_{t+1} + γ v̂(S_{t+1}, w_k) | S_t = s] − v̂(s, w_k)) ∇v̂(s, w_k)
///
/// with v̂(s, w) = wᵀx(s) and ∇v̂(s, w) = x(s). The expectation is over the model's outcomes
/// and π's actions (`policy(s, a)` = π(a|s)); a terminal outcome bootstraps nothing.
public func semiGradientDynamicProgrammingSweep<Features: FeatureMap>(
    _ weights: inout [Double], model: TabularModel, features: Features, policy: (_ state: Int, _ action: Int) -> Double,
    stepSize: Double, discount: Double
) where Features.Observation == Int {
    var active = features.makeActiveFeatures()
    let values = (0..<model.stateCount).map { state in
        features.activeFeatures(of: state, into: &active)
        return linearValue(weights, active)
    }
    var update = Array(repeating: 0.0, count: weights.count)
    for state in 0..<model.stateCount {
        var target = 0.0
        for action in 0..<model.actionCount {
            let probability = policy(state, action)
            guard probability > 0 else { continue }
            for outcome in model.outcomes(from: state, taking: action) {
                target +=
                    probability * outcome.probability * (outcome.reward + (outcome.terminated ? 0 : discount * values[outcome.nextState]))
            }
        }
        features.activeFeatures(of: state, into: &active)
        addScaled(active, target - values[state], to: &update)
    }
    for index in weights.indices { weights[index] += stepSize / Double(model.stateCount) * update[index] }
}
