import RLCore
import RLFeatures

/// v̂(s, w) = wᵀx(s) over the active features: the linear value of §9.4.
@inlinable
func linearValue(_ weights: [Double], _ features: ActiveFeatures) -> Double {
    features.withActive { indices, values in
        var total = 0.0
        for slot in indices.indices { total += weights[indices[slot]] * values[slot] }
        return total
    }
}

/// w ← w + scale · x(s): the semi-gradient step, ∇v̂(s, w) = x(s) for a linear v̂.
@inlinable
func addScaled(_ features: ActiveFeatures, _ scale: Double, to vector: inout [Double]) {
    features.withActive { indices, values in
        for slot in indices.indices { vector[indices[slot]] += scale * values[slot] }
    }
}

/// A value estimator whose v̂ is linear in features, v̂(s, w) = wᵀx(s) (§9.4): gradient Monte
/// Carlo, n-step semi-gradient TD and the λ methods share how they read a state's value.
public protocol LinearValueEstimator: ValueEstimator where Observation == Features.Observation {
    associatedtype Features: FeatureMap
    /// x(s).
    var features: Features { get }
    /// w.
    var weights: [Double] { get }
}

extension LinearValueEstimator {
    @inlinable public func value(of observation: Observation) -> Double {
        linearValue(weights, features.activeFeatures(of: observation))
    }

    @inlinable public func values(of observations: [Observation]) -> [Double] {
        var active = features.makeActiveFeatures()
        let weights = self.weights
        return observations.map { observation in
            features.activeFeatures(of: observation, into: &active)
            return linearValue(weights, active)
        }
    }
}
