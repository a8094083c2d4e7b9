import RLApp
import RLTabular

/// Figure 6.5 (p. 135, Example 6.7): Q-learning against Double Q-learning on the
/// maximisation-bias MDP, the % of episodes that went left from A, ε = 0.1, α = 0.1, γ = 1.
enum Figure6_5 {
    static let episodes = 300
    static let settings = Hyperparameters(learningRate: .constant(0.1), discount: 1, epsilon: .constant(0.1))

    static func series(_ label: String, agent: String) -> BookSeries {
        .episodes(
            label, world: "maximization-bias", agent: agent, hyperparameters: settings, episodes: episodes, measure: .metric("left"),
            scale: 100)
    }

    static let figure = BookFigure(
        id: "6.5", title: "Comparison of Q-learning and Double Q-learning on the maximization-bias example",
        section: "§6.7 Maximization Bias and Double Learning (Example 6.7)", page: 135, runs: 10_000, quickRuns: 400,
        settings: "A: left (to B) or right (end); B: 10 actions, rewards N(-0.1, 1); α = 0.1, γ = 1, ε = 0.1; 300 episodes",
        series: [
            series("Q-learning", agent: "q-learning"), series("Double Q-learning", agent: "double-q-learning"),
            .constant("optimal", x: (1...episodes).map(Double.init), value: 5),
        ],
        panels: [BookPanel(title: "", xLabel: "Episodes", yLabel: "% left actions from A", yRange: 0...100)],
        checks: [
            BookCheck(
                "Double Q-learning near the optimal 5%, episodes 201-300 (\"essentially unaffected by maximization bias\")",
                .init("Double Q-learning", x: 201...300), .value(5, reading: 2), source: "Figure 6.5 and text, p. 135"),
            BookCheck(
                "Q-learning above the 5% minimum, episodes 201-300 (\"always takes it significantly more often\")",
                .init("Q-learning", x: 201...300), .above(.init("optimal", x: 201...300)), source: "text, p. 135"),
            BookCheck(
                "Q-learning about 5% above the optimal 5%, episodes 281-300 (\"even at asymptote ... about 5% more often\")",
                .init("Q-learning", x: 281...300), .value(10, reading: 3), source: "text, p. 135"),
            BookCheck(
                "Q-learning above Double Q-learning, episodes 1-300",
                .init("Q-learning", x: 1...300), .above(.init("Double Q-learning", x: 1...300)), source: "Figure 6.5, p. 135"),
        ])
}
