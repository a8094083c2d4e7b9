import RLBandits

/// Figure 2.4 (p. 36): upper-confidence-bound action selection (c = 2) against ε-greedy
/// (ε = 0.1), both with sample averages.
enum Figure2_4 {
    static let ucb = "UCB c = 2"
    static let greedy = "ε-greedy ε = 0.1"

    static let figure = BookFigure(
        id: "2.4", title: "Average performance of UCB action selection on the 10-armed testbed",
        section: "§2.7 Upper-Confidence-Bound Action Selection", page: 36, runs: 2000, quickRuns: 300,
        settings: "10-armed testbed; sample averages; UCB with c = 2 against ε-greedy with ε = 0.1",
        series: [
            .bandit(ucb, UCBBandit.self, UCBBandit.Settings(confidence: 2)),
            .bandit(greedy, EpsilonGreedyBandit.self, EpsilonGreedyBandit.Settings(epsilon: 0.1)),
        ],
        panels: [BookPanel(title: "", xLabel: "Steps", yLabel: "Average reward", measure: 0)],
        checks: [
            BookCheck(
                "UCB above ε-greedy, steps 101-1000 (\"UCB generally performs better\")",
                .init(ucb, x: 101...1000), .above(.init(greedy, x: 101...1000)), source: "text, p. 36"),
            BookCheck(
                "UCB's spike: step 11 above steps 12-20 (\"a distinct spike in performance on the 11th step\")",
                .init(ucb, x: 11...11), .above(.init(ucb, x: 12...20)), source: "Exercise 2.8, p. 36"),
        ])
}
