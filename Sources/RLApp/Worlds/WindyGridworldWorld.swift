import RLCore
import RLGridRender
import RLRender
import RLTabular
import RLWindyGridworld

/// `windy-gridworld`: Sutton & Barto's Example 6.5, with Exercise 6.9's king's moves and
/// Exercise 6.10's stochastic wind as settings.
public enum WindyGridworldWorld: WorldRegistration, ModelledWorld, InspectableWorld, DrawableWorld {
    /// The gridworld's settings, and the step cap the book does not have (a greedy policy that
    /// has not found the goal would walk forever).
    public struct Configuration: Sendable, Equatable, Codable {
        public var moves = WindyMoves.standard
        public var stochasticWind = false
        public var maxSteps = 10_000
        public init() {}

        /// What the world itself is told.
        var world: WindyGridworldConfiguration { WindyGridworldConfiguration(moves: moves, stochasticWind: stochasticWind) }
    }

    public static let id = "windy-gridworld"
    public static let summary = "Sutton & Barto's windy gridworld (Example 6.5), 7×10, with king's moves and stochastic wind"
    public static var defaultConfiguration: Configuration { Configuration() }
    public static let maximumStepCap = 1_000_000

    public static var flags: [SettingFlag<Configuration>] {
        [
            .choice(
                "moves", \.moves,
                help: "The moves: the book's four, Exercise 6.9's eight king's moves, or those and staying put (default standard)."),
            .toggle(
                "stochastic-wind", \.stochasticWind,
                help: "Exercise 6.10: where there is wind it blows one more or one less a third of the time each."),
            .integer("max-steps", \.maxSteps, in: 1...maximumStepCap, help: "Step cap of an episode (default 10000; the book has none)."),
        ]
    }

    public static func validate(_ configuration: Configuration) throws(SettingError) {
        guard (1...maximumStepCap).contains(configuration.maxSteps) else {
            throw SettingError("max steps must be in 1...\(maximumStepCap), got \(configuration.maxSteps)")
        }
    }

    /// One `Discrete` over the cells, as Cliff Walking's.
    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: Configuration) -> TimeLimit<WindyGridworld> {
        TimeLimit(WindyGridworld(configuration: configuration.world), maxSteps: configuration.maxSteps)
    }

    public static func model(_ configuration: Configuration) -> WorldModel? {
        WorldModel(model: makeWorld(configuration).base.model, stepCap: configuration.maxSteps)
    }

    /// A state is a cell, `row × 10 + column`; panels lay the cells out as the grid.
    public static func stateDimensions(_ configuration: Configuration) -> [String] { ["cell"] }

    public static func actionNames(_ configuration: Configuration) -> [String] {
        let names = ["up", "down", "right", "left", "up-right", "down-right", "down-left", "up-left", "stay"]
        return Array(names.prefix(configuration.moves.steps.count))
    }

    public static func describe(_ configuration: Configuration) -> String {
        "7×10 grid, \(configuration.moves.rawValue) moves, " + (configuration.stochasticWind ? "stochastic wind, " : "")
            + "step cap \(configuration.maxSteps)"
    }

    /// One way to see the world: policy files record no observation mode.
    public static func observationName(_ configuration: Configuration) -> String? { nil }

    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? {
        let row = coordinates[0] / WindyGridworld.columns, column = coordinates[0] % WindyGridworld.columns
        return
            "Row \(row), column \(column): the wind here is \(WindyGridworld.wind[column]), a move from here is pushed up that many rows."
    }

    /// The book's α and γ, greedy: every return is negative, so a table of zeros is optimistic
    /// and draws the agent to each untried move (as on Cliff Walking). Double Q-learning splits
    /// its optimism between two tables and needs ε decaying to 0. The book's ε 0.1 is the
    /// `book` preset: with it the on-policy agents' greedy paths take a step more than the 15.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        agent == DoubleQLearning.id ? .cliffWalkingDecaying : .cliffWalkingGreedy
    }

    /// Long traces carry the −1s of a long first walk back to every cell it crossed and the
    /// greedy policy then loops within the step cap; λ 0.5 ends on a shortest path.
    public static func defaultSettings(forAgent agent: String, in configuration: Configuration) -> [(name: String, value: String?)] {
        [SarsaLambda.id, TrueOnlineSarsaLambda.id].contains(agent) ? [("lambda", "0.5")] : []
    }

    /// Long enough for every tabular agent's greedy policy to take a shortest path.
    public static func defaultEpisodes(_ configuration: Configuration) -> Int { 1000 }

    public static var presets: [WorldPreset<Configuration>] {
        [WorldPreset(name: "book", summary: "Sutton & Barto's settings of Figure 6.3: α 0.5, γ 1, ε 0.1", hyperparameters: .windyGridworld)]
    }

    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        var panels = try PolicyPanel.grids(
            stateShape: [WindyGridworld.rows, WindyGridworld.columns], dimensions: ["row", "column"], selection: selection)
        panels[0].title = "Windy gridworld (S start, G goal; wind by column 0 0 0 1 1 1 2 2 1 0)"
        panels[0].marks[WindyGridworld.start] = "S"
        panels[0].marks[WindyGridworld.goal] = "G"
        return panels
    }

    public static func scene(of world: TimeLimit<WindyGridworld>, _ configuration: Configuration, hud: ToyTextHUD) -> Scene {
        ToyTextScenes.windyGridworld(position: world.base.state, hud: hud)
    }

    public static func watchSession(_ configuration: Configuration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    {
        try ToyTextWatchSession<WindyGridworldWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon,
            draw: { world, hud in scene(of: world, configuration, hud: hud) },
            describeState: { world in
                let cell = world.base.state
                return ["row \(cell / WindyGridworld.columns) column \(cell % WindyGridworld.columns)"]
            },
            banner: { _, _ in ("GOAL", ToyTextPalette.success) })
    }
}

extension Hyperparameters {
    /// Sutton & Barto's windy gridworld settings (Figure 6.3): α 0.5, γ 1, ε 0.1, constant.
    public static let windyGridworld = Hyperparameters(learningRate: .constant(0.5), discount: 1.0, epsilon: .constant(0.1))
}
