import RLCore
import RLTabular

/// A bandit method of chapter 2 that `rl train` can run (`sample-average`, `ucb`,
/// `gradient-bandit`): the book's own type (the code `rl book 2.2`–`2.6` plays), with how the
/// registry makes it, what it acts greedily on, and how a saved run puts it back.
public protocol RegistryBandit: TestbedAgent {
    /// Its settings as `rl` stores them in a policy file.
    associatedtype Registered: AgentSettings
    /// A fresh method for `arms` arms.
    init(arms: Int, registered settings: Registered, hyperparameters: Hyperparameters, seed: UInt64)
    /// Per arm, what it acts greedily on: Q(a), or the gradient bandit's preference H(a).
    var values: [Double] { get }
    /// Its own generator (exploration, ties, draws), for resuming.
    var generator: Xoshiro256StarStar { get set }
    /// What it keeps beyond `values` and `counts` (the gradient bandit's R̄), by tensor name.
    var extraTensors: [String: Tensor] { get }
    /// Puts back a saved run's values, counts and extra tensors (their shapes checked).
    mutating func restore(values: [Double], counts: [Int], extraTensors: [String: Tensor]) throws(PolicyFileError)
    /// Whether a step may change every arm's value (the gradient bandit's preferences), not
    /// only the pulled arm's.
    static var movesEveryArm: Bool { get }
    /// Follows the shared settings' schedules at an episode's start (sample averages' ε).
    mutating func beginEpisode(_ episode: Int, of episodeCount: Int, hyperparameters: Hyperparameters)
}

extension RegistryBandit {
    public var extraTensors: [String: Tensor] { [:] }
    public static var movesEveryArm: Bool { false }
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int, hyperparameters: Hyperparameters) {}
}

/// A bandit method as a tabular agent on a world with one state (the `bandit` world): its values
/// are the table's one row and its counts the visits, so policy files, `rl eval`, `rl inspect`
/// and `--resume` treat it as any agent. Each step it pulls the arm the method selects and
/// learns from the reward (the next state, always the same, is not read); the problem and the
/// method's knowledge carry over from one episode to the next.
public struct BanditTableAgent<Method: RegistryBandit, ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: TabularAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public let hyperparameters: Hyperparameters
    /// The book's method.
    public private(set) var method: Method
    /// Row 0: the method's values and counts, copied after each step.
    public private(set) var table: QTable

    /// - Precondition: the world has one state (the registry refuses the agent elsewhere).
    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace, hyperparameters: Hyperparameters, settings: Method.Registered,
        seed: UInt64
    ) {
        precondition(observationSpace.count == 1, "a bandit method learns a world with one state, not \(observationSpace.count)")
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.hyperparameters = hyperparameters
        method = Method(arms: actionSpace.count, registered: settings, hyperparameters: hyperparameters, seed: seed)
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        copyValues()
    }

    public mutating func ownLearnedTables() { table.makeUnique() }

    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        method.beginEpisode(episode, of: episodeCount, hyperparameters: hyperparameters)
    }

    /// The method's choice while training; the greedy arm of its values in evaluation.
    public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        actionSpace.element(at: mode == .training ? method.selectArm() : greedyArm(method.values, using: &method.generator))
    }

    @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let arm = actionSpace.index(of: transition.action)
        method.learn(arm: arm, reward: transition.reward)
        table.setInPlace(method.values[arm], state: 0, action: arm, countingVisit: true)
        if Method.movesEveryArm {
            for (other, value) in method.values.enumerated() where other != arm {
                table.setInPlace(value, state: 0, action: other, countingVisit: false)
            }
        }
        return nil
    }

    /// Row 0 set to the method's values (a fresh method's initial ones, Q₁ for optimism).
    mutating func copyValues() {
        table.makeUnique()
        for (arm, value) in method.values.enumerated() { table.setInPlace(value, state: 0, action: arm, countingVisit: false) }
    }

    public var generatorState: [UInt64] {
        get { method.generator.state }
        set { method.generator.state = newValue }
    }

    public var extraTensors: [String: Tensor] { method.extraTensors }

    public mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        let arms = actionSpace.count
        let values = (0..<arms).map { table[0, $0] }
        let counts = (0..<arms).map { Int(table.visitCount(state: 0, action: $0)) }
        try method.restore(values: values, counts: counts, extraTensors: extraTensors)
        self.table = table
    }
}
