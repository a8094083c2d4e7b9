import RLCore
import RLGridRender
import RLMaze
import RLRender
import RLTabular

/// The mazes of Sutton & Barto's chapter 8 a maze world can be: the Dyna maze, and the blocking
/// and shortcut mazes' walls before and after their change (which the book's figures make within
/// one run; `rl book 8.4`, `rl book 8.5`).
public enum MazeLayout: String, Sendable, Equatable, Codable, CaseIterable {
    /// Example 8.1's Dyna maze (Figure 8.2).
    case dyna
    /// A wall across the board with a gap at its right end: the blocking maze before its change.
    case rightGap = "right-gap"
    /// The gap at the left end: the blocking maze after its change, the shortcut maze before.
    case leftGap = "left-gap"
    /// Gaps at both ends: the shortcut maze after its change.
    case bothGaps = "both-gaps"

    var layout: Maze.Layout {
        switch self {
        case .dyna: Maze.dyna
        case .rightGap: Maze.blockingBefore
        case .leftGap: Maze.blockingAfter
        case .bothGaps: Maze.shortcutAfter
        }
    }
}

/// `maze`: the 6 × 9 mazes of Sutton & Barto's chapter 8, as fixed worlds.
public enum MazeWorld: WorldRegistration, ModelledWorld, InspectableWorld, DrawableWorld {
    /// Which maze, and the step cap the book does not have (a greedy policy that has not found
    /// the goal would walk forever).
    public struct Configuration: Sendable, Equatable, Codable {
        public var layout = MazeLayout.dyna
        public var maxSteps = 10_000
        public init() {}
    }

    public static let id = "maze"
    public static let summary = "Sutton & Barto's mazes (Examples 8.1-8.3), 6×9: reward 1 at the goal"
    public static var defaultConfiguration: Configuration { Configuration() }
    public static let maximumStepCap = 1_000_000

    public static var flags: [SettingFlag<Configuration>] {
        [
            .choice(
                "layout", \.layout,
                help:
                    "The Dyna maze (default), or the blocking maze's walls (right-gap, then left-gap) and the shortcut maze's (left-gap, then both-gaps)."
            ),
            .integer("max-steps", \.maxSteps, in: 1...maximumStepCap, help: "Step cap of an episode (default 10000; the book has none)."),
        ]
    }

    public static func validate(_ configuration: Configuration) throws(SettingError) {
        guard (1...maximumStepCap).contains(configuration.maxSteps) else {
            throw SettingError("max steps must be in 1...\(maximumStepCap), got \(configuration.maxSteps)")
        }
    }

    /// One `Discrete` over the cells.
    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: Configuration) -> TimeLimit<Maze> {
        TimeLimit(Maze(configuration.layout.layout), maxSteps: configuration.maxSteps)
    }

    public static func model(_ configuration: Configuration) -> WorldModel? {
        WorldModel(model: makeWorld(configuration).base.model, stepCap: configuration.maxSteps)
    }

    /// A state is a cell, `row × 9 + column`; panels lay the cells out as the maze.
    public static func stateDimensions(_ configuration: Configuration) -> [String] { ["cell"] }
    public static func actionNames(_ configuration: Configuration) -> [String] { MazeMove.allCases.map(\.description) }
    public static func describe(_ configuration: Configuration) -> String {
        "6×9 \(configuration.layout.rawValue) maze, step cap \(configuration.maxSteps)"
    }

    /// One way to see the world: policy files record no observation mode.
    public static func observationName(_ configuration: Configuration) -> String? { nil }
    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? {
        let layout = configuration.layout.layout, cell = coordinates[0]
        let place =
            layout.walls[cell] ? ", a wall (never entered)" : cell == layout.goal ? ", the goal" : cell == layout.start ? ", the start" : ""
        return "Row \(cell / layout.columns), column \(cell % layout.columns)\(place)."
    }

    /// The book's γ 0.95, with ε from 1 to 0 over 90% of the run and α 0.5: the reward waits at
    /// the goal, so a table of zeros is pessimistic and a greedy walker keeps the first path it
    /// finds; exploring first, Q-learning, Expected Sarsa, Double Q-learning and Dyna-Q end on a
    /// shortest path (14 steps on the Dyna maze) on seeds 1-3, and Sarsa within 2 steps of it.
    /// The book's settings (α 0.1, ε 0.1) are the `book` preset.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .mazeExploring }

    /// λ 0.5: long traces credit a whole wandering walk with the goal.
    public static func defaultSettings(forAgent agent: String, in configuration: Configuration) -> [(name: String, value: String?)] {
        [SarsaLambda.id, TrueOnlineSarsaLambda.id].contains(agent) ? [("lambda", "0.5")] : []
    }

    public static var presets: [WorldPreset<Configuration>] {
        [WorldPreset(name: "book", summary: "Sutton & Barto's settings of Figure 8.2: α 0.1, γ 0.95, ε 0.1", hyperparameters: .maze)]
    }

    /// Long enough for every tabular agent's greedy policy to take a shortest path.
    public static func defaultEpisodes(_ configuration: Configuration) -> Int { 1000 }

    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        let layout = configuration.layout.layout
        var panels = try PolicyPanel.grids(stateShape: [layout.rows, layout.columns], dimensions: ["row", "column"], selection: selection)
        panels[0].title = "Maze \(configuration.layout.rawValue) (S start, G goal, # wall)"
        for cell in layout.walls.indices where layout.walls[cell] { panels[0].marks[cell] = "#" }
        panels[0].marks[layout.start] = "S"
        panels[0].marks[layout.goal] = "G"
        return panels
    }

    public static func scene(of world: TimeLimit<Maze>, _ configuration: Configuration, hud: ToyTextHUD) -> Scene {
        ToyTextScenes.maze(world.base, hud: hud)
    }

    public static func watchSession(_ configuration: Configuration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    {
        try ToyTextWatchSession<MazeWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon,
            draw: { world, hud in scene(of: world, configuration, hud: hud) },
            describeState: { world in
                let cell = world.base.position, columns = world.base.layout.columns
                return ["row \(cell / columns) column \(cell % columns)"]
            },
            banner: { _, _ in ("GOAL", ToyTextPalette.success) })
    }
}

extension Hyperparameters {
    /// Sutton & Barto's maze settings (Figure 8.2): α 0.1, γ 0.95, ε 0.1, constant.
    public static let maze = Hyperparameters(learningRate: .constant(0.1), discount: 0.95, epsilon: .constant(0.1))
    /// `rl`'s maze defaults: α 0.5, γ 0.95, ε from 1 to 0 over 90% of the run.
    public static let mazeExploring = Hyperparameters(
        learningRate: .constant(0.5), discount: 0.95, epsilon: .linear(from: 1.0, to: 0.0, over: 0.9))
}
