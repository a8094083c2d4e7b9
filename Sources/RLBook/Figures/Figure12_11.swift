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
    /// α × 8 by 0.2 to 2 (the Python reproduction's grid), each method where its curve is on the
    /// book's plot (above −550 at 100 runs of seed 1): accumulating traces diverge beyond 0.6.
    static let alphas: [String: [Double]] = [
        trueOnline: Figure10_4.grid(0.2...2.0), labels[.replacing]!: Figure10_4.grid(0.2...2.0),
        labels[.clearing]!: Figure10_4.grid(0.2...2.0), labels[.accumulating]!: Figure10_4.grid(0.2...0.6),
    ]
    /// `--quick`: each method's best α × 8 at 100 runs, and accumulating traces' largest.
    static let quickAlphas: [String: [Double]] = [
        trueOnline: [1.6], labels[.replacing]!: [1.6], labels[.clearing]!: [1.6], labels[.accumulating]!: [0.4, 0.6],
    ]

    static func study<A: LinearAgent>(
        _ label: String, agent make: @escaping @Sendable (_ hyperparameters: Hyperparameters, _ seed: UInt64) -> A
    ) -> BookSeries where A.Features == BookMountainCar.Features, A.ActionSpace == BookMountainCar.Actions {
        .mountainCarStudy(
            label, alphasTimesTilings: alphas[label]!, episodes: episodes, quickAlphas: quickAlphas[label]!, reward: true, agent: make)
    }

    static let figure = BookFigure(
        id: "12.11", title: "Summary comparison of Sarsa(λ) algorithms on Mountain Car",
        section: "§12.8 True Online Sarsa(λ)", page: 307, runs: 100, quickRuns: 2,
        settings:
            "Figure 10.2's Mountain Car and tile coding (8 tilings); w = 0, ε = 0, γ = 1, λ = 0.9; true online Sarsa(λ), Sarsa(λ) with accumulating, replacing, and replacing-and-clearing traces; α × 8 by 0.2 to 2 (accumulating to 0.6, beyond which it diverges); reward per episode over the first 20 episodes (--quick: 2 runs at each method's best α only), 100 runs",
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
                title: "λ = 0.9", xLabel: "α × number of tilings (8)",
                yLabel: "Mountain Car reward per episode, averaged over the first 20 episodes and 100 runs", yRange: -550 ... -150)
        ],
        checks: [
            BookCheck(
                "true online Sarsa(λ) performed better than Sarsa(λ) with replacing traces: bests",
                .init(trueOnline, x: 0...2, .maximum), .above(.init(labels[.replacing]!, x: 0...2, .maximum)),
                source: "Figure 12.11's caption, p. 307"),
            BookCheck(
                "true online Sarsa(λ) performed better than Sarsa(λ) with accumulating traces: bests",
                .init(trueOnline, x: 0...2, .maximum), .above(.init(labels[.accumulating]!, x: 0...2, .maximum)),
                source: "Figure 12.11's caption, p. 307"),
        ])
}
