import RLBaird
import RLCore
import RLFeatures
import RLPrediction
import Testing

/// Semi-gradient off-policy TD(0) (eq. 11.2) and semi-gradient DP (eq. 11.9) worked out by
/// hand on Baird's counterexample, γ = 0.99, α = 0.01, w = (1, 1, 1, 1, 1, 1, 10, 1):
/// v̂(upper) = 2 · 1 + 1 = 3, v̂(lower) = 10 + 2 · 1 = 12.
@Suite struct OffPolicyLinearTests {
    static let features = TabulatedFeatures(rows: BairdCounterexample.features)

    func estimator() -> OffPolicySemiGradientTD<TabulatedFeatures, BairdCounterexample.Move> {
        OffPolicySemiGradientTD(
            features: Self.features, stepSize: 0.01, discount: 0.99, weights: BairdCounterexample.initialWeights
        ) { _, action in BairdCounterexample.importanceRatio(action) }
    }

    func expectClose(_ actual: [Double], _ expected: [Double]) {
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) < 1e-12, "\(actual) against \(expected)") }
    }

    /// Upper state 0, solid, to the lower state: ρ = 7, δ = 0 + 0.99 · 12 − 3 = 8.88;
    /// w ← w + 0.01 · 7 · 8.88 · x(0), x(0) = (2, 0, 0, 0, 0, 0, 0, 1): w₁ = 1 + 1.2432, w₈ = 1 + 0.6216.
    @Test func solidUpdatesByTheRatioSeven() {
        var td = estimator()
        td.learn(from: Transition(observation: 0, action: .solid, reward: 0, nextObservation: 6, terminated: false, truncated: false))
        expectClose(td.weights, [2.2432, 1, 1, 1, 1, 1, 10, 1.6216])
        #expect(abs(td.value(of: 0) - (2 * 2.2432 + 1.6216)) < 1e-12)
    }

    /// Dashed: ρ = 0, nothing moves.
    @Test func dashedTeachesNothing() {
        var td = estimator()
        td.learn(from: Transition(observation: 3, action: .dashed, reward: 0, nextObservation: 5, terminated: false, truncated: false))
        #expect(td.weights == BairdCounterexample.initialWeights)
    }

    /// π always solid, so every state's target is 0.99 · 12 = 11.88: the upper states' error
    /// 8.88, the lower's −0.12. Σ_s error · x(s): w_i (i ≤ 6) 2 · 8.88 = 17.76; w₇ −0.12;
    /// w₈ 6 · 8.88 + 2 · (−0.12) = 53.04; each times α / 7.
    @Test func aDynamicProgrammingSweepByHand() {
        var weights = BairdCounterexample.initialWeights
        semiGradientDynamicProgrammingSweep(
            &weights, model: BairdCounterexample().model, features: Self.features,
            policy: { _, action in action == BairdCounterexample.Move.solid.rawValue ? 1 : 0 }, stepSize: 0.01, discount: 0.99)
        let upper = 1 + 0.01 / 7 * 17.76
        expectClose(weights, [upper, upper, upper, upper, upper, upper, 10 - 0.01 / 7 * 0.12, 1 + 0.01 / 7 * 53.04])
    }
}
