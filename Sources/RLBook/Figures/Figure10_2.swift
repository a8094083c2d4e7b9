import RLLinear
import RLTabular

/// Figure 10.2 (p. 246): semi-gradient Sarsa (the box on p. 244) on the book's Mountain Car
/// (``BookMountainCar``: 8 tilings of 8 × 8 tiles, w = 0, ε = 0, γ = 1, no step cap), steps per
/// episode on a logarithmic axis over 500 episodes, α = 0.1/8, 0.2/8, 0.5/8; 100 runs.
enum Figure10_2 {
    static let episodes = 500
    /// `--quick`: the first 50 episodes, where the three step sizes part most.
    static let quickEpisodes = 50
    static let alphas = [0.1, 0.2, 0.5]
    static func label(_ alpha: Double) -> String { "α = \(alpha)/8" }

    static let figure: BookFigure = BookFigure(
        id: "10.2", title: "Mountain Car learning curves for semi-gradient Sarsa with tile coding",
        section: "§10.1 Episodic Semi-gradient Control", page: 246, runs: 100, quickRuns: 3,
        settings:
            "Example 10.1's Mountain Car, no step cap (a 1,000,000-step guard); 8 tilings of 8 × 8 tiles over position -1.2...0.5 and velocity ±0.07, asymmetric offsets; w = 0, ε = 0, γ = 1; α = 0.1/8, 0.2/8, 0.5/8; 500 episodes (--quick: 50, 3 runs), 100 runs",
        series: alphas.map { alpha in
            .mountainCar(label(alpha), alphaTimesTilings: alpha, episodes: episodes, quickEpisodes: quickEpisodes) { settings, seed in
                LinearSarsaAgent(
                    features: BookMountainCar.features, actionSpace: BookMountainCar.Actions(), hyperparameters: settings,
                    settings: NoAgentSettings(), seed: seed)
            }
        },
        panels: [
            BookPanel(
                title: "", xLabel: "Episode", yLabel: "Mountain Car steps per episode (log scale), averaged over 100 runs",
                yScale: .logarithmic10, yRange: 100...1000)
        ],
        checks: [
            BookCheck(
                "the largest step size learns fastest: α = 0.1/8 above α = 0.5/8, episodes 1-50", .init(label(0.1), x: 1...50),
                .above(.init(label(0.5), x: 1...50)), source: "Figure 10.2, p. 246"),
            BookCheck(
                "α = 0.1/8 above α = 0.2/8, episodes 1-50", .init(label(0.1), x: 1...50), .above(.init(label(0.2), x: 1...50)),
                source: "Figure 10.2, p. 246"),
            BookCheck(
                "α = 0.2/8 above α = 0.5/8, episodes 1-50", .init(label(0.2), x: 1...50), .above(.init(label(0.5), x: 1...50)),
                source: "Figure 10.2, p. 246"),
        ],
        // --quick's curves end at its last episode, and so do its checks' readings.
        quickFigure: { figure.ending(at: Double(quickEpisodes)) })
}
