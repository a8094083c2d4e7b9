import RLCore
import RLFeatures
import RLTabular

/// A learning agent whose knowledge is a linear action-value function over features (Sutton &
/// Barto Part II): what `rl` trains on a continuous world under the same agent names as on a
/// table. Its weights are saved, resumed, evaluated and inspected like a table whose rows are
/// features.
public protocol LinearAgent: SavableAgent
where Observation == Features.Observation, Action == ActionSpace.Element {
    associatedtype Features: FeatureMap where Features.Observation: Equatable & Sendable
    associatedtype ActionSpace: FiniteSpace & Sendable
    associatedtype Settings: AgentSettings

    /// A fresh agent with zero weights. `hyperparameters` and `settings` must be valid.
    init(features: Features, actionSpace: ActionSpace, hyperparameters: Hyperparameters, settings: Settings, seed: UInt64)

    /// The weights, the features and the ε-greedy behaviour.
    var values: LinearActionValues<Features, ActionSpace> { get set }
}

extension LinearAgent {
    /// w: a row per feature, a column per action.
    public var weights: QTable { values.weights }
    /// The weights, as `rl` saves and evaluates them.
    public var table: QTable { values.weights }
    /// The features the agent reads.
    public var features: Features { values.features }
    public var actionSpace: ActionSpace { values.actionSpace }

    /// ε-greedy over q̂ while training, greedy in evaluation; ties broken at random.
    @inlinable @inline(__always)
    public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        values.actionSpace.element(at: values.action(in: observation, mode: mode))
    }

    /// Moves ε and α along their schedules.
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        values.exploration.beginEpisode(episode, of: episodeCount)
    }

    /// The weights are written in place during the episode: make them this agent's own first.
    @inlinable public mutating func ownStorageForEpisode() { values.weights.makeUnique() }

    public var generatorState: [UInt64] {
        get { values.exploration.generatorState }
        set { values.exploration.generatorState = newValue }
    }

    /// Puts back saved weights.
    /// - Throws: when they do not fit the features and actions.
    public mutating func restore(weights: QTable) throws(PolicyFileError) {
        guard weights.stateShape == [values.features.featureCount], weights.actionCount == values.actionCount else {
            throw PolicyFileError(
                "the policy's weights are \(weights.shape), but its features and actions need "
                    + "[\(values.features.featureCount), \(values.actionCount)]")
        }
        values.weights = weights
    }

    /// Puts back saved weights (linear agents keep no extra tensors).
    public mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError) {
        try restore(weights: table)
    }
}

/// Eligibility traces over the weights (§12.1), flat like them, with the list of live ones so a
/// step costs the live traces, not every weight. A trace that decays below ``cutoff`` in size
/// is dropped, as in the tabular Sarsa(λ): the change neglected is under α·|δ|·10⁻¹⁰ per step.
public struct EligibilityTraces: Sendable {
    /// Traces smaller than this in size are set to zero.
    public static var cutoff: Double { 1e-10 }

    /// z, flat like the weights.
    public var values: [Double] { storage }
    @usableFromInline var storage: [Double]
    @usableFromInline var live: [Int] = []
    @usableFromInline var isLive: [Bool]

    /// Zero traces for `count` weights.
    public init(count: Int) {
        storage = Array(repeating: 0, count: count)
        isLive = Array(repeating: false, count: count)
        live.reserveCapacity(min(count, 1 << 16))
    }

    /// The trace of the weight at a flat index.
    @inlinable public subscript(index: Int) -> Double { storage[index] }

    /// Sets every trace to zero (a new episode).
    @inlinable public mutating func clear() {
        for index in live {
            storage[index] = 0
            isLive[index] = false
        }
        live.removeAll(keepingCapacity: true)
    }

    /// zᵢ ← zᵢ + amount (accumulating).
    @inlinable @inline(__always) public mutating func add(_ amount: Double, at index: Int) {
        markLive(index)
        storage[index] += amount
    }

    /// zᵢ ← value (replacing).
    @inlinable @inline(__always) public mutating func set(_ value: Double, at index: Int) {
        markLive(index)
        storage[index] = value
    }

    /// zᵢ ← 0 (clearing): a live trace becomes 0 and is dropped at the next ``scale(by:)``.
    @inlinable @inline(__always) public mutating func zero(at index: Int) {
        if isLive[index] { storage[index] = 0 }
    }

    @inlinable @inline(__always) mutating func markLive(_ index: Int) {
        if !isLive[index] {
            isLive[index] = true
            live.append(index)
        }
    }

    /// z ← factor · z, dropping the traces that become negligible.
    @inlinable public mutating func scale(by factor: Double) {
        var slot = 0
        while slot < live.count {
            let index = live[slot]
            let scaled = storage[index] * factor
            if abs(scaled) < Self.cutoff {
                storage[index] = 0
                isLive[index] = false
                live[slot] = live[live.count - 1]
                live.removeLast()
            } else {
                storage[index] = scaled
                slot += 1
            }
        }
    }

    /// w ← w + amount · z.
    @inlinable public func addScaled(_ amount: Double, to weights: inout QTable) {
        for index in live { weights.addInPlace(amount * storage[index], atFlatIndex: index) }
    }
}
