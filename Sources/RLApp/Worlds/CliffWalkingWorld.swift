import RLCliffWalking
import RLCore
import RLGridRender
import RLRender
import RLTabular

/// Cliff Walking's settings: its step cap, and whether the walk slips.
public struct CliffWalkingConfiguration: Sendable, Equatable, Codable {
    /// Episodes are truncated after this many steps (a wandering policy still ends).
    public var maxSteps = 200
    /// Gymnasium's `CliffWalkingSlippery-v1`: a move may slip a quarter-turn either way.
    public var isSlippery = false
    public init(maxSteps: Int = 200, isSlippery: Bool = false) {
        self.maxSteps = maxSteps
        self.isSlippery = isSlippery
    }

    enum CodingKeys: String, CodingKey { case maxSteps, isSlippery }

    /// Files written before the slippery walk existed have no `is_slippery`: they did not slip.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        maxSteps = try container.decode(Int.self, forKey: .maxSteps)
        isSlippery = try container.decodeIfPresent(Bool.self, forKey: .isSlippery) ?? false
    }
}

/// `cliff-walking`: Sutton & Barto's Example 6.6.
public enum CliffWalkingWorld: WorldRegistration, ExploringStartsWorld, ModelledWorld, InspectableWorld, DrawableWorld {
    public static let id = "cliff-walking"
    public static let summary = "Sutton & Barto's Cliff Walking (Example 6.6), 4×12"
    public static var defaultConfiguration: CliffWalkingConfiguration { CliffWalkingConfiguration() }
    /// A step cap beyond which an episode would only wander: long enough for any sensible run.
    public static let maximumStepCap = 100_000

    public static var flags: [SettingFlag<CliffWalkingConfiguration>] {
        [
            .integer("max-steps", \.maxSteps, in: 1...maximumStepCap, help: "Step cap of an episode (default 200)."),
            .toggle(
                "slippery", \.isSlippery,
                help: "Gymnasium's slippery walk: a move goes as meant, or a quarter-turn to either side, 1/3 each."),
        ]
    }

    public static func validate(_ configuration: CliffWalkingConfiguration) throws(SettingError) {
        guard (1...maximumStepCap).contains(configuration.maxSteps) else {
            throw SettingError("max steps must be in 1...\(maximumStepCap), got \(configuration.maxSteps)")
        }
    }

