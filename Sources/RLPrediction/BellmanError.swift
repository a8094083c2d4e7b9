import RLCore
import RLFeatures

/// Π, the projection onto the linear value functions in the μ-weighted norm (Sutton & Barto,
/// 2nd ed., §11.4): Π = X(XᵀDX)⁻¹XᵀD, with X the states' features as rows and D the
/// diagonal of μ. Built by Gram–Schmidt on X's columns in the inner product ⟨a, b⟩ = Σ_s μ(s)
/// a(s) b(s), which gives the same Π without inverting XᵀDX and also when the columns are
/// dependent (Baird's counterexample has 8 features for 7 states: XᵀDX is singular there, its
/// columns span every value function, and Π is the identity).
public struct ValueProjection: Sendable, Equatable {
    /// μ(s), the weights of the norm.
    public let distribution: [Double]
    /// An orthonormal basis of X's column space in the μ-weighted inner product.
    public let basis: [[Double]]

    /// Columns whose remainder after the earlier ones is shorter than this (in the μ-norm) are
    /// taken as dependent on them.
    public static let dependenceTolerance = 1e-10

    /// - Parameters:
    ///   - rows: x(s) for each state s, one row each, all of one length.
    ///   - distribution: μ(s) for each state, non-negative.
    public init(rows: [[Double]], distribution: [Double]) {
        precondition(!rows.isEmpty && rows.count == distribution.count, "one row and one probability per state")
        precondition(rows.allSatisfy { $0.count == rows[0].count }, "the rows are of one length")
        self.distribution = distribution
        var basis: [[Double]] = []
        for feature in rows[0].indices {
            var column = rows.map { $0[feature] }
            for _ in 0..<2 {  // twice: modified Gram–Schmidt loses orthogonality once, rarely twice
                for direction in basis {
                    let overlap = Self.inner(column, direction, distribution)
                    for state in column.indices { column[state] -= overlap * direction[state] }
                }
            }
            let length = Self.inner(column, column, distribution).squareRoot()
            if length > Self.dependenceTolerance { basis.append(column.map { $0 / length }) }
        }
        self.basis = basis
    }

    /// Π y: the linear value function nearest y in the μ-norm.
    public func apply(_ values: [Double]) -> [Double] {
        precondition(values.count == distribution.count, "one value per state")
        var projected = Array(repeating: 0.0, count: values.count)
        for direction in basis {
            let overlap = Self.inner(values, direction, distribution)
            for state in projected.indices { projected[state] += overlap * direction[state] }
        }
        return projected
    }

    /// ‖y‖_μ = √(Σ_s μ(s) y(s)²), the μ-norm of §11.4 (√VE is ‖v̂ − v_π‖_μ, √PBE ‖Π δ̄_w‖_μ).
    public func norm(_ values: [Double]) -> Double { Self.inner(values, values, distribution).squareRoot() }

    static func inner(_ a: [Double], _ b: [Double], _ weights: [Double]) -> Double {
        var total = 0.0
        for index in a.indices { total += weights[index] * a[index] * b[index] }
        return total
    }
}

/// v̂(s, w) = wᵀx(s) for every state of a tabular world, 0..<`stateCount`.
public func linearValues<Features: FeatureMap>(_ weights: [Double], features: Features, stateCount: Int) -> [Double]
where Features.Observation == Int {
    var active = features.makeActiveFeatures()
    return (0..<stateCount).map { state in
        features.activeFeatures(of: state, into: &active)
        return linearValue(weights, active)
    }
}

/// δ̄_w(s) = E_π[R_{t+1} + γ v̂(S_{t+1}, w) | S_t = s] − v̂(s, w), the Bellman error of each state
/// (§11.4) over the model's outcomes and π's actions (`policy(s, a)` = π(a|s)); a
/// terminal outcome bootstraps nothing.
public func bellmanErrors<Features: FeatureMap>(
    _ weights: [Double], model: TabularModel, features: Features, policy: (_ state: Int, _ action: Int) -> Double,
    discount: Double
) -> [Double] where Features.Observation == Int {
    let values = linearValues(weights, features: features, stateCount: model.stateCount)
    return (0..<model.stateCount).map { state in
        var target = 0.0
        for action in 0..<model.actionCount {
            let probability = policy(state, action)
            guard probability > 0 else { continue }
            for outcome in model.outcomes(from: state, taking: action) {
                target +=
                    probability * outcome.probability * (outcome.reward + (outcome.terminated ? 0 : discount * values[outcome.nextState]))
            }
        }
        return target - values[state]
    }
}
