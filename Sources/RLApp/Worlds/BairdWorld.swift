import RLBaird
import RLCore
import RLTabular

/// `baird`: Baird's counterexample (Sutton & Barto, Example 11.1), seven states and two actions
/// (`dashed` to one of the six upper states, `solid` to the lower one), every reward 0. The book's
/// task never ends: an episode here is `--max-steps` steps. Every policy earns 0, so a table
/// agent has nothing to find: the world is here so that its dynamics (and the book's off-policy
/// divergence, `rl book 11.2`) are one `--env` away, and so that a table agent's values can be
/// seen to stay at 0 where the book's linear ones diverge.
public enum BairdWorld: WorldRegistration, ModelledWorld, InspectableWorld {
    /// The step cap that makes the continuing task episodes.
    public struct Configuration: Sendable, Equatable, Codable {
        public var maxSteps = 1000
        public init() {}
    }

    public static let id = "baird"
    public static let summary = "Baird's counterexample (Example 11.1): 7 states, dashed and solid, all rewards 0, continuing"
    public static var defaultConfiguration: Configuration { Configuration() }
    public static let maximumStepCap = 1_000_000

    public static var flags: [SettingFlag<Configuration>] {
        [.integer("max-steps", \.maxSteps, in: 1...maximumStepCap, help: "Steps in an episode of the continuing task (default 1000).")]
    }

    public static func validate(_ configuration: Configuration) throws(SettingError) {
        guard (1...maximumStepCap).contains(configuration.maxSteps) else {
            throw SettingError("max steps must be in 1...\(maximumStepCap), got \(configuration.maxSteps)")
        }
    }

    /// One `Discrete` over the seven states.
    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: Configuration) -> TimeLimit<BairdCounterexample> {
        TimeLimit(BairdCounterexample(), maxSteps: configuration.maxSteps)
    }

    public static func model(_ configuration: Configuration) -> WorldModel? {
        WorldModel(model: BairdCounterexample().model, stepCap: configuration.maxSteps)
    }

    /// A state: 0-5 the upper states, 6 the lower one.
    public static func stateDimensions(_ configuration: Configuration) -> [String] { ["state"] }
    public static func actionNames(_ configuration: Configuration) -> [String] { BairdCounterexample.Move.allCases.map(\.description) }
    public static func observationName(_ configuration: Configuration) -> String? { nil }
    public static func describe(_ configuration: Configuration) -> String { "7 states, \(configuration.maxSteps) steps an episode" }

    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? {
        coordinates[0] == BairdCounterexample.lower
            ? "The lower state: solid stays here, dashed goes to an upper state."
            : "Upper state \(coordinates[0] + 1) of 6: solid goes to the lower state, dashed to an upper one."
    }

    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        try PolicyPanel.grids(stateShape: [7], dimensions: stateDimensions(configuration), selection: selection)
    }

    /// The book's γ 0.99, α 0.01 and ε 0.1 (its behaviour policy takes solid 1 time in 7).
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(0.01), discount: 0.99, epsilon: .constant(0.1))
    }

    /// Nothing to learn: a few episodes show it.
    public static func defaultEpisodes(_ configuration: Configuration) -> Int { 10 }
}
