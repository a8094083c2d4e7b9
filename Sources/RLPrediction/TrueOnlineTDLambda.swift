import RLCore
import RLFeatures

/// True online TD(λ) for estimating wᵀx ≈ v_π (Sutton & Barto, 2nd ed., §12.5, the box on
/// p. 300), with its dutch trace: z ← 0 and V_old ← 0 at an episode's start, then at each step
///
///     V ← wᵀx;  V′ ← wᵀx′ (x′ = 0 at a terminal S′);  δ ← R + γV′ − V
///     z ← γλz + (1 − αγλ zᵀx) x
///     w ← w + α (δ + V − V_old) z − α (V − V_old) x
///     V_old ← V′
///
/// It gives, step by step, the weights of the online λ-return algorithm (§12.4).
public struct TrueOnlineTDLambda<Features: FeatureMap, Action>: LinearValueEstimator {
    public typealias Observation = Features.Observation
    public let features: Features
    /// w, one weight per feature (0 at first).
    public var weights: [Double] { storedWeights }
    @usableFromInline var storedWeights: [Double]
    /// z, the dutch trace.
    public var trace: [Double] { storedTrace }
    @usableFromInline var storedTrace: [Double]
    public let lambda: Double
    public let stepSize: Double
    public let discount: Double
    /// V_old: V′ of the step before (0 at an episode's start).
    @usableFromInline var previousValue = 0.0
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
        let value = linearValue(storedWeights, active)
        let error = transition.reward + discount * next - value
        let decay = discount * lambda
        let traceAlongX = linearValue(storedTrace, active)  // zᵀx, with z before this step
        for index in storedTrace.indices { storedTrace[index] *= decay }
        addScaled(active, 1 - stepSize * decay * traceAlongX, to: &storedTrace)
        let scale = stepSize * (error + value - previousValue)
        for index in storedWeights.indices { storedWeights[index] += scale * storedTrace[index] }
        addScaled(active, -stepSize * (value - previousValue), to: &storedWeights)
        previousValue = next
    }

    @inlinable public mutating func endEpisode() {
        for index in storedTrace.indices { storedTrace[index] = 0 }
        previousValue = 0
    }
}
