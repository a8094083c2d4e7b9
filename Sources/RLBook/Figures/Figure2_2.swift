import RLBandits

/// Figure 2.2 (p. 29): ε-greedy action-value methods with sample averages on the 10-armed
/// testbed, 2000 problems, 1000 steps each.
enum Figure2_2 {
    static let labels = ["ε = 0 (greedy)", "ε = 0.01", "ε = 0.1"]

    static let figure = BookFigure(
        id: "2.2", title: "Average performance of ε-greedy action-value methods on the 10-armed testbed",
        section: "§2.3 The 10-armed Testbed", page: 29, runs: 2000, quickRuns: 200,
        settings: "10 arms, q*(a) ~ N(0, 1), rewards N(q*(a), 1); sample averages, Q1 = 0; ε = 0, 0.01, 0.1",
        series: zip(labels, [0.0, 0.01, 0.1]).map { label, epsilon in
            .bandit(label, EpsilonGreedyBandit.self, EpsilonGreedyBandit.Settings(epsilon: epsilon))
        },
        panels: [
            BookPanel(title: "", xLabel: "Steps", yLabel: "Average reward", measure: 0),
            BookPanel(title: "", xLabel: "Steps", yLabel: "% Optimal action", measure: 1, yRange: 0...100),
        ],
        checks: [
            BookCheck(
                "greedy: average reward, steps 901-1000 (\"a reward-per-step of only about 1\")",
                .init("ε = 0 (greedy)", panel: 0, x: 901...1000), .value(1.0, reading: 0.1), source: "text, p. 29"),
            BookCheck(
                "greedy: % optimal action, steps 901-1000 (\"in only approximately one-third of the tasks\")",
                .init("ε = 0 (greedy)", panel: 1, x: 901...1000), .value(33.3, reading: 5), source: "text, p. 29"),
            BookCheck(
                "ε = 0.1: % optimal action, steps 901-1000",
                .init("ε = 0.1", panel: 1, x: 901...1000), .value(80, reading: 5), source: "Figure 2.2, p. 29"),
            BookCheck(
                "ε = 0.1 above greedy: average reward, steps 901-1000",
                .init("ε = 0.1", panel: 0, x: 901...1000), .above(.init("ε = 0 (greedy)", panel: 0, x: 901...1000)),
                source: "text, p. 29"),
            BookCheck(
                "ε = 0.1 above ε = 0.01: % optimal action, steps 901-1000",
                .init("ε = 0.1", panel: 1, x: 901...1000), .above(.init("ε = 0.01", panel: 1, x: 901...1000)),
                source: "Figure 2.2, p. 29"),
        ])
}
