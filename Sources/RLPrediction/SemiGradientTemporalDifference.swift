import RLCore
import RLFeatures

/// n-step semi-gradient TD for estimating v̂ ≈ v_π with a linear v̂(s, w) = wᵀx(s) (Sutton &
/// Barto, 2nd ed., §9.4 and §7.1: the box on p. 209; n = 1 is semi-gradient TD(0), the box on
/// p. 203). At step t (once R_{t+1} and S_{t+1} are seen), τ = t − n + 1 is the step whose
/// estimate is updated, if τ ≥ 0:
///
///     G ← Σ_{i=τ+1}^{min(τ+n, T)} γ^{i−τ−1} R_i;  if τ + n < T: G ← G + γⁿ v̂(S_{τ+n}, w);
///     w ← w + α [G − v̂(S_τ, w)] ∇v̂(S_τ, w),   ∇v̂(S_τ, w) = x(S_τ)
///
/// and after the episode's last step the remaining τ up to T − 1 are updated (``endEpisode()``).
/// A terminal state is worth 0 and its features are never read.
public struct SemiGradientTemporalDifference<Features: FeatureMap, Action>: LinearValueEstimator {
    public typealias Observation = Features.Observation
    public let features: Features
    /// w, one weight per feature (0 at first).
    public var weights: [Double] { storedWeights }
    @usableFromInline var storedWeights: [Double]
    public let steps: Int
    public let stepSize: Double
    public let discount: Double
    /// S_0, S_1, … and R_1, R_2, … of the episode so far (storage kept between episodes).
    @usableFromInline var states: [Observation] = []
    @usableFromInline var rewards: [Double] = []
    /// T, once the episode has ended.
    @usableFromInline var end: Int?
    @usableFromInline var active: ActiveFeatures

    /// - Precondition: `steps ≥ 1`.
    public init(features: Features, steps: Int = 1, stepSize: Double, discount: Double = 1) {
        precondition(steps >= 1)
        self.features = features
        storedWeights = Array(repeating: 0, count: features.featureCount)
        self.steps = steps
        self.stepSize = stepSize
        self.discount = discount
        active = features.makeActiveFeatures()
    }

    @inlinable public mutating func learn(from transition: Transition<Observation, Action>) {
        if states.isEmpty { states.append(transition.observation) }
        rewards.append(transition.reward)  // R_{t+1}
        states.append(transition.nextObservation)  // S_{t+1}
        let t = rewards.count - 1
        if transition.terminated || transition.truncated { end = t + 1 }
        update(t - steps + 1)
    }

    @inlinable public mutating func endEpisode() {
        let finalStep = end ?? rewards.count
        // The box's loop goes on after T without acting, until τ = T − 1.
        for tau in max(0, rewards.count - steps + 1)..<finalStep { update(tau) }
        states.removeAll(keepingCapacity: true)
        rewards.removeAll(keepingCapacity: true)
        end = nil
    }

    /// The update of w for S_τ, when τ is a step of the episode.
    @inlinable mutating func update(_ tau: Int) {
        guard tau >= 0 else { return }
        let finalStep = end ?? Int.max
        var target = 0.0
        var weight = 1.0
        for i in (tau + 1)...min(tau + steps, min(finalStep, rewards.count)) {
            target += weight * rewards[i - 1]
            weight *= discount
        }
        if tau + steps < finalStep {
            features.activeFeatures(of: states[tau + steps], into: &active)
            target += weight * linearValue(storedWeights, active)
        }
        features.activeFeatures(of: states[tau], into: &active)
        addScaled(active, stepSize * (target - linearValue(storedWeights, active)), to: &storedWeights)
    }
}
