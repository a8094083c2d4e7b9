import RLBandits

/// Figure 2.5 (p. 38): the gradient bandit algorithm with and without a reward baseline, on the
/// testbed whose true values are drawn around +4 instead of 0.
enum Figure2_5 {
    static func label(_ alpha: Double, baseline: Bool) -> String {
        "α = \(alpha) " + (baseline ? "with baseline" : "without baseline")
    }

    static let figure = BookFigure(
        id: "2.5", title: "Average performance of the gradient bandit algorithm with and without a reward baseline",
        section: "§2.8 Gradient Bandit Algorithms", page: 38, runs: 2000, quickRuns: 300,
        settings: "10-armed testbed with q*(a) ~ N(+4, 1); α = 0.1 and 0.4, with and without the baseline R̄",
        series: [(0.1, true), (0.4, true), (0.1, false), (0.4, false)].map { alpha, baseline in
            .bandit(
                label(alpha, baseline: baseline), GradientBandit.self, GradientBandit.Settings(stepSize: alpha, baseline: baseline),
                testbed: Testbed.Settings(meanOfValues: 4))
        },
        panels: [BookPanel(title: "", xLabel: "Steps", yLabel: "% Optimal action", measure: 1, yRange: 0...100)],
        checks: [
            BookCheck(
                "α = 0.1 with baseline: % optimal action, steps 901-1000",
                .init(label(0.1, baseline: true), x: 901...1000), .value(80, reading: 6), source: "Figure 2.5, p. 38"),
            BookCheck(
                "with baseline above without, α = 0.1, steps 501-1000 (\"performance would be significantly degraded\")",
                .init(label(0.1, baseline: true), x: 501...1000), .above(.init(label(0.1, baseline: false), x: 501...1000)),
                source: "text, p. 38"),
            BookCheck(
                "with baseline above without, α = 0.4, steps 501-1000",
                .init(label(0.4, baseline: true), x: 501...1000), .above(.init(label(0.4, baseline: false), x: 501...1000)),
                source: "Figure 2.5, p. 38"),
        ])
}
