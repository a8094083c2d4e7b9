import RLPrediction
import RLRandomWalk

/// Figure 7.2 (p. 145): n-step TD on the 19-state random walk (−1 at the left end), the RMS error
/// over the 19 states averaged over the first 10 episodes, as a function of α, for n = 1…512;
/// V = 0 at first, 100 runs.
enum Figure7_2 {
    static let walk = RandomWalk(states: 19, leftReward: -1)
    static let alphas = (0...10).map { Double($0) / 10 }
    static let ns = (0...9).map { 1 << $0 }
    static func label(_ n: Int) -> String { "n = \(n)" }

    static let figure = BookFigure(
        id: "7.2", title: "Performance of n-step TD methods as a function of α, for various values of n, on a 19-state random walk",
        section: "§7.1 n-step TD Prediction", page: 145, runs: 100, quickRuns: 30,
        settings: "19 states, -1 at the left end, +1 at the right; equiprobable policy; V = 0; γ = 1; the first 10 episodes",
        series: ns.map { n in
            .predictionStudy(label(n), walk: walk, episodes: 10, values: alphas) { alpha in
                NStepTemporalDifference<RandomWalk.Move>(initialValues: Array(repeating: 0, count: 21), steps: n, stepSize: alpha)
            }
        },
        panels: [
            BookPanel(
                title: "", xLabel: "α", yLabel: "Average RMS error over 19 states and first 10 episodes", yRange: 0.25...0.55)
        ],
        checks: [
            BookCheck(
                "α = 0 learns nothing: the error of V = 0, √0.3", .init(label(1), x: 0...0), .value(0.5477, reading: 0.001),
                source: "Figure 7.2, p. 145"),
            BookCheck(
                "an intermediate n works best: n = 1's best above n = 4's best", .init(label(1), x: 0...1, .minimum),
                .above(.init(label(4), x: 0...1, .minimum)), source: "text, p. 145"),
            BookCheck(
                "an intermediate n works best: n = 512's best above n = 4's best", .init(label(512), x: 0...1, .minimum),
                .above(.init(label(4), x: 0...1, .minimum)), source: "text, p. 145"),
        ])
}
