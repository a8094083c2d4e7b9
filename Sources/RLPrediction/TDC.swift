import RLCore
import RLFeatures

/// TDC, TD(0) with gradient correction (Sutton & Barto, 2nd ed., §11.7, the TDC update with its
/// secondary weights): off-policy prediction of v̂ ≈ v_π that follows the gradient of the
/// projected Bellman error, stable where semi-gradient TD diverges (Baird's counterexample).
/// After each step, with linear v̂(s, w) = wᵀx(s) and x_t = x(S_t):
///
///     ρ_t = π(A_t|S_t) / b(A_t|S_t)
///     δ_t = R_{t+1} + γ wᵀx_{t+1} − wᵀx_t             (R_{t+1} alone when S_{t+1} is terminal)
///     w ← w + α ρ_t (δ_t x_t − γ x_{t+1} (x_tᵀ v))
///     v ← v + β ρ_t (δ_t − vᵀx_t) x_t
///
/// v, the secondary weights, estimates E[x xᵀ]⁻¹ E[ρ δ x] by least mean squares; both updates
/// use the v and w from before the step. The ratio is the caller's (`ratio`).
public struct TDC<Features: FeatureMap, Action>: LinearValueEstimator {
    public typealias Observation = Features.Observation
    public let features: Features
    /// w.
    public var weights: [Double] { storedWeights }
    /// v, the secondary weights.
    public var secondaryWeights: [Double] { storedSecondaryWeights }
    @usableFromInline var storedWeights: [Double]
    @usableFromInline var storedSecondaryWeights: [Double]
    /// α, w's step size.
    public let stepSize: Double
    /// β, v's step size.
    public let secondaryStepSize: Double
    public let discount: Double
    /// ρ = π(a|s) / b(a|s).
    public let ratio: @Sendable (_ observation: Observation, _ action: Action) -> Double
    @usableFromInline var active: ActiveFeatures
    @usableFromInline var nextActive: ActiveFeatures

    /// - Parameters:
    ///   - weights: w's first values (0 when `nil`).
    ///   - secondaryWeights: v's first values (0 when `nil`, the book's).
    public init(
        features: Features, stepSize: Double, secondaryStepSize: Double, discount: Double, weights: [Double]? = nil,
        secondaryWeights: [Double]? = nil, ratio: @escaping @Sendable (_ observation: Observation, _ action: Action) -> Double
    ) {
        precondition(weights == nil || weights!.count == features.featureCount, "w needs one weight per feature")
        precondition(
            secondaryWeights == nil || secondaryWeights!.count == features.featureCount, "v needs one weight per feature")
        self.features = features
        storedWeights = weights ?? Array(repeating: 0, count: features.featureCount)
        storedSecondaryWeights = secondaryWeights ?? Array(repeating: 0, count: features.featureCount)
        self.stepSize = stepSize
        self.secondaryStepSize = secondaryStepSize
        self.discount = discount
        self.ratio = ratio
        active = features.makeActiveFeatures()
        nextActive = features.makeActiveFeatures()
    }

    public mutating func learn(from transition: Transition<Observation, Action>) {
        let rho = ratio(transition.observation, transition.action)
        guard rho != 0 else { return }  // an action π never takes teaches nothing
        features.activeFeatures(of: transition.observation, into: &active)
        let next: Double
        if transition.terminated {
            nextActive.removeAll()  // x_{t+1} = 0: nothing to bootstrap from or correct
            next = 0
        } else {
            features.activeFeatures(of: transition.nextObservation, into: &nextActive)
            next = linearValue(storedWeights, nextActive)
        }
        let error = transition.reward + discount * next - linearValue(storedWeights, active)
        let correction = linearValue(storedSecondaryWeights, active)  // x_tᵀ v
        addScaled(active, stepSize * rho * error, to: &storedWeights)
        addScaled(nextActive, -stepSize * rho * discount * correction, to: &storedWeights)
        addScaled(active, secondaryStepSize * rho * (error - correction), to: &storedSecondaryWeights)
    }
}

/// One synchronous sweep of expected TDC (§11.7, Figure 11.5's right panel): TDC's two updates
/// in expectation, made for every state at once from the same w_k and v_k, as semi-gradient DP
/// (eq. 11.9) does for TD:
///
///     w_{k+1} = w_k + α Σ_s d(s) E_b[ρ (δ x(s) − γ x(S') x(s)ᵀv_k) | S = s]
///     v_{k+1} = v_k + β Σ_s d(s) E_b[ρ (δ − v_kᵀx(s)) x(s) | S = s]
///
/// with d the behaviour policy's state distribution (`distribution`). E_b[ρ f] = E_π[f], so
/// only π enters (`policy(s, a)` = π(a|s)); the expectation is over π's actions and the model's
/// outcomes, and a terminal outcome bootstraps nothing and corrects nothing.
public func expectedTDCSweep<Features: FeatureMap>(
    weights: inout [Double], secondaryWeights: inout [Double], model: TabularModel, features: Features,
    policy: (_ state: Int, _ action: Int) -> Double, distribution: [Double], stepSize: Double, secondaryStepSize: Double,
    discount: Double
) where Features.Observation == Int {
    precondition(distribution.count == model.stateCount, "d needs one probability per state")
    var active = features.makeActiveFeatures()
    let values = (0..<model.stateCount).map { state in
        features.activeFeatures(of: state, into: &active)
        return linearValue(weights, active)
    }
    var update = Array(repeating: 0.0, count: weights.count)
    var secondaryUpdate = Array(repeating: 0.0, count: weights.count)
    for state in 0..<model.stateCount where distribution[state] > 0 {
        features.activeFeatures(of: state, into: &active)
        let correction = linearValue(secondaryWeights, active)  // x(s)ᵀ v
        var error = 0.0  // E_π[δ | S = s]
        for action in 0..<model.actionCount {
            let probability = policy(state, action)
            guard probability > 0 else { continue }
            for outcome in model.outcomes(from: state, taking: action) {
                let chance = probability * outcome.probability
                error += chance * (outcome.reward + (outcome.terminated ? 0 : discount * values[outcome.nextState]) - values[state])
                if !outcome.terminated {
                    features.activeFeatures(of: outcome.nextState, into: &active)
                    addScaled(active, -distribution[state] * chance * discount * correction, to: &update)
                }
            }
        }
        features.activeFeatures(of: state, into: &active)
        addScaled(active, distribution[state] * error, to: &update)
        addScaled(active, distribution[state] * (error - correction), to: &secondaryUpdate)
    }
    for index in weights.indices {
        weights[index] += stepSize * update[index]
        secondaryWeights[index] += secondaryStepSize * secondaryUpdate[index]
    }
}
