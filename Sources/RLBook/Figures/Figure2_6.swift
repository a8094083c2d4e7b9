import RLBandits

/// Figure 2.6 (p. 42): the parameter study, each method's average reward over its first 1000
/// steps as a function of its parameter, on a log₂ axis.
enum Figure2_6 {
    static func powers(_ exponents: ClosedRange<Int>) -> [Double] { exponents.map { Double(1 << ($0 + 7)) / 128 } }

    static let greedy = "ε-greedy (ε)"
    static let gradient = "gradient bandit (α)"
    static let ucb = "UCB (c)"
    static let optimistic = "greedy with optimistic initialization α = 0.1 (Q0)"

    static let figure = BookFigure(
        id: "2.6", title: "A parameter study of the various bandit algorithms",
        section: "§2.10 Summary", page: 42, runs: 2000, quickRuns: 100,
        settings:
            "10-armed testbed; each point the average reward over the first 1000 steps; ε 1/128-1/4, α 1/32-2, c 1/16-4, Q0 1/4-4",
        series: [
            .banditStudy(greedy, EpsilonGreedyBandit.self, values: powers(-7...(-2))) { EpsilonGreedyBandit.Settings(epsilon: $0) },
            .banditStudy(gradient, GradientBandit.self, values: powers(-5...1)) { GradientBandit.Settings(stepSize: $0) },
            .banditStudy(ucb, UCBBandit.self, values: powers(-4...2)) { UCBBandit.Settings(confidence: $0) },
            .banditStudy(optimistic, EpsilonGreedyBandit.self, values: powers(-2...2)) {
                EpsilonGreedyBandit.Settings(epsilon: 0, stepSize: .constant(0.1), initialValue: $0)
            },
        ],
        panels: [
            BookPanel(
                title: "", xLabel: "ε  α  c  Q0 (log2 scale)", yLabel: "Average reward over first 1000 steps",
                xScale: .logarithmic2, yRange: 1...1.5)
        ],
        checks: [
            BookCheck(
                "UCB's best above ε-greedy's best (\"UCB seems to perform best\")",
                .init(ucb, x: 0...16, .maximum), .above(.init(greedy, x: 0...16, .maximum)), source: "text, p. 42"),
            BookCheck(
                "ε-greedy peaks inside its range: ε = 1/16 above ε = 1/128",
                .init(greedy, x: 0.0625...0.0625), .above(.init(greedy, x: 0.0078125...0.0078125)), source: "Figure 2.6, p. 42"),
            BookCheck(
                "ε-greedy peaks inside its range: ε = 1/16 above ε = 1/4",
                .init(greedy, x: 0.0625...0.0625), .above(.init(greedy, x: 0.25...0.25)), source: "Figure 2.6, p. 42"),
            BookCheck(
                "gradient bandit peaks inside its range: α = 1/4 above α = 2",
                .init(gradient, x: 0.25...0.25), .above(.init(gradient, x: 2...2)), source: "Figure 2.6, p. 42"),
        ])
}
