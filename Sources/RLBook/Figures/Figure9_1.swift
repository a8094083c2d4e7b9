import RLFeatures
import RLPrediction
import RLRandomWalk

/// Figure 9.1 (p. 206): gradient Monte Carlo (the box on p. 202) with state aggregation on the
/// 1000-state random walk (Example 9.1): 10 groups of 100 states, α = 2 × 10⁻⁵, 100,000 episodes;
/// the learned values against the true ones, and the state distribution μ of the run.
enum Figure9_1 {
    /// Example 9.1's walk: states 1…1000, starting in 500, jumps of 1…100 states, −1 and +1 at the ends.
    static let walk = RandomWalk(states: 1000, leftReward: -1, maximumJump: 100)
    static let groups = GroupAggregation(states: 1000, groups: 10)
    static let stepSize = 2e-5
    static let episodes = 100_000
    /// `--quick`: long enough for the middle groups to settle, at the book's α.
    static let quickEpisodes = 10_000
    static let monteCarlo = "gradient MC, approximate value"
    static let truth = "true value vπ"

    static let figure = BookFigure(
        id: "9.1", title: "Function approximation by state aggregation on the 1000-state random walk, using gradient Monte Carlo",
        section: "§9.3 Stochastic-gradient and Semi-gradient Methods (Example 9.1)", page: 206, runs: 1, quickRuns: 1,
        settings:
            "1000 states, start 500, jumps of 1-100 left or right, -1 and +1 at the ends; 10 groups of 100 states; α = 2e-5; 100,000 episodes (--quick: 10,000); true values solved exactly",
        series: [
            .learnedValues(monteCarlo, walk: walk, episodes: episodes, quickEpisodes: quickEpisodes) { _ in
                GradientMonteCarlo<GroupAggregation, RandomWalk.Move>(features: groups, stepSize: stepSize)
            },
            .exact(truth, x: (1...walk.states).map(Double.init), values: walk.trueValues),
        ],
        panels: [
            BookPanel(title: "", xLabel: "State", yLabel: "Value scale", series: [truth, monteCarlo], yRange: -1...1),
            BookPanel(
                title: "The state distribution μ of the same run (the book's grey area)", xLabel: "State",
                yLabel: "Distribution scale", measure: 1, series: [monteCarlo]),
        ],
        checks: [
            BookCheck(
                "the leftmost group is pulled towards its more visited right-hand states: its value above the mean of vπ over 1-100",
                .init(monteCarlo, x: 1...100), .above(.init(truth, x: 1...100)), source: "Figure 9.1, p. 206"),
            BookCheck(
                "the rightmost group likewise: the mean of vπ over 901-1000 above its value", .init(truth, x: 901...1000),
                .above(.init(monteCarlo, x: 901...1000)), source: "Figure 9.1, p. 206"),
            BookCheck(
                "μ peaks at the start state: μ(500) above every state left of it", .init(monteCarlo, panel: 1, x: 500...500),
                .above(.init(monteCarlo, panel: 1, x: 1...499, .maximum)), source: "Figure 9.1, p. 206"),
            BookCheck(
                "μ peaks at the start state: μ(500) above every state right of it", .init(monteCarlo, panel: 1, x: 500...500),
                .above(.init(monteCarlo, panel: 1, x: 501...1000, .maximum)), source: "Figure 9.1, p. 206"),
            BookCheck(
                "μ(500) at the top of the book's distribution scale, 0.0137", .init(monteCarlo, panel: 1, x: 500...500),
                .value(0.0137, reading: 0.0005), source: "Figure 9.1, p. 206"),
            BookCheck(
                "μ in the middle at the scale's lower mark, 0.0017: μ over 450-499",
                .init(monteCarlo, panel: 1, x: 450...499), .value(0.0017, reading: 0.0002), source: "Figure 9.1, p. 206"),
            BookCheck(
                "the ends are the least visited: μ over 401-600 above μ over 1-100", .init(monteCarlo, panel: 1, x: 401...600),
                .above(.init(monteCarlo, panel: 1, x: 1...100)), source: "Figure 9.1, p. 206"),
        ])
}
