import RLCore
import RLFeatures

/// Semi-gradient TD(λ) for estimating v̂ ≈ v_π with a linear v̂(s, w) = wᵀx(s) and an
/// accumulating eligibility trace (Sutton & Barto, 2nd ed., §12.2, the box on p. 293): z ← 0 at
/// an episode's start, then at each step
///
///     z ← γλz + ∇v̂(S, w);   δ ← R + γ v̂(S′, w) − v̂(S, w);   w ← w + α δ z,
///
/// a terminal S′ worth 0. λ = 0 is semi-gradient TD(0).
public struct TDLambda<Features: FeatureMap, Action>: LinearValueEstimator {
    public typealias Observation = Features.Observation
    public let features: Features
    /// w, one weight per feature (0 at first).
    public var weights: [Double] { storedWeights }
    @usableFromInline var storedWeights: [Double]
    /// z, the eligibility trace.
    public var trace: [Double] { storedTrace }
    @usableFromInline var storedTrace: [Double]
    public let lambda: Double
    public let stepSize: Double
    public let discount: Double
    @usableFromInline var active: ActiveFeatures

    public init(features: Features, lambda: Double, stepSize: Double, discount: Double = 1) {
        self.features = features
        storedWeights = Array(repeating: 0, count: features.featureCount)
        storedTrace = storedWeights
        self.lambda = lambda
        self.stepSize = stepSize
        self.discount = discount
        active = features.makeActiveFeatures()
    }

    @inlinable public mutating func learn(from transition: Transition<Observation, Action>) {
        var next = 0.0
        if !transition.terminated {
            features.activeFeatures(of: transition.nextObservation, into: &active)
            next = linearValue(storedWeights, active)
        }
        features.activeFeatures(of: transition.observation, into: &active)
        let decay = discount * lambda
        for index in storedTrace.indices { storedTrace[index] *= decay }
        addScaled(active, 1, to: &storedTrace)
        let error = transition.reward + discount * next - linearValue(storedWeights, active)
        let scale = stepSize * error
        for index in storedWeights.indices { storedWeights[index] += scale * storedTrace[index] }
    }

    @inlinable public mutating func endEpisode() {
        for index in storedTrace.indices { storedTrace[index] = 0 }
    }
}
