import RLCore

/// What an agent needs beyond the shared ``Hyperparameters``: Sarsa(λ)'s λ, Dyna-Q's planning
/// steps. Stored in policy files as JSON, so a run can be resumed and inspected.
public protocol AgentSettings: Codable, Sendable, Equatable {
    /// The agent's defaults.
    init()
    /// Checks every value is in its range.
    func validate() throws(SettingError)
    /// Checks an agent with these settings fits a world of `pairs` state-action pairs (what it
    /// preallocates per pair: Dyna-Q's sample model). Most settings fit any world.
    func validate(forPairs pairs: Int) throws(SettingError)
}

extension AgentSettings {
    public func validate(forPairs pairs: Int) throws(SettingError) {}
}

/// The settings of an agent that has none of its own.
public struct NoAgentSettings: AgentSettings {
    public init() {}
    public func validate() throws(SettingError) {}
}

/// A learning agent whose knowledge `rl` saves, resumes, evaluates and inspects as a ``QTable``
/// with extra tensors: a table of action values (``TabularAgent``), or a linear agent's
/// weights, a row per feature (`RLLinear`). The trainers are written once against this.
public protocol SavableAgent: Agent, Resumable {
    /// The values the agent acts greedily on, with visit counts: what `rl eval`, `watch` and
    /// `inspect` read. (Double Q-learning: the mean of its two tables; a linear agent: its weights.)
    var table: QTable { get }

    /// What the agent needs to continue learning beyond ``table``, by tensor name (Double
    /// Q-learning's two tables, Dyna-Q's model); empty for most agents.
    var extraTensors: [String: Tensor] { get }

    /// Puts back a saved agent's table and extra tensors.
    /// - Throws: when a tensor is missing or does not fit.
    mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError)
}

extension SavableAgent {
    public var extraTensors: [String: Tensor] { [:] }
}

/// A learning agent whose knowledge is a table of action values over finite spaces: what `rl`
/// trains, saves, resumes, evaluates and inspects, whichever algorithm fills the table.
public protocol TabularAgent: SavableAgent
where Observation == ObservationSpace.Element, Action == ActionSpace.Element {
    associatedtype ObservationSpace: FiniteSpace
    associatedtype ActionSpace: FiniteSpace
    associatedtype Settings: AgentSettings

    /// A fresh agent. `hyperparameters` and `settings` must be valid (``Hyperparameters/validate()``).
    /// - Parameter seed: seeds the agent's own generator (exploration, ties, coins, planning).
    init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: Settings, seed: UInt64)

    /// Makes every table the agent writes while learning its own (``QTable/makeUnique()``). The
    /// trainers call it at the start of every training episode (``Agent/ownStorageForEpisode()``),
    /// so the steps' in-place writes (``QTable/moveInPlace(state:action:towards:rate:)``) never
    /// touch a copy someone else holds. No default: an agent with two estimates owns both.
    /// (A method, not a list of key paths: a generic key path is instantiated at run time,
    /// which cost more than the episode of a small world.)
    mutating func ownLearnedTables()
}

extension TabularAgent {
    /// Makes every learned table the agent's own: the trainers call it once per episode.
    @inlinable
    public mutating func ownStorageForEpisode() { ownLearnedTables() }
}

/// How `rl` knows an agent: its id, its flags, and its type for any pair of spaces. The agent's
/// file declares one of these; the registry lists it in one line.
public protocol AgentRegistration {
    associatedtype Settings: AgentSettings
    /// The name on the command line and in policy files (`sarsa`).
    static var id: String { get }
    /// One line for `rl train --help`.
    static var summary: String { get }
    /// The flags that set ``Settings``, the agent's own settings.
    static var flags: [SettingFlag<Settings>] { get }
    /// The shared settings the agent reads (α, γ, ε: ``SharedSetting``), declared, never
    /// defaulted; their flags are refused for an agent that does not read them. A setting only
    /// this agent has belongs in ``Settings`` with its flag in ``flags``.
    static var sharedSettings: Set<SharedSetting> { get }
    /// The tensors its policy files hold besides `q` and `visits`.
    static var extraTensorNames: [String] { get }
    /// Hands `body` this agent's type for the body's spaces: the one place the agent's id
    /// becomes a concrete type, so the training loop is specialised for it.
    static func open<Body: AgentBody>(_ body: inout Body)
}

extension AgentRegistration where Settings == NoAgentSettings {
    /// An agent with no settings of its own has no flags of its own.
    public static var flags: [SettingFlag<NoAgentSettings>] { [] }
}

/// Work to do with an agent type that is known only once the registry has chosen it: the
/// generic code inside ``run(_:)`` is compiled for each concrete agent, never dispatched per step.
public protocol AgentBody {
    associatedtype ObservationSpace: FiniteSpace
    associatedtype ActionSpace: FiniteSpace
    mutating func run<A: TabularAgent>(_ agent: A.Type)
    where A.ObservationSpace == ObservationSpace, A.ActionSpace == ActionSpace
}
