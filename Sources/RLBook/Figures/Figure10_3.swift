import RLLinear
import RLTabular

/// Figure 10.3 (p. 248): one-step against 8-step semi-gradient Sarsa (the box on p. 247) on the
/// book's Mountain Car (``BookMountainCar``), with the step sizes the caption calls good:
/// α = 0.5/8 for n = 1, α = 0.3/8 for n = 8. Steps per episode on a logarithmic axis over 500
/// episodes; 100 runs.
enum Figure10_3 {
    static let episodes = 500
    /// `--quick`: the first 50 episodes (the rest of each curve repeats the 50th, so the late
    /// check reads it).
    static let quickEpisodes = 50
    static let oneStep = "n = 1"
    static let eightStep = "n = 8"

    static func series(_ label: String, steps: Int, alphaTimesTilings: Double) -> BookSeries {
        .mountainCar(label, alphaTimesTilings: alphaTimesTilings, episodes: episodes, quickEpisodes: quickEpisodes) { settings, seed in
            LinearNStepSarsaAgent(
                features: BookMountainCar.features, actionSpace: BookMountainCar.Actions(), hyperparameters: settings,
                settings: NStepSarsaSettings(steps: steps), seed: seed)
        }
    }

    static let figure: BookFigure = BookFigure(
        id: "10.3", title: "One-step against 8-step semi-gradient Sarsa on Mountain Car",
        section: "§10.2 Semi-gradient n-step Sarsa", page: 248, runs: 100, quickRuns: 3,
        settings:
            "Figure 10.2's Mountain Car and tile coding; w = 0, ε = 0, γ = 1; n = 1 with α = 0.5/8, n = 8 with α = 0.3/8; 500 episodes (--quick: 50, 3 runs), 100 runs",
        series: [
            series(oneStep, steps: 1, alphaTimesTilings: 0.5),
            series(eightStep, steps: 8, alphaTimesTilings: 0.3),
        ],
        panels: [
            BookPanel(
                title: "", xLabel: "Episode", yLabel: "Mountain Car steps per episode (log scale), averaged over 100 runs",
                yScale: .logarithmic10, yRange: 100...1000)
        ],
        checks: [
            BookCheck(
                "n = 8 learns faster: n = 1 above n = 8, episodes 1-50", .init(oneStep, x: 1...50),
                .above(.init(eightStep, x: 1...50)), source: "text, p. 248"),
            BookCheck(
                "and ends better: n = 1 above n = 8, episodes 401-500", .init(oneStep, x: 401...500),
                .above(.init(eightStep, x: 401...500)), source: "text, p. 248"),
        ],
        // --quick's curves end at its last episode, and so do its checks' readings.
        quickFigure: { figure.ending(at: Double(quickEpisodes)) })
}
