import RLMaze
import RLTabular

/// Figure 8.2 (p. 165, Example 8.1): Dyna-Q with n = 0, 5 and 50 planning steps on the Dyna maze,
/// the steps of each episode, episodes 2-50 (the first is left out, as in the book: it is about
/// 1700 steps whatever n), α = 0.1, ε = 0.1, γ = 0.95, ties broken at random, Q = 0 at first.
enum Figure8_2 {
    static let episodes = 50
    static let maze = Maze(Maze.dyna)
    static let settings = Hyperparameters(learningRate: .constant(0.1), discount: 0.95, epsilon: .constant(0.1))
    static func label(_ n: Int) -> String { "\(n) planning steps" + (n == 0 ? " (direct RL only)" : "") }

    static func series(_ n: Int) -> BookSeries {
        .mazeEpisodes(label(n), maze: maze, shown: 2...episodes) { seed in
            DynaQAgent(
                observationSpace: maze.observationSpace, actionSpace: maze.actionSpace, hyperparameters: settings,
                settings: DynaQSettings(planningSteps: n), seed: seed)
        }
    }

    static let figure = BookFigure(
        id: "8.2", title: "Learning curves for Dyna-Q agents varying in their number of planning steps per real step",
        section: "§8.2 Dyna: Integrated Planning, Acting, and Learning (Example 8.1)", page: 165, runs: 30, quickRuns: 20,
        settings: "Dyna maze 6×9, +1 at the goal; α = 0.1, ε = 0.1, γ = 0.95, Q = 0; n = 0, 5, 50; 50 episodes",
        series: [series(0), series(5), series(50)],
        panels: [BookPanel(title: "", xLabel: "Episodes", yLabel: "Steps per episode", yRange: 0...800)],
        checks: [
            level(50, from: 3, quoting: "the n = 50 agent took only three episodes"),
            level(5, from: 5, quoting: "the n = 5 agent took about five episodes"),
            level(0, from: 25, quoting: "took about 25 episodes to reach (ε-)optimal performance"),
            BookCheck(
                "n = 0 slower than n = 5, episodes 10-20", .init(label(0), x: 10...20), .above(.init(label(5), x: 10...20)),
                source: "Figure 8.2, p. 165"),
            BookCheck(
                "n = 5 slower than n = 50, episode 3", .init(label(5), x: 3...3), .above(.init(label(50), x: 3...3)),
                source: "Figure 8.2, p. 165"),
        ])

    /// n's curve has settled from episode `first` on: the figure shows the settled curves just
    /// above the axis mark of 14, the shortest path (ε = 0.1's exploratory steps add a few): read
    /// as 16 ± 3.
    static func level(_ n: Int, from first: Int, quoting text: String) -> BookCheck {
        BookCheck(
            "n = \(n) settled from episode \(first) (\"\(text)\"): steps, episodes \(first)-50",
            .init(label(n), x: Double(first)...Double(episodes)), .value(16, reading: 3), source: "text and Figure 8.2, p. 165")
    }
}
