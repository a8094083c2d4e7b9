import RLFeatures
import RLPrediction
import RLRandomWalk

/// Figure 9.2 (p. 209): on the 1000-state random walk, left, semi-gradient TD(0) (the box on
/// p. 203) with the 10 groups of Figure 9.1, α = 2 × 10⁻⁴, 100,000 episodes, against the truth
/// and Figure 9.1's gradient Monte Carlo; right, n-step semi-gradient TD (the box on p. 209)
/// with 20 groups of 50 states, the RMS error over the 1000 states averaged over the first 10
/// episodes, as a function of α, for n = 1…512, 100 runs.
enum Figure9_2 {
    static let walk = Figure9_1.walk
    static let alphas = (0...10).map { Double($0) / 10 }
    static let ns = (0...9).map { 1 << $0 }
    static func label(_ n: Int) -> String { "n = \(n)" }
    static let temporalDifference = "semi-gradient TD(0)"
    static let monteCarlo = "gradient MC (Figure 9.1)"
    static let truth = Figure9_1.truth
    static let runs = 100
    /// `--quick`: 1,500 episodes at 20 and 100 times the book's α (TD(0) 4e-3, MC 2e-3), enough
    /// for the end groups to settle (about 2 updates of each per episode) in a debug build's seconds.
    static let quickEpisodes = 1_500

    static let figure = BookFigure(
        id: "9.2", title: "Bootstrapping with state aggregation on the 1000-state random walk",
        section: "§9.4 Linear Methods (Example 9.2)", page: 209, runs: runs, quickRuns: 3,
        settings:
            "Figure 9.1's walk; left: 10 groups, TD(0) α = 2e-4 and gradient MC α = 2e-5, 100,000 episodes, 2 runs (--quick: 1,500 episodes at α = 4e-3 and 2e-3); right: 20 groups, n = 1-512, α = 0-1, V = 0, the first 10 episodes, 100 runs",
        series: [
            .learnedValues(temporalDifference, walk: walk, episodes: 100_000, quickEpisodes: quickEpisodes, runDivisor: runs) {
                quick in
                SemiGradientTemporalDifference<GroupAggregation, RandomWalk.Move>(
                    features: Figure9_1.groups, stepSize: quick ? 4e-3 : 2e-4)
            },
            .learnedValues(monteCarlo, walk: walk, episodes: Figure9_1.episodes, quickEpisodes: quickEpisodes, runDivisor: runs) {
                quick in
                GradientMonteCarlo<GroupAggregation, RandomWalk.Move>(
                    features: Figure9_1.groups, stepSize: quick ? 2e-3 : Figure9_1.stepSize)
            },
            .exact(truth, x: (1...walk.states).map(Double.init), values: walk.trueValues),
        ]
            + ns.map { n in
                .predictionStudy(label(n), walk: walk, episodes: 10, values: alphas) { alpha in
                    SemiGradientTemporalDifference<GroupAggregation, RandomWalk.Move>(
                        features: GroupAggregation(states: 1000, groups: 20), steps: n, stepSize: alpha)
                }
            },
        panels: [
            BookPanel(
                title: "Left: semi-gradient TD(0), 10 groups", xLabel: "State", yLabel: "Value scale",
                series: [truth, temporalDifference, monteCarlo], yRange: -1...1),
            BookPanel(
                title: "Right: n-step semi-gradient TD, 20 groups", xLabel: "α",
                yLabel: "Average RMS error over 1000 states and first 10 episodes", series: ns.map(label), yRange: 0.25...0.55),
        ],
        checks: [
            BookCheck(
                "TD's asymptote is farther from the truth than MC's: the leftmost group, TD's value above MC's",
                .init(temporalDifference, x: 1...100), .above(.init(monteCarlo, x: 1...100)), source: "text, p. 209"),
            BookCheck(
                "TD's asymptote is farther from the truth than MC's: the rightmost group, MC's value above TD's",
                .init(monteCarlo, x: 901...1000), .above(.init(temporalDifference, x: 901...1000)), source: "text, p. 209"),
            BookCheck(
                "an intermediate n works best: n = 1's best above n = 4's best", .init(label(1), panel: 1, x: 0...1, .minimum),
                .above(.init(label(4), panel: 1, x: 0...1, .minimum)), source: "Figure 9.2, p. 209"),
            BookCheck(
                "an intermediate n works best: n = 512's best above n = 4's best", .init(label(512), panel: 1, x: 0...1, .minimum),
                .above(.init(label(4), panel: 1, x: 0...1, .minimum)), source: "Figure 9.2, p. 209"),
        ])
}
