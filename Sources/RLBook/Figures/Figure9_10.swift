import RLFeatures
import RLPrediction
import RLRandomWalk

/// Figure 9.10 (p. 219): why coarse coding. Gradient Monte Carlo on the 1000-state random walk
/// with one tiling (state aggregation, tiles 200 states wide) against 50 tilings of such tiles
/// offset by 4 states, the step sizes set so that the initial learning rate is the same:
/// α = 10⁻⁴ for the one tiling, 10⁻⁴/50 for the 50. √VE (eq. 9.1, μ solved
/// exactly), every 25 episodes up to 5,000; 30 runs.
enum Figure9_10 {
    static let walk = Figure9_1.walk
    static let episodes = 5_000
    static let every = 25
    /// `--quick`: 500 episodes at 10 times the book's α, long enough for one tiling to reach its plateau.
    static let quickEpisodes = 500
    static let stepSize = 1e-4
    /// μ, solved exactly: the book's √VE weights each state's error by it.
    static let mu = walk.onPolicyDistribution
    static let aggregation = "state aggregation (one tiling)"
    static let tiles = "tile coding (50 tilings)"

    static let figure: BookFigure = BookFigure(
        id: "9.10", title: "Gradient Monte Carlo on the 1000-state random walk: a single tiling against multiple tilings",
        section: "§9.5.4 Tile Coding", page: 219, runs: 30, quickRuns: 2,
        settings:
            "Figure 9.1's walk; gradient MC; one tiling of 200-state tiles, α = 1e-4, against 50 tilings offset by 4 states, α = 1e-4/50; w = 0; 5,000 episodes (--quick: 500 at 10 times the α, the rest of the curve flat), 30 runs; √VE, weighted by μ solved exactly",
        series: [
            .prediction(aggregation, walk: walk, episodes: episodes, every: every, quickEpisodes: quickEpisodes, weightedBy: mu) { quick in
                GradientMonteCarlo<GroupAggregation, RandomWalk.Move>(
                    features: GroupAggregation(states: 1000, groups: 5), stepSize: quick ? 10 * stepSize : stepSize)
            },
            .prediction(tiles, walk: walk, episodes: episodes, every: every, quickEpisodes: quickEpisodes, weightedBy: mu) { quick in
                let tiling = IntervalTiling(states: 1000, tilings: 50, tileWidth: 200, offset: 4)
                return GradientMonteCarlo<IntervalTiling, RandomWalk.Move>(
                    features: tiling, stepSize: (quick ? 10 * stepSize : stepSize) / tiling.stepSizeDivisor)
            },
        ],
        panels: [
            BookPanel(title: "", xLabel: "Episodes", yLabel: "√VE averaged over 30 runs", yRange: 0...0.45)
        ],
        checks: [
            BookCheck(
                "multiple tilings learn better: one tiling's √VE above 50 tilings', episodes 2500-5000",
                .init(aggregation, x: 2500...5000), .above(.init(tiles, x: 2500...5000)), source: "Figure 9.10, p. 219"),
            BookCheck(
                "multiple tilings learn better: one tiling's √VE above 50 tilings', episodes 1000-2500",
                .init(aggregation, x: 1000...2500), .above(.init(tiles, x: 1000...2500)), source: "Figure 9.10, p. 219"),
        ],
        // --quick's curves end at its last episode, and so do its checks' readings.
        quickFigure: { figure.ending(at: Double(quickEpisodes)) })
}
