import RLApp
import RLTabular

/// Figure 6.4, printed as Example 6.6's figure (p. 132): Sarsa against Q-learning on Cliff Walking, the sum of
/// rewards of each episode while learning, ε = 0.1. The book's Cliff Walking has no step cap:
/// `max-steps` at its largest (100,000) never cuts an episode of these agents.
enum Figure6_4 {
    static let episodes = 500
    static let settings = Hyperparameters(learningRate: .constant(0.5), discount: 1, epsilon: .constant(0.1))

    static func series(_ label: String, agent: String) -> BookSeries {
        .episodes(
            label, world: "cliff-walking", flags: [("max-steps", "100000")], agent: agent, hyperparameters: settings,
            episodes: episodes)
    }

    static let figure = BookFigure(
        id: "6.4", printedAs: "Example 6.6's figure", title: "The cliff-walking task: Sarsa against Q-learning, ε-greedy with ε = 0.1",
        section: "§6.5 Q-learning: Off-policy TD Control (Example 6.6)", page: 132, runs: 1000, quickRuns: 100,
        settings: "Cliff Walking 4×12, no step cap; α = 0.5, γ = 1, ε = 0.1; 500 episodes (the book gives no run count: 1000 runs)",
        series: [series("Sarsa", agent: "sarsa"), series("Q-learning", agent: "q-learning")],
        panels: [
            BookPanel(title: "", xLabel: "Episodes", yLabel: "Sum of rewards during episode", yRange: -100 ... -25)
        ],
        checks: [
            BookCheck(
                "Sarsa: sum of rewards, episodes 401-500", .init("Sarsa", x: 401...500), .value(-25, reading: 5),
                source: "Example 6.6's figure, p. 132"),
            BookCheck(
                "Q-learning: sum of rewards, episodes 401-500", .init("Q-learning", x: 401...500), .value(-50, reading: 6),
                source: "Example 6.6's figure, p. 132"),
            BookCheck(
                "Sarsa above Q-learning online, episodes 101-500 (\"its online performance is worse than that of Sarsa\")",
                .init("Sarsa", x: 101...500), .above(.init("Q-learning", x: 101...500)), source: "text, p. 132"),
        ])
}
