import RLBandits

/// Figure 2.3 (p. 34): optimistic initial action-value estimates (Q1 = 5, greedy) against
/// realistic ones (Q1 = 0, ε = 0.1), both with a constant step size α = 0.1.
enum Figure2_3 {
    static let optimistic = "Optimistic, greedy Q1 = 5, ε = 0"
    static let realistic = "Realistic, ε-greedy Q1 = 0, ε = 0.1"

    static let figure = BookFigure(
        id: "2.3", title: "The effect of optimistic initial action-value estimates on the 10-armed testbed",
        section: "§2.6 Optimistic Initial Values", page: 34, runs: 2000, quickRuns: 300,
        settings: "10-armed testbed; constant step size α = 0.1; Q1 = 5, ε = 0 against Q1 = 0, ε = 0.1",
        series: [
            .bandit(
                optimistic, EpsilonGreedyBandit.self, EpsilonGreedyBandit.Settings(epsilon: 0, stepSize: .constant(0.1), initialValue: 5)),
            .bandit(realistic, EpsilonGreedyBandit.self, EpsilonGreedyBandit.Settings(epsilon: 0.1, stepSize: .constant(0.1))),
        ],
        panels: [BookPanel(title: "", xLabel: "Steps", yLabel: "% Optimal action", measure: 1, yRange: 0...100)],
        checks: [
            BookCheck(
                "optimistic above realistic, steps 801-1000 (\"eventually it performs better\")",
                .init(optimistic, x: 801...1000), .above(.init(realistic, x: 801...1000)), source: "text, p. 34"),
            BookCheck(
                "optimistic below realistic, steps 21-100 (\"initially, the optimistic method performs worse\")",
                .init(realistic, x: 21...100), .above(.init(optimistic, x: 21...100)), source: "text, p. 34"),
            BookCheck(
                "the optimistic method's spike: step 11 above step 10 (Exercise 2.6)",
                .init(optimistic, x: 11...11), .above(.init(optimistic, x: 10...10)), source: "Figure 2.3 and Exercise 2.6, p. 34"),
        ])
}
