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
public enum CliffWalkingWorld: WorldRegistration, ModelledWorld, InspectableWorld, DrawableWorld {
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
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .cliffWalking }

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
