import RLBaird
import RLCore
import RLExperiments
import RLFeatures
import RLPrediction

/// Figure 11.2 (p. 262): Baird's counterexample diverges. Left, semi-gradient off-policy TD(0)
/// (eq. 11.2) following the behaviour policy (dashed 6/7, solid 1/7) for 1000 steps, the target
/// policy always solid; right, semi-gradient DP (eq. 11.9), 1000 synchronous expected sweeps.
/// γ = 0.99, α = 0.01, w₀ = (1, 1, 1, 1, 1, 1, 10, 1); the eight weights, one run (the book's).
enum Figure11_2 {
    static let steps = 1000
    static let x = (0...steps).map(Double.init)
    static let stepSize = 0.01
    static let discount = 0.99
    static let features = TabulatedFeatures(rows: BairdCounterexample.features)

    static func label(_ method: String, _ component: Int) -> String { "\(method): w\(component + 1)" }

    /// w after each of the 1000 steps of off-policy TD(0) (w₀ first). Run `seed`: the world's
    /// draws from `derivedSeed(seed, purpose: training)`, the behaviour's from `purpose: agent`.
    @Sendable static func temporalDifference(_ seed: UInt64) -> [[Double]] {
        var world = BairdCounterexample()
        var behaviour = BairdBehaviour(seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        var estimator = OffPolicySemiGradientTD<TabulatedFeatures, BairdCounterexample.Move>(
            features: features, stepSize: stepSize, discount: discount, weights: BairdCounterexample.initialWeights
        ) { _, action in BairdCounterexample.importanceRatio(action) }
        var state = world.reset(seed: derivedSeed(seed, purpose: SeedPurpose.training))
        var trajectory = [estimator.weights]
        for _ in 0..<steps {
            let action = behaviour.action(for: state)
            let step = world.step(action)
            estimator.learn(
                from: Transition(
                    observation: state, action: action, reward: step.reward, nextObservation: step.observation, terminated: false,
                    truncated: false))
            state = step.observation
            trajectory.append(estimator.weights)
        }
        return trajectory
    }

    /// w after each of 1000 sweeps of semi-gradient DP under "always solid" (nothing random).
    @Sendable static func dynamicProgramming(_ seed: UInt64) -> [[Double]] {
        let model = BairdCounterexample().model
        var weights = BairdCounterexample.initialWeights
        var trajectory = [weights]
        for _ in 0..<steps {
            semiGradientDynamicProgrammingSweep(
                &weights, model: model, features: features,
                policy: { _, action in action == BairdCounterexample.Move.solid.rawValue ? 1 : 0 }, stepSize: stepSize,
                discount: discount)
            trajectory.append(weights)
        }
        return trajectory
    }

    static let td = "TD", dp = "DP"

    static let figure = BookFigure(
        id: "11.2", title: "Demonstration of instability on Baird's counterexample",
        section: "§11.2 Examples of Off-policy Divergence (Example 11.1)", page: 262, runs: 1, quickRuns: 1,
        settings:
            "7 states, reward 0; b: dashed 6/7, solid 1/7; π: solid; v̂ = 2w_i + w8 (upper), w7 + 2w8 (lower); γ = 0.99, α = 0.01, w0 = (1, 1, 1, 1, 1, 1, 10, 1); left: off-policy semi-gradient TD(0), 1000 steps; right: semi-gradient DP, 1000 sweeps; one run",
        series: (0..<8).map { BookSeries.weightComponent(label(td, $0), component: $0, x: x, trajectory: temporalDifference) }
            + (0..<8).map { BookSeries.weightComponent(label(dp, $0), component: $0, x: x, trajectory: dynamicProgramming) },
        panels: [
            BookPanel(
                title: "Semi-gradient off-policy TD", xLabel: "Steps", yLabel: "Weights", series: (0..<8).map { label(td, $0) }),
            BookPanel(title: "Semi-gradient DP", xLabel: "Sweeps", yLabel: "Weights", series: (0..<8).map { label(dp, $0) }),
        ],
        checks: [
            BookCheck(
                "TD: the weights diverge: w8 above 100 by step 1000",
                .init(label(td, 7), x: 1000...1000), .exceeds(100), source: "Figure 11.2 and text, p. 262"),
            BookCheck(
                "DP: the weights diverge even with expected, synchronous updates: w8 above 100 by sweep 1000",
                .init(label(dp, 7), panel: 1, x: 1000...1000), .exceeds(100), source: "Figure 11.2 and text, p. 262"),
            BookCheck(
                "TD: w8 the largest at step 1000, above w1", .init(label(td, 7), x: 1000...1000),
                .above(.init(label(td, 0), x: 1000...1000)), source: "Figure 11.2, p. 262"),
            BookCheck(
                "DP: w8 the largest at sweep 1000, above w1", .init(label(dp, 7), panel: 1, x: 1000...1000),
                .above(.init(label(dp, 0), panel: 1, x: 1000...1000)), source: "Figure 11.2, p. 262"),
            BookCheck(
                "DP: the divergence speeds up: w8 rises more over sweeps 500-1000 than over 0-500",
                .init(label(dp, 7), panel: 1, x: 500...1000, .rise), .above(.init(label(dp, 7), panel: 1, x: 0...500, .rise)),
                source: "Figure 11.2, p. 262"),
        ])
}
