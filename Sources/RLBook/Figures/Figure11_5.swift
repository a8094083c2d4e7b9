import RLBaird
import RLCore
import RLExperiments
import RLFeatures
import RLPrediction

/// Figure 11.5 (p. 279, from memory): TDC on Baird's counterexample. Left, TDC (§11.7) following
/// the behaviour policy (dashed 6/7, solid 1/7) for 1000 steps, the target policy always solid;
/// right, expected TDC, its two updates in expectation made synchronously (as semi-gradient DP,
/// eq. 11.9), 1000 sweeps. α = 0.005, β = 0.05, γ = 0.99, w₀ = (1, 1, 1, 1, 1, 1, 10, 1), v₀ = 0;
/// the eight weights with √VE and √PBE (μ uniform over the seven states, v_π = 0), one run.
enum Figure11_5 {
    static let steps = 1000
    static let x = (0...steps).map(Double.init)
    static let stepSize = 0.005
    static let secondaryStepSize = 0.05
    static let discount = 0.99
    static let features = TabulatedFeatures(rows: BairdCounterexample.features)
    /// μ, the behaviour policy's state distribution: uniform over the seven states.
    static let distribution = Array(repeating: 1.0 / 7, count: 7)
    static let projection = ValueProjection(rows: BairdCounterexample.features, distribution: distribution)
    static let model = BairdCounterexample().model
    /// π(a|s): always solid.
    static let solid: @Sendable (Int, Int) -> Double = { _, action in action == BairdCounterexample.Move.solid.rawValue ? 1 : 0 }

    /// The curves of a panel: the eight weights, then √VE and √PBE.
    static let curves = (1...8).map { "w\($0)" } + ["√VE", "√PBE"]
    static func label(_ method: String, _ curve: Int) -> String { "\(method): \(curves[curve])" }

    /// w, then √VE = ‖v̂_w − v_π‖_μ (v_π = 0: every reward is 0) and √PBE = ‖Π δ̄_w‖_μ.
    static func measured(_ weights: [Double]) -> [Double] {
        let values = linearValues(weights, features: features, stateCount: 7)
        let errors = bellmanErrors(weights, model: model, features: features, policy: solid, discount: discount)
        return weights + [projection.norm(values), projection.norm(projection.apply(errors))]
    }

    /// ``measured(_:)`` after each of the 1000 steps of TDC (w₀ first). Run `seed`: the world's
    /// draws from `derivedSeed(seed, purpose: training)`, the behaviour's from `purpose: agent`.
    @Sendable static func gradientCorrection(_ seed: UInt64) -> [[Double]] {
        var world = BairdCounterexample()
        var behaviour = BairdBehaviour(seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        var estimator = TDC<TabulatedFeatures, BairdCounterexample.Move>(
            features: features, stepSize: stepSize, secondaryStepSize: secondaryStepSize, discount: discount,
            weights: BairdCounterexample.initialWeights
        ) { _, action in BairdCounterexample.importanceRatio(action) }
        var state = world.reset(seed: derivedSeed(seed, purpose: SeedPurpose.training))
        var trajectory = [measured(estimator.weights)]
        for _ in 0..<steps {
            let action = behaviour.action(for: state)
            let step = world.step(action)
            estimator.learn(
                from: Transition(
                    observation: state, action: action, reward: step.reward, nextObservation: step.observation, terminated: false,
                    truncated: false))
            state = step.observation
            trajectory.append(measured(estimator.weights))
        }
        return trajectory
    }

    /// ``measured(_:)`` after each of 1000 sweeps of expected TDC (nothing random).
    @Sendable static func expectedGradientCorrection(_ seed: UInt64) -> [[Double]] {
        var weights = BairdCounterexample.initialWeights
        var secondary = Array(repeating: 0.0, count: weights.count)
        var trajectory = [measured(weights)]
        for _ in 0..<steps {
            expectedTDCSweep(
                weights: &weights, secondaryWeights: &secondary, model: model, features: features, policy: solid,
                distribution: distribution, stepSize: stepSize, secondaryStepSize: secondaryStepSize, discount: discount)
            trajectory.append(measured(weights))
        }
        return trajectory
    }

    static let tdc = "TDC", expected = "Expected TDC"
    static let source = "Figure 11.5, p. 279 (from memory)"
    static let sourceAndText = "Figure 11.5 and text, p. 279 (from memory)"
    static let ve = 8, pbe = 9

    static let figure = BookFigure(
        id: "11.5", title: "The TDC algorithm on Baird's counterexample",
        section: "§11.7 Gradient-TD Methods", page: 279, runs: 1, quickRuns: 1,
        settings:
            "Baird's counterexample (as 11.2); TDC with secondary weights v, α = 0.005, β = 0.05, γ = 0.99, w0 = (1, 1, 1, 1, 1, 1, 10, 1), v0 = 0; left: TDC, 1000 steps of b; right: expected TDC, 1000 synchronous sweeps; the eight weights, √VE and √PBE (μ uniform); one run",
        series: curves.indices.map { BookSeries.weightComponent(label(tdc, $0), component: $0, x: x, trajectory: gradientCorrection) }
            + curves.indices.map {
                BookSeries.weightComponent(label(expected, $0), component: $0, x: x, trajectory: expectedGradientCorrection)
            },
        panels: [
            BookPanel(title: "TDC", xLabel: "Steps", yLabel: "Weights, √VE, √PBE", series: curves.indices.map { label(tdc, $0) }),
            BookPanel(
                title: "Expected TDC", xLabel: "Sweeps", yLabel: "Weights, √VE, √PBE",
                series: curves.indices.map { label(expected, $0) }),
        ],
        checks: [
            BookCheck(
                "expected TDC: √PBE falls to about 0 by sweep 1000", .init(label(expected, pbe), panel: 1, x: 1000...1000),
                .value(0, reading: 0.05), source: sourceAndText),
            BookCheck(
                "expected TDC: √VE stays almost 2 at sweep 1000 (far from v̂ = 0)",
                .init(label(expected, ve), panel: 1, x: 1000...1000), .value(2, reading: 0.15), source: sourceAndText),
            BookCheck(
                "expected TDC: √VE above √PBE at sweep 1000", .init(label(expected, ve), panel: 1, x: 1000...1000),
                .above(.init(label(expected, pbe), panel: 1, x: 1000...1000)), source: source),
            BookCheck(
                "expected TDC: the weights converge: w8 moves by about 0 over sweeps 500-1000",
                .init(label(expected, 7), panel: 1, x: 500...1000, .rise), .value(0, reading: 0.05), source: source),
            BookCheck(
                "expected TDC: no divergence: w7, the largest, ends below its start of 10",
                .init(label(expected, 6), panel: 1, x: 0...0), .above(.init(label(expected, 6), panel: 1, x: 1000...1000)),
                source: source),
            BookCheck(
                "TDC: √PBE falls: its start above its mean over steps 901-1000", .init(label(tdc, pbe), x: 0...0),
                .above(.init(label(tdc, pbe), x: 901...1000)), source: source),
            BookCheck(
                "TDC: no divergence: w8 at step 1000 below its start of 1, unlike Figure 11.2's 259",
                .init(label(tdc, 7), x: 0...0), .above(.init(label(tdc, 7), x: 1000...1000)), source: source),
        ])
}
