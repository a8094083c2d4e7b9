import RLMaze
import RLTabular

/// Example 8.4 (p. 170): prioritized sweeping against Dyna-Q on the Dyna maze at finer grid
/// resolutions (each cell a k × k block), the updates until the greedy path is (nearly) optimal.
/// Both make at most n = 5 updates per real step, as the book says; α = 0.5, ε = 0.1, γ = 0.95,
/// θ = 10⁻⁴ are Zhang's, who also counts Dyna-Q's updates as (n + 1) per real step.
enum Example8_4 {
    static let factors = [1, 2, 3, 4]
    static let settings = Hyperparameters(learningRate: .constant(0.5), discount: 0.95, epsilon: .constant(0.1))

    static let figure = BookFigure(
        id: "example-8.4", title: "Prioritized sweeping against Dyna-Q: updates until an optimal solution over the maze's size",
        section: "§8.4 Prioritized Sweeping (Example 8.4)", page: 170, runs: 20, quickRuns: 2,
        settings: "the Dyna maze at resolutions 1-4 (47 to 752 states); n = 5, α = 0.5, ε = 0.1, γ = 0.95, θ = 10⁻⁴; "
            + "optimal: a greedy path within 1.2 × the shortest (Zhang's); 20 runs (the book gives none)",
        series: [
            .mazeUpdatesUntilOptimal(
                "Prioritized sweeping", layout: Maze.dyna, factors: factors, shortest: 14,
                agent: { maze, seed in
                    PrioritizedSweepingAgent(
                        observationSpace: maze.observationSpace, actionSpace: maze.actionSpace, hyperparameters: settings,
                        settings: PrioritizedSweepingSettings(planningSteps: 5, theta: 1e-4), seed: seed)
                }, updates: { agent, steps in agent.updates + steps }),
            .mazeUpdatesUntilOptimal(
                "Dyna-Q", layout: Maze.dyna, factors: factors, shortest: 14,
                agent: { maze, seed in
                    DynaQAgent(
                        observationSpace: maze.observationSpace, actionSpace: maze.actionSpace, hyperparameters: settings,
                        settings: DynaQSettings(planningSteps: 5), seed: seed)
                }, updates: { _, steps in 6 * steps }),
        ],
        panels: [BookPanel(title: "", xLabel: "Gridworld size (#states)", yLabel: "Updates until optimal solution (log10)")],
        checks: [
            BookCheck(
                "Dyna-Q makes more updates than prioritized sweeping, the largest maze (\"a decisive advantage\")",
                .init("Dyna-Q", x: 752...752), .above(.init("Prioritized sweeping", x: 752...752)), source: "text, p. 170")
        ])
}
