import RLCore
import RLFeatures

/// Semi-gradient off-policy TD(0) for estimating v̂ ≈ v_π from the actions of a behaviour
/// policy b, with a linear v̂(s, w) = wᵀx(s) (Sutton & Barto, 2nd ed., §11.1, eqs. 11.2 and
/// 11.3, per-decision importance sampling): after each step,
///
///     ρ_t = π(A_t|S_t) / b(A_t|S_t)
///     δ_t = R_{t+1} + γ v̂(S_{t+1}, w) − v̂(S_t, w)     (R_{t+1} alone when S_{t+1} is terminal)
///     w ← w + α ρ_t δ_t ∇v̂(S_t, w),                  ∇v̂(S_t, w) = x(S_t).
///
/// The ratio is the caller's (`ratio`), from the two policies it knows.
public struct OffPolicySemiGradientTD<Features: FeatureMap, Action>: LinearValueEstimator {
    public typealias Observation = Features.Observation
    public let features: Features
    /// w.
    public var weights: [Double] { storedWeights }
    @usableFromInline var storedWeights: [Double]
    public let stepSize: Double
    public let discount: Double
    /// ρ = π(a|s) / b(a|s).
    public let ratio: @Sendable (_ observation: Observation, _ action: Action) -> Double
    @usableFromInline var active: ActiveFeatures

    /// - Parameter weights: w's first values (0 when `nil`).
    public init(
        features: Features, stepSize: Double, discount: Double, weights: [Double]? = nil,
        ratio: @escaping @Sendable (_ observation: Observation, _ action: Action) -> Double
    ) {
        precondition(weights == nil || weights!.count == features.featureCount, "w needs one weight per feature")
        self.features = features
        storedWeights = weights ?? Array(repeating: 0, count: features.featureCount)
        self.stepSize = stepSize
        self.discount = discount
        self.ratio = ratio
        active = features.makeActiveFeatures()
    }

    public mutating func learn(from transition: Transition<Observation, Action>) {
        let rho = ratio(transition.observation, transition.action)
        guard rho != 0 else { return }  // an action π never takes teaches nothing
        let next = transition.terminated ? 0 : linearValue(storedWeights, features.activeFeatures(of: transition.nextObservation))
        features.activeFeatures(of: transition.observation, into: &active)
        let error = transition.reward + discount * next - linearValue(storedWeights, active)
        addScaled(active, stepSize * rho * error, to: &storedWeights)
    }
}
