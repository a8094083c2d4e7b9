import RLLinear
import RLTabular

/// Figure 12.10 (p. 305), its left panel: early performance of Sarsa(λ) with replacing traces
/// (the box on p. 305, ``LinearSarsaLambdaAgent``) on the book's Mountain Car
/// (``BookMountainCar``) as a function of α × 8, for λ = 0, .68, .84, .92, .96, .98, .99: the
/// steps per episode averaged over the first 50 episodes and 100 runs. (The right panel is
/// Figure 10.4's n-step Sarsa, copied.)
enum Figure12_10 {
    static let episodes = 50
    static let lambdas = [0, 0.68, 0.84, 0.92, 0.96, 0.98, 0.99]
    static func label(_ lambda: Double) -> String { lambda == 0 ? "λ = 0" : "λ = \(lambda)" }
    /// α × 8 by 0.2 over the stretch where each λ's curve is on the book's plot (below 300 steps
    /// at 100 runs of seed 1), as Figure 10.4's.
    static let alphas: [Double: [Double]] = [
        0: Figure10_4.grid(0.8...1.8), 0.68: Figure10_4.grid(0.4...1.8), 0.84: Figure10_4.grid(0.4...1.8),
        0.92: Figure10_4.grid(0.2...1.8), 0.96: Figure10_4.grid(0.2...1.8), 0.98: Figure10_4.grid(0.2...1.6),
        0.99: Figure10_4.grid(0.2...1.6),
    ]
    /// `--quick`: each λ's best α × 8 at 100 runs only.
    static let quickAlphas: [Double: Double] = [0: 1.6, 0.68: 1.4, 0.84: 1.2, 0.92: 1.2, 0.96: 1.4, 0.98: 1.2, 0.99: 0.8]

    static let figure: BookFigure = BookFigure(
        id: "12.10", title: "Early performance on Mountain Car of Sarsa(λ) with replacing traces",
        section: "§12.7 Sarsa(λ)", page: 305, runs: 100, quickRuns: 2,
        settings:
            "Figure 10.2's Mountain Car and tile coding; w = 0, ε = 0, γ = 1; Sarsa(λ), replacing traces, λ = 0, .68, .84, .92, .96, .98, .99; α × 8 by 0.2 where each λ's curve is on the plot (below 300 steps); steps per episode over the first 50 episodes (--quick: 2 runs at each λ's best α only), 100 runs",
        series: lambdas.map { lambda in
            .mountainCarStudy(label(lambda), alphasTimesTilings: alphas[lambda]!, episodes: episodes, quickAlphas: [quickAlphas[lambda]!]) {
                settings, seed in
                LinearSarsaLambdaAgent(
                    features: BookMountainCar.features, actionSpace: BookMountainCar.Actions(), hyperparameters: settings,
                    settings: SarsaLambdaSettings(lambda: lambda, traces: .replacing), seed: seed)
            }
        },
        panels: [
            BookPanel(
                title: "", xLabel: "α × number of tilings (8)",
                yLabel: "Steps per episode, averaged over the first 50 episodes and 100 runs", yRange: 170...300)
        ],
        checks: [
            BookCheck(
                "an intermediate λ learns fastest: λ = 0's best above λ = 0.92's", .init(label(0), x: 0...2, .minimum),
                .above(.init(label(0.92), x: 0...2, .minimum)), source: "Figure 12.10, p. 305"),
            BookCheck(
                "λ = 0.68's best above λ = 0.92's", .init(label(0.68), x: 0...2, .minimum),
                .above(.init(label(0.92), x: 0...2, .minimum)), source: "Figure 12.10, p. 305"),
        ],
        // --quick plays each curve at its best α only, and draws only those points.
        quickFigure: { figure.showing(only: Dictionary(uniqueKeysWithValues: quickAlphas.map { (label($0.key), [$0.value]) })) })
}
