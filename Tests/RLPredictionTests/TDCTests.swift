import RLBaird
import RLCore
import RLFeatures
import RLPrediction
import Testing

/// TDC (§11.7) and its expected synchronous sweep worked out by hand on Baird's counterexample,
/// γ = 0.99, α = 0.005, β = 0.05, w = (1, 1, 1, 1, 1, 1, 10, 1): v̂(upper) = 3, v̂(lower) = 12,
/// so under "always solid" δ = 0.99 · 12 − 3 = 8.88 in an upper state and −0.12 in the lower.
@Suite struct TDCTests {
    static let features = TabulatedFeatures(rows: BairdCounterexample.features)
    static let solid: @Sendable (Int, Int) -> Double = { _, action in action == BairdCounterexample.Move.solid.rawValue ? 1 : 0 }

    func estimator(secondaryWeights: [Double]) -> TDC<TabulatedFeatures, BairdCounterexample.Move> {
        TDC(
            features: Self.features, stepSize: 0.005, secondaryStepSize: 0.05, discount: 0.99,
            weights: BairdCounterexample.initialWeights, secondaryWeights: secondaryWeights
        ) { _, action in BairdCounterexample.importanceRatio(action) }
    }

    func expectClose(_ actual: [Double], _ expected: [Double]) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) < 1e-12, "\(actual) against \(expected)") }
    }

    /// Upper state 0, solid, to the lower state, v = (0.5, 0, 0, 0, 0, 0, 0, 1): ρ = 7, δ = 8.88,
    /// x_t = x(0) = 2e₁ + e₈, x_{t+1} = e₇ + 2e₈, x_tᵀv = 2 · 0.5 + 1 = 2.
    /// w ← w + 0.005 · 7 · (8.88 x_t − 0.99 · 2 x_{t+1}): w₁ = 1 + 0.035 · 17.76 = 1.6216,
    /// w₇ = 10 − 0.035 · 1.98 = 9.9307, w₈ = 1 + 0.035 · (8.88 − 3.96) = 1.1722.
    /// v ← v + 0.05 · 7 · (8.88 − 2) x_t = v + 2.408 x_t: v₁ = 5.316, v₈ = 3.408.
    @Test func oneSolidStepByHand() {
        var tdc = estimator(secondaryWeights: [0.5, 0, 0, 0, 0, 0, 0, 1])
        tdc.learn(from: Transition(observation: 0, action: .solid, reward: 0, nextObservation: 6, terminated: false, truncated: false))
        expectClose(tdc.weights, [1.6216, 1, 1, 1, 1, 1, 9.9307, 1.1722])
        expectClose(tdc.secondaryWeights, [5.316, 0, 0, 0, 0, 0, 0, 3.408])
    }

    /// Dashed: ρ = 0, neither w nor v moves.
    @Test func dashedTeachesNothing() {
        var tdc = estimator(secondaryWeights: [0.5, 0, 0, 0, 0, 0, 0, 1])
        tdc.learn(from: Transition(observation: 3, action: .dashed, reward: 0, nextObservation: 5, terminated: false, truncated: false))
        #expect(tdc.weights == BairdCounterexample.initialWeights)
        #expect(tdc.secondaryWeights == [0.5, 0, 0, 0, 0, 0, 0, 1])
    }

    /// A terminal step bootstraps nothing and corrects nothing: δ = R − v̂(S_t) = 1 − 3 = −2,
    /// w ← w + 0.035 · (−2) x(0), v ← v + 0.35 · (−2 − 2) x(0).
    @Test func aTerminalStepHasNoCorrection() {
        var tdc = estimator(secondaryWeights: [0.5, 0, 0, 0, 0, 0, 0, 1])
        tdc.learn(from: Transition(observation: 0, action: .solid, reward: 1, nextObservation: 6, terminated: true, truncated: false))
        expectClose(tdc.weights, [1 - 0.14, 1, 1, 1, 1, 1, 10, 1 - 0.07])
        expectClose(tdc.secondaryWeights, [0.5 - 2.8, 0, 0, 0, 0, 0, 0, 1 - 1.4])
    }

    /// d = 1/7 each, π solid, v = e₈: x(s)ᵀv is 1 in an upper state and 2 in the lower; every
    /// next state is the lower, x(6) = e₇ + 2e₈, so the correction is −(0.99/7)(6 · 1 + 2) x(6).
    /// Σ_s δ x(s): w_i 17.76, w₇ −0.12, w₈ 6 · 8.88 − 0.24 = 53.04; so w₇ gains
    /// (0.005/7)(−0.12 − 7.92), w₈ (0.005/7)(53.04 − 15.84). Σ_s (δ − xᵀv) x(s): upper 7.88,
    /// lower −2.12: v_i 15.76, v₇ −2.12, v₈ 6 · 7.88 − 4.24 = 43.04, each times 0.05/7.
    @Test func anExpectedSweepByHand() {
        var weights = BairdCounterexample.initialWeights
        var secondary: [Double] = [0, 0, 0, 0, 0, 0, 0, 1]
        expectedTDCSweep(
            weights: &weights, secondaryWeights: &secondary, model: BairdCounterexample().model, features: Self.features,
            policy: Self.solid, distribution: Array(repeating: 1.0 / 7, count: 7), stepSize: 0.005, secondaryStepSize: 0.05,
            discount: 0.99)
        let upper = 1 + 0.005 / 7 * 17.76
        expectClose(weights, [upper, upper, upper, upper, upper, upper, 10 - 0.005 / 7 * 8.04, 1 + 0.005 / 7 * 37.2])
        let secondaryUpper = 0.05 / 7 * 15.76
        expectClose(
            secondary,
            [
                secondaryUpper, secondaryUpper, secondaryUpper, secondaryUpper, secondaryUpper, secondaryUpper, -0.05 / 7 * 2.12,
                1 + 0.05 / 7 * 43.04,
            ])
    }

    /// Expected TDC converges where semi-gradient DP diverges: after 2000 sweeps the Bellman
    /// error is near 0 and w stays bounded.
    @Test func expectedTDCConvergesOnBaird() {
        var weights = BairdCounterexample.initialWeights
        var secondary = Array(repeating: 0.0, count: 8)
        let model = BairdCounterexample().model
        for _ in 0..<2000 {
            expectedTDCSweep(
                weights: &weights, secondaryWeights: &secondary, model: model, features: Self.features, policy: Self.solid,
                distribution: Array(repeating: 1.0 / 7, count: 7), stepSize: 0.005, secondaryStepSize: 0.05, discount: 0.99)
        }
        let errors = bellmanErrors(weights, model: model, features: Self.features, policy: Self.solid, discount: 0.99)
        #expect(errors.allSatisfy { abs($0) < 0.05 }, "\(errors)")
        #expect(weights.allSatisfy { abs($0) < 10 }, "\(weights)")
    }
}
