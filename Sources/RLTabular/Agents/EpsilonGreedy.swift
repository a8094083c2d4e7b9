import RLCore

/// What every ε-greedy tabular agent carries besides its tables: the hyperparameters, this
/// episode's ε and α (they follow the schedules), and the agent's own generator (exploration,
/// ties, Double Q's coin, Dyna-Q's planning draws).
public struct EpsilonGreedy: Sendable {
    public let hyperparameters: Hyperparameters
    /// ε and α for the current episode.
    public private(set) var epsilon: Double
    public private(set) var learningRate: Double
    /// The agent's own generator: exploration, ties, coins, planning draws.
    public var generator: Xoshiro256StarStar

    /// - Precondition: the hyperparameters are valid (``Hyperparameters/validate()``); an agent
    ///   made with a rate out of range stops here with the rule it broke.
    public init(hyperparameters: Hyperparameters, seed: UInt64) {
        do { try hyperparameters.validate() } catch { preconditionFailure("invalid hyperparameters: \(error.message)") }
        self.hyperparameters = hyperparameters
        epsilon = hyperparameters.epsilon.start
        learningRate = hyperparameters.learningRate.start
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// γ.
    @inlinable public var discount: Double { hyperparameters.discount }

    /// Moves ε and α along their schedules.
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        epsilon = hyperparameters.epsilon.value(atEpisode: episode, of: episodeCount)
        learningRate = hyperparameters.learningRate.value(atEpisode: episode, of: episodeCount)
    }

    /// An action index for `state`, among the actions its space allows there: ε-greedy while
    /// training, greedy in evaluation.
    @inlinable @inline(__always)
    public mutating func action<Space: FiniteSpace>(in table: QTable, state: Int, of space: Space, mode: AgentMode) -> Int {
        table.epsilonGreedyAction(
            in: state, legal: space.legalActions(inState: state),
            epsilon: epsilon, exploring: mode == .training, using: &generator)
    }

    /// The generator's state, for resuming.
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }
}

/// A tabular agent that learns one table and explores it ε-greedily: what most agents are. It
/// gets its action choice, schedules, generator, resume, its current ε and α, and every
/// initialiser but one from here, so its own file holds what the book's box initialises (its
/// spaces, its table, its ``EpsilonGreedy``, anything of its own), one `init`, ``TabularAgent/ownLearnedTables()``
/// and its update. (Its `Observation` and `Action` are its spaces' elements, inferred.)
///
/// Its one `init` is ``TabularAgent``'s (`init(observationSpace:actionSpace:hyperparameters:settings:seed:)`);
/// `init(observationSpace:actionSpace:hyperparameters:seed:)` (default settings) and
/// `init(observationSpace:actionSpace:hyperparameters:table:seed:)` (a saved table) come from here.
public protocol EpsilonGreedyAgent: TabularAgent {
    var observationSpace: ObservationSpace { get }
    var actionSpace: ActionSpace { get }
    /// What the agent acts on and learns.
    var table: QTable { get set }
    /// ε, α, γ and the agent's generator.
    var exploration: EpsilonGreedy { get set }
}

extension TabularAgent {
    /// A fresh agent with its own settings at their defaults.
    /// - Parameter seed: seeds the agent's own generator (exploration, ties, coins, planning).
    public init(observationSpace: ObservationSpace, actionSpace: ActionSpace, hyperparameters: Hyperparameters, seed: UInt64) {
        self.init(
            observationSpace: observationSpace, actionSpace: actionSpace, hyperparameters: hyperparameters, settings: Settings(),
            seed: seed)
    }
}

extension EpsilonGreedyAgent {
    /// An agent that starts from a learned table (a greedy player of a saved policy), its own
    /// settings at their defaults.
    /// - Precondition: the table's shape matches the spaces.
    public init(observationSpace: ObservationSpace, actionSpace: ActionSpace, hyperparameters: Hyperparameters, table: QTable, seed: UInt64)
    {
        table.requireShape(of: observationSpace, actionSpace)
        self.init(observationSpace: observationSpace, actionSpace: actionSpace, hyperparameters: hyperparameters, seed: seed)
        self.table = table
        self.table.limitActions(by: observationSpace)
        self.table.makeUnique()
    }

    /// The hyperparameters the agent was made with.
    public var hyperparameters: Hyperparameters { exploration.hyperparameters }
    /// ε for the current episode (it follows its schedule).
    public var epsilon: Double { exploration.epsilon }
    /// α for the current episode (it follows its schedule).
    public var learningRate: Double { exploration.learningRate }

    /// The index of a best action in `state`, ties broken uniformly at random.
    @inlinable @inline(__always)
    public mutating func greedyAction(in state: Int) -> Int {
        table.greedyAction(in: state, of: observationSpace, using: &exploration.generator)
    }

    public var generatorState: [UInt64] {
        get { exploration.generatorState }
        set { exploration.generatorState = newValue }
    }

    /// Moves ε and α along their schedules (the trainer then makes the learned tables the
    /// agent's own: ``TabularAgent/ownLearnedTables()``).
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        exploration.beginEpisode(episode, of: episodeCount)
    }

    /// ε-greedy while training, greedy in evaluation, among the actions the state allows.
    @inlinable @inline(__always)
    public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        actionSpace.element(
            at: exploration.action(in: table, state: observationSpace.index(of: observation), of: observationSpace, mode: mode))
    }

    /// Puts back a saved table (one that fits the spaces).
    public mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        self.table = table
        self.table.limitActions(by: observationSpace)
    }
}
