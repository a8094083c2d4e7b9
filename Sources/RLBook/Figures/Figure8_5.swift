import RLMaze
import RLTabular

/// Figure 8.5 (p. 168, Example 8.3): Dyna-Q against Dyna-Q+ on the shortcut maze, whose long path
/// round the left end is joined after 3000 time steps by a shortcut at the right: the cumulative
/// reward over 6000 time steps. The book gives no α, n, κ or run count; these are Zhang's
/// reproduction's: α = 1, n = 50, κ = 10⁻³, ε = 0.1, γ = 0.95.
enum Figure8_5 {
    static let steps = 6000
    static let changeAt = 3000
    static let settings = Hyperparameters(learningRate: .constant(1), discount: 0.95, epsilon: .constant(0.1))
    static let maze = Maze(Maze.shortcutBefore, changingTo: Maze.shortcutAfter, after: changeAt)

    static let figure = BookFigure(
        id: "8.5", title: "Average performance of Dyna agents on a shortcut task",
        section: "§8.3 When the Model Is Wrong (Example 8.3)", page: 168, runs: 100, quickRuns: 6,
        settings: "shortcut maze 6×9, a second gap opens at the right end after 3000 steps; α = 1, ε = 0.1, γ = 0.95, "
            + "n = 50, κ = 10⁻³; 6000 steps (the book gives none of α, n, κ or the runs: Zhang's reproduction's, 100 runs)",
        series: [
            .mazeRewards("Dyna-Q+", maze: maze, steps: steps) { seed in
                DynaQPlusAgent(
                    observationSpace: maze.observationSpace, actionSpace: maze.actionSpace, hyperparameters: settings,
                    settings: DynaQPlusSettings(planningSteps: 50, kappa: 1e-3), seed: seed)
            },
            .mazeRewards("Dyna-Q", maze: maze, steps: steps) { seed in
                DynaQAgent(
                    observationSpace: maze.observationSpace, actionSpace: maze.actionSpace, hyperparameters: settings,
                    settings: DynaQSettings(planningSteps: 50), seed: seed)
            },
        ],
        panels: [BookPanel(title: "", xLabel: "Time steps", yLabel: "Cumulative reward", yRange: 0...400)],
        checks: [
            BookCheck(
                "Dyna-Q+ above Dyna-Q, step 6000", .init("Dyna-Q+", x: 6000...6000), .above(.init("Dyna-Q", x: 6000...6000)),
                source: "Figure 8.5, p. 168"),
            BookCheck(
                "Dyna-Q+ takes the shortcut: reward over steps 4501-6000 above steps 1501-3000",
                .init("Dyna-Q+", x: 4500...6000, .rise), .above(.init("Dyna-Q+", x: 1500...3000, .rise)), source: "text, p. 168"),
            BookCheck(
                "Dyna-Q+ above Dyna-Q after the change (\"Dyna-Q never switched to the shortcut\"): reward over steps 4501-6000",
                .init("Dyna-Q+", x: 4500...6000, .rise), .above(.init("Dyna-Q", x: 4500...6000, .rise)), source: "text, p. 168"),
        ])
}
