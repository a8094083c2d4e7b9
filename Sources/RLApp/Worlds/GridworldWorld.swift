import RLCore
import RLGridRender
import RLRender
import RLSmallGridworld
import RLTabular

/// `gridworld`: Sutton & Barto's 4 × 4 gridworld (Example 4.1), a world that is its model: the
/// planners solve it (Figure 4.1 evaluates its equiprobable policy) and the learning agents walk
/// it from a random non-terminal cell to the nearer shaded corner, −1 a move.
public enum GridworldWorld: WorldRegistration, ModelledWorld, InspectableWorld, DrawableWorld {
    /// The step cap the book does not have (a greedy policy that walks into the edge would stay
    /// forever).
    public struct Configuration: Sendable, Equatable, Codable {
        public var maxSteps = 1000
        public init() {}
    }

    public static let id = "gridworld"
    public static let summary = "Sutton & Barto's 4×4 gridworld (Example 4.1): −1 a move, two terminal corners"
    public static var defaultConfiguration: Configuration { Configuration() }
    public static let maximumStepCap = 1_000_000

    public static var flags: [SettingFlag<Configuration>] {
        [.integer("max-steps", \.maxSteps, in: 1...maximumStepCap, help: "Step cap of an episode (default 1000; the book has none).")]
    }

    public static func validate(_ configuration: Configuration) throws(SettingError) {
        guard (1...maximumStepCap).contains(configuration.maxSteps) else {
            throw SettingError("max steps must be in 1...\(maximumStepCap), got \(configuration.maxSteps)")
        }
    }

    /// One `Discrete` over the cells.
    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: Configuration) -> TimeLimit<SampledModelWorld> {
        TimeLimit(SampledModelWorld(model: SmallGridworld.model), maxSteps: configuration.maxSteps)
    }

    public static func model(_ configuration: Configuration) -> WorldModel? {
        WorldModel(model: SmallGridworld.model, stepCap: configuration.maxSteps)
    }

    /// A state is a cell, `row × 4 + column`; panels lay the cells out as the grid.
    public static func stateDimensions(_ configuration: Configuration) -> [String] { ["cell"] }
    public static func actionNames(_ configuration: Configuration) -> [String] { SmallGridworld.Move.allCases.map(\.description) }
    public static func observationName(_ configuration: Configuration) -> String? { nil }
    public static func describe(_ configuration: Configuration) -> String { "4×4 grid, step cap \(configuration.maxSteps)" }

    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? {
        let cell = coordinates[0], size = SmallGridworld.size
        return "Row \(cell / size), column \(cell % size)"
            + (SmallGridworld.terminals.contains(cell) ? ", a shaded corner: the episode is over." : ".")
    }

    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        let size = SmallGridworld.size
        var panels = try PolicyPanel.grids(stateShape: [size, size], dimensions: ["row", "column"], selection: selection)
        panels[0].title = "Gridworld (T terminal corners)"
        for cell in SmallGridworld.terminals { panels[0].marks[cell] = "T" }
        return panels
    }

    /// γ 1 and α 0.5, ε from 1 to 0 over 90% of the run: greedy from a table of zeros (which
    /// every −1 makes optimistic, as on Cliff Walking) left Sarsa and the trace agents a step
    /// off the shortest walk from a cell or two that random starts had seldom drawn.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .cliffWalkingDecaying }

    /// λ 0.5, as on the windy gridworld: long traces credit a whole wandering walk.
    public static func defaultSettings(forAgent agent: String, in configuration: Configuration) -> [(name: String, value: String?)] {
        [SarsaLambda.id, TrueOnlineSarsaLambda.id].contains(agent) ? [("lambda", "0.5")] : []
    }

    /// Long enough for every tabular agent's greedy policy to take a shortest walk from every cell.
    public static func defaultEpisodes(_ configuration: Configuration) -> Int { 500 }

    public static func scene(of world: TimeLimit<SampledModelWorld>, _ configuration: Configuration, hud: ToyTextHUD) -> Scene {
        ToyTextScenes.smallGridworld(size: SmallGridworld.size, state: world.base.state, hud: hud)
    }

    public static func watchSession(_ configuration: Configuration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    {
        try ToyTextWatchSession<GridworldWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon,
            draw: { world, hud in scene(of: world, configuration, hud: hud) },
            describeState: { world in
                let cell = world.base.state
                return ["row \(cell / SmallGridworld.size) column \(cell % SmallGridworld.size)"]
            },
            banner: { _, _ in ("GOAL", ToyTextPalette.success) })
    }
}
