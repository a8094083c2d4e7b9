import RLCore
import RLFeatures

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A soft-max policy in linear action preferences (Sutton & Barto, 2nd ed., §13.1, eqs. 13.2
/// and 13.3): h(s, a, θ) = θᵀx(s, a), π(a|s, θ) = e^{h(s,a,θ)} / Σ_b e^{h(s,b,θ)}.
///
/// x(s, a) is the state's features x(s) in the block of action a and zeros elsewhere, so θ is
/// laid out as PyTorch lays out a linear layer's weight, [action][feature], and
/// h(s, a, θ) = θ_aᵀx(s). The eligibility vector (eq. 13.9) is then, block by block,
///
///     ∇ ln π(a|s, θ) = x(s, a) − Σ_b π(b|s, θ) x(s, b):   block b is (1[b = a] − π(b|s, θ)) x(s).
///
/// With a single feature that is 1 in every state (one group of ``GroupAggregation``), the
/// features of Example 13.1 are x(s, a) = the a-th unit vector: every state looks the same.
///
/// `minimumProbability` keeps the policy from becoming deterministic (0, the book's policy,
/// turns it off): an action whose soft-max probability is below it gets it, and the others
/// share the rest in proportion. With two actions this is the Python reproduction's floor
/// (ShangtongZhang/reinforcement-learning-an-introduction, chapter13/short_corridor.py, 0.05),
/// and, as there, the eligibility vector is eq. 13.9's form at the floored probabilities: a
/// heuristic, not the gradient of the floored policy's logarithm.
public struct SoftmaxLinearPolicy<Features: FeatureMap>: Sendable {
    public let features: Features
    public let actionCount: Int
    public let minimumProbability: Double
    /// θ, `actionCount × features.featureCount`, action-major.
    public var weights: [Double]
    /// π(·|s, θ) of the state last passed to ``evaluate(_:)``.
    public var probabilities: [Double] { storedProbabilities }
    @usableFromInline var storedProbabilities: [Double]
    /// x(s) of that state.
    @usableFromInline var active: ActiveFeatures

    /// - Precondition: `weights`, when given, has `actionCount × featureCount` entries, and
    ///   `actionCount × minimumProbability` is at most 1.
    public init(features: Features, actionCount: Int, weights: [Double]? = nil, minimumProbability: Double = 0) {
        precondition(actionCount >= 1 && Double(actionCount) * minimumProbability <= 1, "the floor leaves no room for the actions")
        let count = actionCount * features.featureCount
        precondition(weights == nil || weights!.count == count, "θ needs \(count) weights")
        self.features = features
        self.actionCount = actionCount
        self.minimumProbability = minimumProbability
        self.weights = weights ?? Array(repeating: 0, count: count)
        storedProbabilities = Array(repeating: 1 / Double(actionCount), count: actionCount)
        active = features.makeActiveFeatures()
    }

    /// h(s, a, θ) = θ_aᵀx(s) for the features in ``active``.
    @inlinable func preference(_ action: Int) -> Double {
        let base = action * features.featureCount
        return active.withActive { indices, values in
            var total = 0.0
            for slot in indices.indices { total += weights[base + indices[slot]] * values[slot] }
            return total
        }
    }

    /// Computes π(·|s, θ) into ``probabilities`` (the preferences shifted by their maximum, so
    /// e^h never overflows), and keeps x(s) for ``ascend(_:by:)``.
    @inlinable public mutating func evaluate(_ observation: Features.Observation) {
        features.activeFeatures(of: observation, into: &active)
        var highest = -Double.infinity
        for action in 0..<actionCount {
            storedProbabilities[action] = preference(action)
            highest = max(highest, storedProbabilities[action])
        }
        var total = 0.0
        for action in 0..<actionCount {
            storedProbabilities[action] = exp(storedProbabilities[action] - highest)
            total += storedProbabilities[action]
        }
        for action in 0..<actionCount { storedProbabilities[action] /= total }
        guard minimumProbability > 0 else { return }
        var raised = 0, rest = 0.0
        for probability in storedProbabilities {
            if probability < minimumProbability { raised += 1 } else { rest += probability }
        }
        guard raised > 0 else { return }
        let share = (1 - Double(raised) * minimumProbability) / rest
        for action in 0..<actionCount {
            storedProbabilities[action] =
                storedProbabilities[action] < minimumProbability ? minimumProbability : storedProbabilities[action] * share
        }
    }

    /// Draws an action index from ``probabilities`` with a uniform number in [0, 1).
    @inlinable public func sample(_ uniform: Double) -> Int {
        var draw = uniform
        for action in 0..<actionCount {
            draw -= storedProbabilities[action]
            if draw < 0 { return action }
        }
        return actionCount - 1  // what rounding leaves over
    }

    /// θ ← θ + scale ∇ ln π(action|s, θ), at the state last evaluated and its probabilities.
    @inlinable public mutating func ascend(_ action: Int, by scale: Double) {
        let featureCount = features.featureCount
        let active = self.active  // read while θ is written
        active.withActive { indices, values in
            for block in 0..<actionCount {
                let step = scale * ((block == action ? 1 : 0) - storedProbabilities[block])
                for slot in indices.indices { weights[block * featureCount + indices[slot]] += step * values[slot] }
            }
        }
    }
}
