import RLCore
import RLFeatures

/// Gradient Monte Carlo for estimating v̂ ≈ v_π with a linear v̂(s, w) = wᵀx(s) (Sutton & Barto,
/// 2nd ed., §9.3, the box on p. 202): after the episode, for t = 0, 1, …, T − 1, in order,
///
///     w ← w + α [G_t − v̂(S_t, w)] ∇v̂(S_t, w),   ∇v̂(S_t, w) = x(S_t).
///
/// `stepSize` is the box's α as it is: tile coding's α/n is the caller's to pass.
public struct GradientMonteCarlo<Features: FeatureMap, Action>: LinearValueEstimator {
    public typealias Observation = Features.Observation
    public let features: Features
    /// w, one weight per feature (0 at first).
    public var weights: [Double] { storedWeights }
    @usableFromInline var storedWeights: [Double]
    public let stepSize: Double
    public let discount: Double
    /// The episode so far: each step's state and the reward that followed it (storage kept).
    @usableFromInline var states: [Observation] = []
    @usableFromInline var rewards: [Double] = []
    @usableFromInline var returns: [Double] = []
    @usableFromInline var active: ActiveFeatures

    public init(features: Features, stepSize: Double, discount: Double = 1) {
        self.features = features
        storedWeights = Array(repeating: 0, count: features.featureCount)
        self.stepSize = stepSize
        self.discount = discount
        active = features.makeActiveFeatures()
    }

    @inlinable public mutating func learn(from transition: Transition<Observation, Action>) {
        states.append(transition.observation)
        rewards.append(transition.reward)
    }

    @inlinable public mutating func endEpisode() {
        // G_t ← R_{t+1} + γ G_{t+1}, walking backwards; then the updates in the episode's order.
        returns.removeAll(keepingCapacity: true)
        var following = 0.0
        for reward in rewards.reversed() {
            following = reward + discount * following
            returns.append(following)
        }
        for (t, state) in states.enumerated() {
            features.activeFeatures(of: state, into: &active)
            let error = returns[states.count - 1 - t] - linearValue(storedWeights, active)
            addScaled(active, stepSize * error, to: &storedWeights)
        }
        states.removeAll(keepingCapacity: true)
        rewards.removeAll(keepingCapacity: true)
    }
}
