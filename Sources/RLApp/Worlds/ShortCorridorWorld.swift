import RLCore
import RLGridRender
import RLRender
import RLShortCorridor
import RLTabular

/// The short corridor as a table agent sees it: its state, or with `aliased` one observation for
/// every state (Example 13.1's features, which cannot tell the states apart).
public struct ShortCorridorView: Environment, Resumable, Sendable {
    public private(set) var corridor = ShortCorridor()
    public let aliased: Bool
    public let observationSpace: Discrete
    public var actionSpace: EnumSpace<ShortCorridor.Move> { corridor.actionSpace }

    public init(aliased: Bool) {
        self.aliased = aliased
        observationSpace = Discrete(aliased ? 1 : ShortCorridor.states + 1)
    }

    public var generatorState: [UInt64] {
        get { corridor.generatorState }
        set { corridor.generatorState = newValue }
    }

    public mutating func reset(seed: UInt64?) -> Int { seen(corridor.reset(seed: seed)) }

    public mutating func step(_ action: ShortCorridor.Move) -> Step<Int> {
        let step = corridor.step(action)
        return Step(observation: seen(step.observation), reward: step.reward, terminated: step.terminated, truncated: step.truncated)
    }

    func seen(_ state: Int) -> Int { aliased ? 0 : state }
}

/// `short-corridor`: Sutton & Barto's short corridor with switched actions (Example 13.1).
public enum ShortCorridorWorld: WorldRegistration, ModelledWorld, InspectableWorld, DrawableWorld {
    /// Whether the states look alike, and the step cap (an aliased greedy policy never arrives).
    public struct Configuration: Sendable, Equatable, Codable {
        public var aliased = false
        public var maxSteps = 1000
        public init() {}
    }

    public static let id = "short-corridor"
    public static let summary = "Sutton & Barto's short corridor with switched actions (Example 13.1), −1 a step"
    public static var defaultConfiguration: Configuration { Configuration() }
    public static let maximumStepCap = 1_000_000

    public static var flags: [SettingFlag<Configuration>] {
        [
            .toggle(
                "aliased", \.aliased,
                help: "Every state looks the same, as to the book's features: no deterministic policy arrives (rl book 13.1)."),
            .integer("max-steps", \.maxSteps, in: 1...maximumStepCap, help: "Step cap of an episode (default 1000)."),
        ]
    }

    public static func validate(_ configuration: Configuration) throws(SettingError) {
        guard (1...maximumStepCap).contains(configuration.maxSteps) else {
            throw SettingError("max steps must be in 1...\(maximumStepCap), got \(configuration.maxSteps)")
        }
    }

    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: Configuration) -> TimeLimit<ShortCorridorView> {
        TimeLimit(ShortCorridorView(aliased: configuration.aliased), maxSteps: configuration.maxSteps)
    }

    /// The corridor's model numbers its states; seen aliased, the one observation has none (it
    /// is not a state of a Markov process).
    public static func model(_ configuration: Configuration) -> WorldModel? {
        configuration.aliased ? nil : WorldModel(model: ShortCorridor().model, stepCap: configuration.maxSteps)
    }

    public static func stateDimensions(_ configuration: Configuration) -> [String] { ["state"] }
    public static func actionNames(_ configuration: Configuration) -> [String] { ShortCorridor.Move.allCases.map(\.description) }
    public static func observationName(_ configuration: Configuration) -> String? { nil }
    public static func describe(_ configuration: Configuration) -> String {
        (configuration.aliased ? "aliased, " : "") + "step cap \(configuration.maxSteps)"
    }

    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? {
        if configuration.aliased { return "Any state: the agent cannot tell which." }
        return [
            "The start: left stays here, right moves right.", "The switched state: left moves right, right moves left.",
            "The last state before the goal.", "The goal.",
        ][coordinates[0]]
    }

    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        try PolicyPanel.grids(
            stateShape: [configuration.aliased ? 1 : ShortCorridor.states + 1], dimensions: stateDimensions(configuration),
            selection: selection)
    }

    /// γ 1, ε 0.1 and α 0.1: the corridor is short and every agent finds its 3-step path.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(0.1), discount: 1, epsilon: .constant(0.1))
    }

    public static func defaultEpisodes(_ configuration: Configuration) -> Int { 1000 }

    public static func scene(of world: TimeLimit<ShortCorridorView>, _ configuration: Configuration, hud: ToyTextHUD) -> Scene {
        ToyTextScenes.shortCorridor(state: world.base.corridor.state, hud: hud)
    }

    public static func watchSession(_ configuration: Configuration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    {
        try ToyTextWatchSession<ShortCorridorWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon,
            draw: { world, hud in scene(of: world, configuration, hud: hud) },
            describeState: { world in ["state \(world.base.corridor.state)"] },
            banner: { _, _ in ("GOAL", ToyTextPalette.success) })
    }
}
