import RLCore
import RLFeatures

/// The offline λ-return algorithm with a linear v̂(s, w) = wᵀx(s) (Sutton & Barto, 2nd ed.,
/// §12.1, eqs. 12.3–12.4): nothing changes during the episode; at its end, for t = 0, 1, …,
/// T − 1, in order,
///
///     w ← w + α [G^λ_t − v̂(S_t, w)] ∇v̂(S_t, w),   ∇v̂(S_t, w) = x(S_t),
///
/// where G^λ_t = (1 − λ) Σ_{n≥1} λⁿ⁻¹ G_{t:t+n}, the n-step returns truncated at T, is computed
/// backwards by G^λ_t = R_{t+1} + γ [(1 − λ) v̂(S_{t+1}) + λ G^λ_{t+1}], G^λ_{T−1} = R_T. The
/// returns bootstrap from the weights the episode was played with (the offline reading: the
/// targets are fixed when the episode ends; the errors use the weights as they are updated).
/// λ = 0 is then TD(0)'s targets, λ = 1 Monte Carlo's.
public struct OfflineLambdaReturn<Features: FeatureMap, Action>: LinearValueEstimator {
    public typealias Observation = Features.Observation
    public let features: Features
    /// w, one weight per feature (0 at first).
    public var weights: [Double] { storedWeights }
    @usableFromInline var storedWeights: [Double]
    public let lambda: Double
    public let stepSize: Double
    public let discount: Double
    /// S_0, S_1, …, S_{T−1} and R_1, …, R_T of the episode so far (storage kept).
    @usableFromInline var states: [Observation] = []
    @usableFromInline var rewards: [Double] = []
    /// v̂(S_{t+1}) under the episode's weights, 0 for a terminal S_{t+1}.
    @usableFromInline var nextValues: [Double] = []
    @usableFromInline var returns: [Double] = []
    @usableFromInline var active: ActiveFeatures

    public init(features: Features, lambda: Double, stepSize: Double, discount: Double = 1) {
        self.features = features
        storedWeights = Array(repeating: 0, count: features.featureCount)
        self.lambda = lambda
        self.stepSize = stepSize
        self.discount = discount
        active = features.makeActiveFeatures()
    }

    @inlinable public mutating func learn(from transition: Transition<Observation, Action>) {
        states.append(transition.observation)
        rewards.append(transition.reward)
        if transition.terminated {
            nextValues.append(0)
        } else {
            features.activeFeatures(of: transition.nextObservation, into: &active)
            nextValues.append(linearValue(storedWeights, active))
        }
    }

    @inlinable public mutating func endEpisode() {
        // G^λ_t backwards; the last step's bootstraps only if the episode was cut, not ended.
        returns = Array(repeating: 0, count: states.count)
        var following = nextValues.last ?? 0
        for t in stride(from: states.count - 1, through: 0, by: -1) {
            following = rewards[t] + discount * ((1 - lambda) * nextValues[t] + lambda * following)
            returns[t] = following
        }
        for (t, state) in states.enumerated() {
            features.activeFeatures(of: state, into: &active)
            addScaled(active, stepSize * (returns[t] - linearValue(storedWeights, active)), to: &storedWeights)
        }
        states.removeAll(keepingCapacity: true)
        rewards.removeAll(keepingCapacity: true)
        nextValues.removeAll(keepingCapacity: true)
    }
}
