import RLCore
import RLGambler
import RLTabular

/// `gamblers-problem`: Sutton & Barto's Example 4.3, a world that is its model: the planners
/// solve it (Figure 4.3) and the learning agents play it from a capital of goal / 2.
public enum GamblersProblemWorld: WorldRegistration, ModelledWorld, InspectableWorld {
    /// The goal, the coin, and a step cap (every bet moves the capital, so an episode ends with
    /// probability 1, but a run of small stakes can be long).
    public struct Configuration: Sendable, Equatable, Codable {
        public var goal = 100
        public var headsProbability = 0.4
        public var maxSteps = 10_000
        public init() {}
    }

    public static let id = "gamblers-problem"
    public static let summary = "Sutton & Barto's gambler's problem (Example 4.3): stake on a coin until 0 or the goal"
    public static var defaultConfiguration: Configuration { Configuration() }
    public static let maximumStepCap = 1_000_000
    /// Stakes are actions and a state's legal set holds at most 64 of them.
    public static let goals = 2...129

    public static var flags: [SettingFlag<Configuration>] {
        [
            .integer("goal", \.goal, in: goals, help: "The capital that wins (default 100)."),
            .number("heads-probability", \.headsProbability, in: 0.001...0.999, help: "The chance the coin comes up heads (default 0.4)."),
            .integer("max-steps", \.maxSteps, in: 1...maximumStepCap, help: "Step cap of an episode (default 10000)."),
        ]
    }

    public static func validate(_ configuration: Configuration) throws(SettingError) {
        guard goals.contains(configuration.goal) else {
            throw SettingError("the goal must be in \(goals.lowerBound)...\(goals.upperBound), got \(configuration.goal)")
        }
        guard configuration.headsProbability.isFinite, (0.001...0.999).contains(configuration.headsProbability) else {
            throw SettingError("the heads probability must be in 0.001...0.999, got \(configuration.headsProbability)")
        }
        guard (1...maximumStepCap).contains(configuration.maxSteps) else {
            throw SettingError("max steps must be in 1...\(maximumStepCap), got \(configuration.maxSteps)")
        }
    }

    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: Configuration) -> TimeLimit<SampledModelWorld> {
        TimeLimit(
            SampledModelWorld(model: GamblersProblem.model(goal: configuration.goal, headsProbability: configuration.headsProbability)),
            maxSteps: configuration.maxSteps)
    }

    public static func model(_ configuration: Configuration) -> WorldModel? {
        WorldModel(model: makeWorld(configuration).base.model, stepCap: configuration.maxSteps)
    }

    public static func stateDimensions(_ configuration: Configuration) -> [String] { ["capital"] }
    public static func actionNames(_ configuration: Configuration) -> [String] { (1...(configuration.goal / 2)).map { "stake \($0)" } }
    public static func observationName(_ configuration: Configuration) -> String? { nil }
    public static func describe(_ configuration: Configuration) -> String {
        "goal \(configuration.goal), heads \(formatNumber(configuration.headsProbability)), step cap \(configuration.maxSteps)"
    }

    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? {
        let capital = coordinates[0], goal = configuration.goal
        if capital == 0 { return "Capital 0: lost, the episode is over." }
        if capital == goal { return "Capital \(goal): the goal, won (+1)." }
        return "Capital \(capital): a stake of 1 to \(min(capital, goal - capital))."
    }

    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        try PolicyPanel.grids(stateShape: [configuration.goal + 1], dimensions: stateDimensions(configuration), selection: selection)
    }

    /// The return is the chance of winning: γ 1, and the book's planning view; the learning agents
    /// explore with ε 0.1 and a step size of 0.1.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(0.1), discount: 1, epsilon: .constant(0.1))
    }
}
