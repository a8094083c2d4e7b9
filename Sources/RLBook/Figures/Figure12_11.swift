import RLLinear
import RLTabular

/// Figure 12.11 (p. 307): a summary comparison of Sarsa(λ) algorithms on the book's Mountain
/// Car (``BookMountainCar``), λ = 0.9: true online Sarsa(λ) (the box on p. 307,
/// ``LinearTrueOnlineSarsaLambdaAgent``) against Sarsa(λ) (the box on p. 305,
/// ``LinearSarsaLambdaAgent``) with accumulating traces, replacing traces, and replacing traces
/// that clear the other actions' traces of the state: the reward per episode (−steps) averaged
/// over the first 20 episodes and 100 runs, against α × 8.
enum Figure12_11 {
    static let episodes = 20
    static let lambda = 0.9
    static let trueOnline = "True online Sarsa(λ)"
    static let labels: [TraceKind: String] = [
        .accumulating: "Sarsa(λ), accumulating traces", .replacing: "Sarsa(λ), replacing traces",
        .clearing: "Sarsa(λ), replacing, clearing other actions",
    ]
    /// α × 8 by 0.2 to 2 (the Python reproduction's grid), each method where its runs do not
    /// diverge (100 runs of seed 1): true online Sarsa(λ) to 1.8 (at 2, 10 runs average
    /// −815,108, some reaching the 1,000,000-step guard), replacing with clearing to 1.8 (at 2,
    /// −1331.6), accumulating traces by 0.1 to 0.3 (at 0.4, −826.5).
    static let alphas: [String: [Double]] = [
        trueOnline: Figure10_4.grid(0.2...1.8), labels[.replacing]!: Figure10_4.grid(0.2...2.0),
        labels[.clearing]!: Figure10_4.grid(0.2...1.8), labels[.accumulating]!: [0.1, 0.2, 0.3],
    ]
    /// `--quick`: 3 runs at 0.6 (true online Sarsa(λ) and replacing traces) and at the other bests at 100 runs.
    static let quickAlphas: [String: [Double]] = [
        trueOnline: [0.6], labels[.replacing]!: [0.6, 1.4], labels[.clearing]!: [1.6], labels[.accumulating]!: [0.3],
    ]

    static func study<A: LinearAgent>(
        _ label: String, agent make: @escaping @Sendable (_ hyperparameters: Hyperparameters, _ seed: UInt64) -> A
    ) -> BookSeries where A.Features == BookMountainCar.Features, A.ActionSpace == BookMountainCar.Actions {
        .mountainCarStudy(
            label, alphasTimesTilings: alphas[label]!, episodes: episodes, quickAlphas: quickAlphas[label]!, reward: true, agent: make)
    }

    static let figure: BookFigure = BookFigure(
        id: "12.11", title: "Summary comparison of Sarsa(λ) algorithms on Mountain Car",
        section: "§12.8 True Online Sarsa(λ)", page: 307, runs: 100, quickRuns: 3,
        settings:
            "Figure 10.2's Mountain Car and tile coding (8 tilings); w = 0, ε = 0, γ = 1, λ = 0.9; true online Sarsa(λ), Sarsa(λ) with accumulating, replacing, and replacing-and-clearing traces; α × 8 by 0.2 to 2 where the runs do not diverge (true online and clearing to 1.8; accumulating by 0.1 to 0.3); reward per episode over the first 20 episodes (--quick: 3 runs at 0.6 and each method's best α only), 100 runs",
        series: [
            study(trueOnline) { settings, seed in
                LinearTrueOnlineSarsaLambdaAgent(
                    features: BookMountainCar.features, actionSpace: BookMountainCar.Actions(), hyperparameters: settings,
                    settings: TrueOnlineSarsaLambdaSettings(lambda: lambda), seed: seed)
            }
        ]
            + [TraceKind.clearing, .replacing, .accumulating].map { traces in
                study(labels[traces]!) { settings, seed in
                    LinearSarsaLambdaAgent(
                        features: BookMountainCar.features, actionSpace: BookMountainCar.Actions(), hyperparameters: settings,
                        settings: SarsaLambdaSettings(lambda: lambda, traces: traces), seed: seed)
                }
            },
        panels: [
            BookPanel(
                title: "", xLabel: "α × number of tilings (8), λ = 0.9",
                yLabel: "Reward per episode, averaged over the first 20 episodes and 100 runs", yRange: -550 ... -150)
        ],
        checks: [
            // The bests of true online Sarsa(λ) and replacing traces are 5.5 apart (−257.6 at
            // 1.2, −263.1 at 1.4): too close to check at --quick's 3 runs (docs/BOOK.md).
            BookCheck(
                "true online Sarsa(λ) performed better than Sarsa(λ) with replacing traces: at α × 8 = 0.6",
                .init(trueOnline, x: 0.6...0.6), .above(.init(labels[.replacing]!, x: 0.6...0.6)),
                source: "Figure 12.11's caption, p. 307"),
            BookCheck(
                "true online Sarsa(λ) performed better than Sarsa(λ) with accumulating traces: bests",
                .init(trueOnline, x: 0...2, .maximum), .above(.init(labels[.accumulating]!, x: 0...2, .maximum)),
                source: "Figure 12.11's caption, p. 307"),
            BookCheck(
                "replacing traces above accumulating traces: bests", .init(labels[.replacing]!, x: 0...2, .maximum),
                .above(.init(labels[.accumulating]!, x: 0...2, .maximum)), source: "Figure 12.11, p. 307"),
        ],
        // --quick plays each curve at its best α only, and draws only those points.
        quickFigure: { figure.showing(only: quickAlphas) })
}
