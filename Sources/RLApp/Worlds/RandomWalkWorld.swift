import RLCore
import RLRandomWalk
import RLTabular

/// What the left end of a random walk pays.
public enum WalkLeftReward: String, Sendable, Equatable, Codable, CaseIterable {
    /// The book's for the walk's size: 0 for Example 6.2's 5 states, −1 for the others (§7.1's
    /// 19 states, Example 9.1's 1000).
    case book
    /// 0: Example 6.2's walk.
    case zero
    /// −1: the walks of §7.1 and Example 9.1.
    case minusOne = "minus-one"

    func reward(states: Int) -> Double {
        switch self {
        case .book: states == 5 ? 0 : -1
        case .zero: 0
        case .minusOne: -1
        }
    }
}

/// `random-walk`: Sutton & Barto's random walks as a control task: Example 6.2's 5 states,
/// §7.1's 19 and Example 9.1's 1000 with jumps of up to 100. The book follows the equiprobable
/// policy; here the agent picks the direction (the walk still picks how far), so the best policy
/// walks right and earns +1.
public enum RandomWalkWorld: WorldRegistration, ExploringStartsWorld, ModelledWorld, InspectableWorld {
    /// The walk's size, its longest jump, its left end's reward, and a step cap (a policy that
    /// turns back and forth between two states would walk forever).
    public struct Configuration: Sendable, Equatable, Codable {
        public var states = 19
        public var jump = 1
        public var leftReward = WalkLeftReward.book
        public var maxSteps = 1000
        public init() {}

        /// What the walk itself is told.
        var walk: RandomWalk { RandomWalk(states: states, leftReward: leftReward.reward(states: states), maximumJump: jump) }
    }

    public static let id = "random-walk"
    public static let summary = "Sutton & Barto's random walks (Example 6.2, §7.1, Example 9.1): +1 at the right end"
    public static var defaultConfiguration: Configuration { Configuration() }
    public static let maximumStepCap = 1_000_000
    public static let stateLimits = 3...10_000
    public static let jumpLimits = 1...1000
    /// The model lists up to states × 2 × jump outcomes: the book's largest walk has 2 × 10⁵.
    public static let maximumOutcomes = 2_000_000

    public static var flags: [SettingFlag<Configuration>] {
        [
            .integer(
                "states", \.states, in: stateLimits,
                help: "Non-terminal states (default 19, §7.1; 5 is Example 6.2's, 1000 Example 9.1's); odd when jumps are 1."),
            .integer(
                "jump", \.jump, in: jumpLimits, help: "The longest jump, drawn uniformly from 1 up (default 1; 100 is Example 9.1's)."),
            .choice(
                "left-reward", \.leftReward,
                help: "The left end's reward: the book's (default: 0 for 5 states, −1 otherwise), zero or minus-one."),
            .integer("max-steps", \.maxSteps, in: 1...maximumStepCap, help: "Step cap of an episode (default 1000; the book has none)."),
        ]
    }

    public static func validate(_ configuration: Configuration) throws(SettingError) {
        guard stateLimits.contains(configuration.states) else {
            throw SettingError(
                "a random walk has \(stateLimits.lowerBound)...\(stateLimits.upperBound) states, got \(configuration.states)")
        }
        guard jumpLimits.contains(configuration.jump) else {
            throw SettingError("the longest jump must be in \(jumpLimits.lowerBound)...\(jumpLimits.upperBound), got \(configuration.jump)")
        }
        guard configuration.jump > 1 || configuration.states % 2 == 1 else {
            throw SettingError(
                "a walk of single steps has an odd number of states (a middle one to start from), got \(configuration.states)")
        }
        guard 2 * configuration.states * configuration.jump <= maximumOutcomes else {
            throw SettingError(
                "\(configuration.states) states with jumps of up to \(configuration.jump) make a model of more than \(maximumOutcomes) outcomes"
            )
        }
        guard (1...maximumStepCap).contains(configuration.maxSteps) else {
            throw SettingError("max steps must be in 1...\(maximumStepCap), got \(configuration.maxSteps)")
        }
    }

    /// One `Discrete` over the cells, the ends included.
    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: Configuration) -> TimeLimit<RandomWalk> {
        TimeLimit(configuration.walk, maxSteps: configuration.maxSteps)
    }

    public static func model(_ configuration: Configuration) -> WorldModel? {
        WorldModel(model: configuration.walk.model, stepCap: configuration.maxSteps)
    }

    /// A state is a cell, 0 (the left end) to states + 1 (the right end).
    public static func stateDimensions(_ configuration: Configuration) -> [String] { ["cell"] }
    public static func actionNames(_ configuration: Configuration) -> [String] { RandomWalk.Move.allCases.map(\.description) }
    public static func observationName(_ configuration: Configuration) -> String? { nil }
    public static func describe(_ configuration: Configuration) -> String {
        "\(configuration.states) states, jumps up to \(configuration.jump), left end "
            + "\(formatNumber(configuration.leftReward.reward(states: configuration.states))), step cap \(configuration.maxSteps)"
    }

    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? {
        let cell = coordinates[0], states = configuration.states
        if cell == 0 { return "The left end: over, reward \(formatNumber(configuration.leftReward.reward(states: states)))." }
        if cell == states + 1 { return "The right end: over, reward +1." }
        return "State \(cell) of \(states)" + (cell == (states + 1) / 2 ? ", where every episode starts." : ".")
    }

    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        try PolicyPanel.grids(stateShape: [configuration.states + 2], dimensions: stateDimensions(configuration), selection: selection)
    }

    /// γ 0.9, α 0.1 and ε 0.1. The book's γ 1 is for predicting the equiprobable policy; for
    /// control it makes every way to the right end worth the same +1, so a greedy table (value
    /// iteration's too) ties left and right in the middle and may walk back and forth into the
    /// step cap. Discounted, the shortest way right is worth the most.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .randomWalk }

    /// The three walks of the book, by name.
    public static var presets: [WorldPreset<Configuration>] {
        [
            WorldPreset(name: "example-6.2", summary: "Example 6.2's walk: 5 states, 0 at the left end", hyperparameters: .randomWalk) {
                $0.states = 5
                $0.jump = 1
            },
            WorldPreset(name: "section-7.1", summary: "§7.1's walk: 19 states, −1 at the left end", hyperparameters: .randomWalk) {
                $0.states = 19
                $0.jump = 1
            },
            WorldPreset(
                name: "example-9.1", summary: "Example 9.1's walk: 1000 states, jumps of up to 100, −1 at the left end",
                hyperparameters: .randomWalk
            ) {
                $0.states = 1000
                $0.jump = 100
            },
        ]
    }

    /// Every agent walks right from the start within a few hundred episodes on the book's walks.
    public static func defaultEpisodes(_ configuration: Configuration) -> Int { 500 }
}

extension Hyperparameters {
    /// `rl`'s random-walk defaults: α 0.1, γ 0.9, ε 0.1, constant.
    public static let randomWalk = Hyperparameters(learningRate: .constant(0.1), discount: 0.9, epsilon: .constant(0.1))
}
