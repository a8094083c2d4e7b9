import RLCore
import RLFeatures
import RLPrediction
import RLRandomWalk

/// Figure 12.3 (p. 291): the offline λ-return algorithm (§12.1) on the 19-state random walk
/// (Figure 7.2's), the RMS error over the 19 states averaged over the first 10 episodes, as a
/// function of α, for λ = 0…1; tabular (one feature per state), V = 0, 100 runs.
enum Figure12_3 {
    static let figure = LambdaStudy.figure(
        id: "12.3", title: "Performance of the offline λ-return algorithm on the 19-state random walk",
        section: "§12.1 The λ-return", page: 291,
        // The α of each λ, as far as its curve stays on the book's plot (the Python reproduction's grid).
        alphas: [
            0: LambdaStudy.grid(1, by: 0.1), 0.4: LambdaStudy.grid(1, by: 0.1), 0.8: LambdaStudy.grid(1, by: 0.1),
            0.9: LambdaStudy.grid(1, by: 0.1), 0.95: LambdaStudy.grid(1, by: 0.1), 0.975: LambdaStudy.grid(0.5, by: 0.05),
            0.99: LambdaStudy.grid(0.2, by: 0.02), 1: LambdaStudy.grid(0.1, by: 0.01),
        ],
        source: "text, p. 291"
    ) { lambda, alpha in
        OfflineLambdaReturn<GroupAggregation, RandomWalk.Move>(features: LambdaStudy.tabular, lambda: lambda, stepSize: alpha)
    }
}

/// The chapter 12 figures' shared shape (Figures 12.3, 12.6 and 12.8): one estimator over α for
/// each λ, on Figure 7.2's walk, read the way Figure 7.2 is read.
enum LambdaStudy {
    static let walk = Figure7_2.walk
    /// One feature per cell 0…20 of the walk: the tabular case of the linear methods.
    static let tabular = GroupAggregation(first: 0, states: 21, groups: 21)
    static let lambdas = [0, 0.4, 0.8, 0.9, 0.95, 0.975, 0.99, 1]
    static func label(_ lambda: Double) -> String { "λ = \(lambda.formatted())" }

    /// 0, step, 2 step, … up to `last`.
    static func grid(_ last: Double, by step: Double) -> [Double] {
        (0...Int((last / step).rounded())).map { Double($0) * step }
    }

    static func figure<V: ValueEstimator>(
        id: String, title: String, section: String, page: Int, alphas: [Double: [Double]], source: String,
        estimator: @escaping @Sendable (_ lambda: Double, _ alpha: Double) -> V
    ) -> BookFigure where V.Observation == Int, V.Action == RandomWalk.Move {
        BookFigure(
            id: id, title: title, section: section, page: page, runs: 100, quickRuns: 6,
            settings:
                "19 states, -1 at the left end, +1 at the right; equiprobable policy; one feature per state, w = 0; γ = 1; the first 10 episodes; λ = 0, .4, .8, .9, .95, .975, .99, 1",
            series: lambdas.map { lambda in
                .predictionStudy(label(lambda), walk: walk, episodes: 10, values: alphas[lambda] ?? []) { alpha in
                    estimator(lambda, alpha)
                }
            },
            panels: [
                BookPanel(
                    title: "", xLabel: "α", yLabel: "Average RMS error over 19 states and first 10 episodes", yRange: 0.25...0.55)
            ],
            checks: [
                BookCheck(
                    "α = 0 learns nothing: the error of V = 0, √0.3", .init(label(0), x: 0...0), .value(0.5477, reading: 0.001),
                    source: "\(figureName(id)), p. \(page)"),
                BookCheck(
                    "an intermediate λ works best: λ = 0's best above λ = 0.8's best", .init(label(0), x: 0...1, .minimum),
                    .above(.init(label(0.8), x: 0...1, .minimum)), source: source),
                BookCheck(
                    "an intermediate λ works best: λ = 1's best above λ = 0.8's best", .init(label(1), x: 0...1, .minimum),
                    .above(.init(label(0.8), x: 0...1, .minimum)), source: source),
            ])
    }

    static func figureName(_ id: String) -> String { "Figure \(id)" }
}
