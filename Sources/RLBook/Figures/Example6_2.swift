import RLPrediction
import RLRandomWalk

/// Example 6.2's right graph (p. 125): TD(0) against constant-α Monte Carlo predicting the
/// 5-state random walk's values, the RMS error over the states after each episode, V = 0.5 at
/// first, 100 runs.
enum Example6_2 {
    static let walk = RandomWalk(states: 5)
    static let start = [0] + Array(repeating: 0.5, count: 5) + [0]
    static func td(_ alpha: Double) -> String { "TD α = \(alpha)" }
    static func mc(_ alpha: Double) -> String { "MC α = \(alpha)" }

    static let figure = BookFigure(
        id: "example-6.2", title: "Random walk, TD(0) against constant-α MC: RMS error over episodes (the right graph)",
        section: "§6.2 Advantages of TD Prediction Methods (Example 6.2)", page: 125, runs: 100, quickRuns: 100,
        settings: "5 states A-E, start in C, +1 at the right end; equiprobable policy; V = 0.5; γ = 1; 100 episodes",
        series: [0.15, 0.1, 0.05].map { alpha in
            .prediction(td(alpha), walk: walk, episodes: 100) { _ in
                TemporalDifference<RandomWalk.Move>(initialValues: start, stepSize: alpha)
            }
        }
            + [0.01, 0.02, 0.03, 0.04].map { alpha in
                .prediction(mc(alpha), walk: walk, episodes: 100) { _ in
                    ConstantAlphaMonteCarlo<RandomWalk.Move>(initialValues: start, stepSize: alpha)
                }
            },
        panels: [
            BookPanel(
                title: "", xLabel: "Walks / Episodes", yLabel: "Empirical RMS error, averaged over states", yRange: 0...0.25)
        ],
        checks: [
            BookCheck(
                "the error before any episode: V = 0.5 against 1/6...5/6", .init(td(0.1), x: 0...0), .value(0.236, reading: 0.001),
                source: "Example 6.2, p. 125")
        ]
            + [0.01, 0.02, 0.03, 0.04].map { alpha in
                BookCheck(
                    "\(mc(alpha)) above TD α = 0.05, episodes 76-100 (\"The TD method was consistently better than the MC method\")",
                    .init(mc(alpha), x: 76...100), .above(.init(td(0.05), x: 76...100)), source: "text, p. 125")
            })
}