    /// Gymnasium's CliffWalking observes one `Discrete` over the same state numbers.
    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: CliffWalkingConfiguration) -> TimeLimit<CliffWalking> {
        CliffWalking.capped(at: configuration.maxSteps, isSlippery: configuration.isSlippery)
    }

    public static func model(_ configuration: CliffWalkingConfiguration) -> WorldModel? {
        WorldModel(model: makeWorld(configuration).base.model, stepCap: configuration.maxSteps)
    }

    public static func stateDimensions(_ configuration: CliffWalkingConfiguration) -> [String] { ["row", "column"] }
    public static func actionNames(_ configuration: CliffWalkingConfiguration) -> [String] { GridMove.allCases.map(\.description) }
    public static func describe(_ configuration: CliffWalkingConfiguration) -> String {
        "4×12 grid, " + (configuration.isSlippery ? "slippery, " : "") + "step cap \(configuration.maxSteps)"
    }

    /// One way to see the world: policy files record no observation mode.
    public static func observationName(_ configuration: CliffWalkingConfiguration) -> String? { nil }
    /// The coordinates say it all.
    public static func explain(state coordinates: [Int], _ configuration: CliffWalkingConfiguration) -> String? { nil }

    public static var metrics: [EpisodeMetric<CliffWalkingCounters>] {
        [EpisodeMetric("falls", phrase: "falls into the cliff", zeroShareWords: "with no fall") { Double($0.falls) }]
    }

    /// The book's settings for every agent: α 0.5, γ 1, ε 0.1, constant.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .cliffWalkingGreedy }

    /// Greedy from a table of zeros: every return is negative, so the zeros are optimistic and
    /// draw the agent to each untried move, and without ε the on-policy agents learn the edge
    /// path (ε 0.1 teaches Sarsa the safe path, Figure 6.4). Double Q-learning splits its
    /// optimism between two tables and needs ε decaying to 0, as does the slippery walk, whose
    /// rate must decay too. The book's settings are the `book` preset.
    public static func defaultHyperparameters(forAgent agent: String, in configuration: CliffWalkingConfiguration)
        -> Hyperparameters
    {
        if configuration.isSlippery { return .slipperyCliffWalking }
        return agent == DoubleQLearning.id ? .cliffWalkingDecaying : .cliffWalkingGreedy
    }

    /// The slippery walk learns for longer, with its rate decaying.
    public static func defaultEpisodes(_ configuration: CliffWalkingConfiguration) -> Int {
        configuration.isSlippery ? 30_000 : 6000
    }

    public static var presets: [WorldPreset<CliffWalkingConfiguration>] {
        [WorldPreset(name: "book", summary: "Sutton & Barto's settings of Figure 6.4: α 0.5, γ 1, ε 0.1", hyperparameters: .cliffWalking)]
    }

    /// Traces spread a fall's −100 over the moves before it, and the on-policy agents then keep
    /// off the edge (λ 0.9 ends at −19 or −200): traces of λ 0.05 end on the optimal path. On the
    /// slippery cliff Dyna-Q plans from a sample model: the book's deterministic one keeps only a
    /// move's last outcome (−74 to −80 against the optimal −64.70; sampled, the optimum).
    public static func defaultSettings(forAgent agent: String, in configuration: CliffWalkingConfiguration)
        -> [(name: String, value: String?)]
    {
        if agent == DynaQ.id { return configuration.isSlippery ? [("sample-model", nil)] : [] }
        return [SarsaLambda.id, TrueOnlineSarsaLambda.id].contains(agent) ? [("lambda", "0.05")] : []
    }

    public static func panels(_ configuration: CliffWalkingConfiguration, _ selection: PanelSelection) throws(InspectionError)
        -> [PolicyPanel]
    {
        var panels = try PolicyPanel.grids(
            stateShape: [CliffWalking.rows, CliffWalking.columns],
            dimensions: stateDimensions(configuration), selection: selection)
        panels[0].title = "Cliff Walking (start bottom left, goal bottom right; C cliff, G goal)"
        for column in 1..<(CliffWalking.columns - 1) { panels[0].marks[(CliffWalking.rows - 1) * CliffWalking.columns + column] = "C" }
        panels[0].marks[(CliffWalking.rows - 1) * CliffWalking.columns + CliffWalking.columns - 1] = "G"
        return panels
    }
}

extension Hyperparameters {
    /// Sutton & Barto's Cliff Walking settings: α 0.5, γ 1, ε 0.1, constant.
    public static let cliffWalking = Hyperparameters(
        learningRate: .constant(0.5), discount: 1.0, epsilon: .constant(0.1))
    /// `rl`'s Cliff Walking defaults: the book's α and γ, greedy.
    public static let cliffWalkingGreedy = Hyperparameters(learningRate: .constant(0.5), discount: 1.0, epsilon: .constant(0))
    /// Double Q-learning's Cliff Walking defaults: ε from 1 to 0 over 90% of the run.
    public static let cliffWalkingDecaying = Hyperparameters(
        learningRate: .constant(0.5), discount: 1.0, epsilon: .linear(from: 1.0, to: 0.0, over: 0.9))
    /// The slippery walk's defaults: α from 0.5 to 0.01 and ε from 1 to 0, over 90% of the run.
    public static let slipperyCliffWalking = Hyperparameters(
        learningRate: .linear(from: 0.5, to: 0.01, over: 0.9), discount: 1.0, epsilon: .linear(from: 1.0, to: 0.0, over: 0.9))
}

extension CliffWalkingWorld {
    public static func scene(of world: TimeLimit<CliffWalking>, _ configuration: CliffWalkingConfiguration, hud: ToyTextHUD) -> Scene {
        ToyTextScenes.cliffWalking(position: world.base.position, hud: hud)
    }

    public static func watchSession(_ configuration: CliffWalkingConfiguration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    {
        try ToyTextWatchSession<CliffWalkingWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon,
            draw: { world, hud in scene(of: world, configuration, hud: hud) },
            describeState: { world in ["row \(world.base.position.row) column \(world.base.position.column)"] },
            banner: { _, _ in ("GOAL", ToyTextPalette.success) })
    }
}
