import RLMaze
import RLTabular

/// Figure 8.4 (p. 167, Example 8.2): Dyna-Q against Dyna-Q+ on the blocking maze, whose short
/// path round the right end is blocked after 1000 time steps and a longer one opens at the left:
/// the cumulative reward over 3000 time steps. The book gives no α, n, κ or run count; these are
/// Zhang's reproduction's: α = 1, n = 10, κ = 10⁻⁴, ε = 0.1, γ = 0.95.
enum Figure8_4 {
    static let steps = 3000
    static let changeAt = 1000
    static let settings = Hyperparameters(learningRate: .constant(1), discount: 0.95, epsilon: .constant(0.1))
    static let maze = Maze(Maze.blockingBefore, changingTo: Maze.blockingAfter, after: changeAt)

    static let figure = BookFigure(
        id: "8.4", title: "Average performance of Dyna agents on a blocking task",
        section: "§8.3 When the Model Is Wrong (Example 8.2)", page: 167, runs: 100, quickRuns: 30,
        settings: "blocking maze 6×9, the gap moves from the right end to the left after 1000 steps; α = 1, ε = 0.1, γ = 0.95, "
            + "n = 10, κ = 10⁻⁴; 3000 steps (the book gives none of α, n, κ or the runs: Zhang's reproduction's, 100 runs)",
        series: [
            .mazeRewards("Dyna-Q+", maze: maze, steps: steps) { seed in
                DynaQPlusAgent(
                    observationSpace: maze.observationSpace, actionSpace: maze.actionSpace, hyperparameters: settings,
                    settings: DynaQPlusSettings(planningSteps: 10, kappa: 1e-4), seed: seed)
            },
            .mazeRewards("Dyna-Q", maze: maze, steps: steps) { seed in
                DynaQAgent(
                    observationSpace: maze.observationSpace, actionSpace: maze.actionSpace, hyperparameters: settings,
                    settings: DynaQSettings(planningSteps: 10), seed: seed)
            },
        ],
        panels: [BookPanel(title: "", xLabel: "Time steps", yLabel: "Cumulative reward", yRange: 0...150)],
        checks: [
            BookCheck(
                "Dyna-Q+ above Dyna-Q, step 3000", .init("Dyna-Q+", x: 3000...3000), .above(.init("Dyna-Q", x: 3000...3000)),
                source: "Figure 8.4, p. 167"),
            BookCheck(
                "Dyna-Q+ finds the new path sooner: reward over steps 1001-2000",
                .init("Dyna-Q+", x: 1000...2000, .rise), .above(.init("Dyna-Q", x: 1000...2000, .rise)), source: "Figure 8.4, p. 167"),
        ]
            + ["Dyna-Q", "Dyna-Q+"].map { agent in
                BookCheck(
                    "\(agent): the block stops the reward (\"a period during which the agent found no reward\"): "
                        + "reward over steps 901-1000 above steps 1001-1100",
                    .init(agent, x: 900...1000, .rise), .above(.init(agent, x: 1000...1100, .rise)), source: "text, p. 167")
            })
}
