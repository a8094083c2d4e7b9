import RLLinear
import RLTabular

/// Figure 10.4 (p. 249): early performance of n-step semi-gradient Sarsa on the book's Mountain
/// Car (``BookMountainCar``) as a function of α × 8, for n = 1, 2, 4, 8, 16: the steps per
/// episode averaged over the first 50 episodes and 100 runs.
enum Figure10_4 {
    static let episodes = 50
    static let ns = [1, 2, 4, 8, 16]
    static func label(_ n: Int) -> String { "n = \(n)" }
    /// α × 8 by 0.2 over the stretch where each n's curve is on the book's plot (below 300
    /// steps, at 100 runs of seed 1): the book draws each curve only there. n = 1 and 2 enter
    /// the plot from above at small α (n = 1 at 0.8: at 0.6 one run of the 100 gets stuck for
    /// millions of steps, docs/BOOK.md); n = 4, 8 and 16 leave it at large α, where runs begin
    /// to diverge (n = 16 at α × 8 = 0.7, n = 8 at 1.0, n = 4 at 1.5).
    static let alphas: [Int: [Double]] = [
        1: grid(0.8...1.6), 2: grid(0.4...1.6), 4: grid(0.2...1.4), 8: grid(0.2...0.8), 16: grid(0.2...0.6),
    ]
    /// `--quick`: each n's best α × 8 at 100 runs only, in 6 runs.
    static let quickAlphas = [1: 1.4, 2: 1.0, 4: 0.8, 8: 0.6, 16: 0.4]
    static func grid(_ range: ClosedRange<Double>) -> [Double] {
        stride(from: Int((range.lowerBound * 10).rounded()), through: Int((range.upperBound * 10).rounded()), by: 2).map { Double($0) / 10 }
    }

    static let figure: BookFigure = BookFigure(
        id: "10.4", title: "Effect of α and n on early performance of n-step semi-gradient Sarsa on Mountain Car",
        section: "§10.2 Semi-gradient n-step Sarsa", page: 249, runs: 100, quickRuns: 6,
        settings:
            "Figure 10.2's Mountain Car and tile coding; w = 0, ε = 0, γ = 1; n = 1, 2, 4, 8, 16; α × 8 by 0.2 where each n's curve is on the plot (below 300 steps); steps per episode over the first 50 episodes (--quick: 6 runs at each n's best α only), 100 runs",
        series: ns.map { n in
            .mountainCarStudy(label(n), alphasTimesTilings: alphas[n]!, episodes: episodes, quickAlphas: [quickAlphas[n]!]) {
                settings, seed in
                LinearNStepSarsaAgent(
                    features: BookMountainCar.features, actionSpace: BookMountainCar.Actions(), hyperparameters: settings,
                    settings: NStepSarsaSettings(steps: n), seed: seed)
            }
        },
        panels: [
            BookPanel(
                title: "", xLabel: "α × number of tilings (8)",
                yLabel: "Steps per episode, averaged over the first 50 episodes and 100 runs", yRange: 220...300)
        ],
        checks: [
            // n = 16's best (237.9 at 100 runs) is above n = 4's too, but its runs vary so much
            // (its first 10 runs give 205.6) that no --quick run can check it in seconds: docs/BOOK.md.
            BookCheck(
                "an intermediate level of bootstrapping (n = 4) performed best: n = 1's best above n = 4's",
                .init(label(1), x: 0...2, .minimum), .above(.init(label(4), x: 0...2, .minimum)), source: "Figure 10.4, p. 249")
        ],
        // --quick plays each curve at its best α only, and draws only those points.
        quickFigure: { figure.showing(only: Dictionary(uniqueKeysWithValues: quickAlphas.map { (label($0.key), [$0.value]) })) })
}
