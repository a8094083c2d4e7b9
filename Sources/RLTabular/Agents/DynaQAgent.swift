import RLCore

/// Tabular Dyna-Q (Sutton & Barto, 2nd ed., §8.2): Q-learning plus a learned deterministic
/// model that replays remembered transitions between real steps.
///
/// The box: (b) choose A from S ε-greedily; (c) take A, observe R, S′; (d) the Q-learning
/// update; (e) Model(S,A) ← R, S′; (f) n times: S ← a random previously observed state,
/// A ← a random action previously taken in S, R, S′ ← Model(S,A), and the Q-learning update.
/// The model also remembers whether the transition terminated (then the target is R alone).
/// Everything it remembers is preallocated: planning never allocates.
///
/// The book's model is deterministic: it keeps only the last outcome of each pair, which is
/// wrong in a stochastic world (FrozenLake's slippery ice, Blackjack's cards). With
/// ``DynaQSettings/sampleModel`` it keeps a sample model instead (§8.1): per pair, the distinct
/// outcomes (R, S′, terminated) seen and how often, and planning draws one in proportion to its
/// count. It keeps at most ``DynaQSettings/modelOutcomes`` distinct outcomes a pair; a new
/// outcome beyond them takes the slot of the least seen one (the oldest of those).
public struct DynaQAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public var table: QTable
    public let settings: DynaQSettings
    public var exploration: EpsilonGreedy
    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }
    /// The model, flat like the table: the next state (−1 where never tried), the reward, and
    /// whether it terminated.
    @usableFromInline var modelNext: [Int64]
    @usableFromInline var modelReward: [Double]
    @usableFromInline var modelTerminated: [Int64]
    /// States in the order they were first observed, and per state the actions taken there in
    /// the order first taken (`actionCount` slots a state).
    @usableFromInline var observedStates: [Int64]
    @usableFromInline var takenActions: [Int64]
    @usableFromInline var takenCount: [Int64]
    /// The sample model (empty unless ``DynaQSettings/sampleModel``): `modelOutcomes` slots a
    /// pair, each an outcome and how often it was seen, and per pair the slots in use.
    @usableFromInline var outcomeNext: [Int64] = []
    @usableFromInline var outcomeReward: [Double] = []
    @usableFromInline var outcomeTerminated: [Int64] = []
    @usableFromInline var outcomeCount: [Int64] = []
    @usableFromInline var outcomesUsed: [Int64] = []
    /// The times each pair was tried (the sum of its slots' counts).
    @usableFromInline var pairCount: [Int64] = []

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: DynaQSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.settings = settings
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
        modelNext = Array(repeating: -1, count: table.count)
        modelReward = Array(repeating: 0, count: table.count)
        modelTerminated = Array(repeating: 0, count: table.count)
        observedStates = []
        observedStates.reserveCapacity(table.stateCount)
        takenActions = Array(repeating: 0, count: table.count)
        takenCount = Array(repeating: 0, count: table.stateCount)
        if settings.sampleModel {
            // `rl train` refuses a model too large in one line first (`validate(forPairs:)`).
            do { try settings.validate(forPairs: table.count) } catch { preconditionFailure(error.message) }
            let slots = table.count * settings.modelOutcomes
            outcomeNext = Array(repeating: -1, count: slots)
            outcomeReward = Array(repeating: 0, count: slots)
            outcomeTerminated = Array(repeating: 0, count: slots)
            outcomeCount = Array(repeating: 0, count: slots)
            outcomesUsed = Array(repeating: 0, count: table.count)
            pairCount = Array(repeating: 0, count: table.count)
        }
    }

    public var extraTensors: [String: Tensor] {
        var tensors = [
            "model_next_state": Tensor(shape: table.shape, integers: modelNext),
            "model_reward": Tensor(shape: table.shape, floats: modelReward),
            "model_terminated": Tensor(shape: table.shape, integers: modelTerminated),
            "model_observed_states": Tensor(shape: [observedStates.count], integers: observedStates),
            "model_taken_actions": Tensor(shape: table.shape, integers: takenActions),
            "model_taken_count": Tensor(shape: table.stateShape, integers: takenCount),
        ]
        if settings.sampleModel {
            let slots = table.shape + [settings.modelOutcomes]
            tensors["model_outcome_next_state"] = Tensor(shape: slots, integers: outcomeNext)
            tensors["model_outcome_reward"] = Tensor(shape: slots, floats: outcomeReward)
            tensors["model_outcome_terminated"] = Tensor(shape: slots, integers: outcomeTerminated)
            tensors["model_outcome_count"] = Tensor(shape: slots, integers: outcomeCount)
        }
        return tensors
    }

    public mutating func restore(table: QTable, extraTensors tensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        let states = Int64(table.stateCount), actions = Int64(table.actionCount)
        let next = try tensors.integers(named: "model_next_state", shape: table.shape, in: -1...(states - 1))
        let reward = try tensors.values(named: "model_reward", shape: table.shape)
        let terminated = try tensors.integers(named: "model_terminated", shape: table.shape, in: 0...1)
        let count = try tensors.integers(named: "model_taken_count", shape: table.stateShape, in: 0...actions)
        let taken = try tensors.integers(named: "model_taken_actions", shape: table.shape, in: 0...(actions - 1))
        let observedCount = count.count { $0 > 0 }
        let observed = try tensors.integers(named: "model_observed_states", shape: [observedCount], in: 0...(states - 1))
        // The lists must agree with each other, or planning would draw a pair the model lacks.
        guard Set(observed).count == observed.count, observed.allSatisfy({ count[Int($0)] > 0 }) else {
            throw PolicyFileError("Dyna-Q's model lists observed states that disagree with its action counts")
        }
        for state in 0..<table.stateCount {
            for slot in 0..<Int(count[state]) where next[state * table.actionCount + Int(taken[state * table.actionCount + slot])] < 0 {
                throw PolicyFileError("Dyna-Q's model lists an action taken in state \(state) without its outcome")
            }
        }
        if settings.sampleModel {
            let slots = table.shape + [settings.modelOutcomes]
            let outcomeCount = try tensors.integers(named: "model_outcome_count", shape: slots, in: 0...Int64.max)
            let outcomeNext = try tensors.integers(named: "model_outcome_next_state", shape: slots, in: -1...(states - 1))
            let outcomeReward = try tensors.values(named: "model_outcome_reward", shape: slots)
            let outcomeTerminated = try tensors.integers(named: "model_outcome_terminated", shape: slots, in: 0...1)
            var used = Array(repeating: Int64(0), count: table.count), total = Array(repeating: Int64(0), count: table.count)
            for pair in 0..<table.count {
                let counts = outcomeCount[(pair * settings.modelOutcomes)..<((pair + 1) * settings.modelOutcomes)]
                used[pair] = Int64(counts.count { $0 > 0 })
                // Slots fill in order: a pair's used slots come first, each with an outcome.
                guard counts.prefix(Int(used[pair])).allSatisfy({ $0 > 0 }),
                    (0..<Int(used[pair])).allSatisfy({ outcomeNext[pair * settings.modelOutcomes + $0] >= 0 })
                else { throw PolicyFileError("Dyna-Q's sample model has a gap in the outcomes of pair \(pair)") }
                let (sum, overflow) = counts.reduce((Int64(0), false)) { partial, count in
                    let next = partial.0.addingReportingOverflow(count)
                    return (next.partialValue, partial.1 || next.overflow)
                }
                guard !overflow, (sum > 0) == (next[pair] >= 0) else {
                    throw PolicyFileError("Dyna-Q's sample model disagrees with its last outcomes at pair \(pair)")
                }
                total[pair] = sum
            }
            self.outcomeNext = outcomeNext
            self.outcomeReward = outcomeReward
            self.outcomeTerminated = outcomeTerminated
            self.outcomeCount = outcomeCount
            outcomesUsed = used
            pairCount = total
        }
        self.table = table
        modelNext = next
        modelReward = reward
        modelTerminated = terminated
        observedStates = observed
        observedStates.reserveCapacity(table.stateCount)
        takenActions = taken
        takenCount = count
    }

    @inlinable @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        let nextState = observationSpace.index(of: transition.nextObservation)
        // (d) direct reinforcement learning.
        update(state, action, reward: transition.reward, nextState: nextState, terminated: transition.terminated)
        // (e) model learning.
        remember(state, action, reward: transition.reward, nextState: nextState, terminated: transition.terminated)
        // (f) planning.
        for _ in 0..<settings.planningSteps {
            let plannedState = Int(observedStates[exploration.generator.nextIndex(below: observedStates.count)])
            let slot = exploration.generator.nextIndex(below: Int(takenCount[plannedState]))
            let plannedAction = Int(takenActions[plannedState &* table.actionCount &+ slot])
            let pair = plannedState &* table.actionCount &+ plannedAction
            if settings.sampleModel {
                let slot = sampledSlot(of: pair)
                update(
                    plannedState, plannedAction, reward: outcomeReward[slot], nextState: Int(outcomeNext[slot]),
                    terminated: outcomeTerminated[slot] != 0)
            } else {
                update(
                    plannedState, plannedAction, reward: modelReward[pair], nextState: Int(modelNext[pair]),
                    terminated: modelTerminated[pair] != 0)
            }
        }
        return nil
    }

    @inlinable @inline(__always)
    mutating func update(_ state: Int, _ action: Int, reward: Double, nextState: Int, terminated: Bool) {
        var target = reward
        if !terminated { target += exploration.discount * table.maxValue(in: nextState, of: observationSpace) }
        table.moveInPlace(state: state, action: action, towards: target, rate: exploration.learningRate)
    }

    @inlinable @inline(__always)
    mutating func remember(_ state: Int, _ action: Int, reward: Double, nextState: Int, terminated: Bool) {
        let pair = state &* table.actionCount &+ action
        if modelNext[pair] < 0 {
            if takenCount[state] == 0 { observedStates.append(Int64(state)) }
            takenActions[state &* table.actionCount &+ Int(takenCount[state])] = Int64(action)
            takenCount[state] &+= 1
        }
        modelNext[pair] = Int64(nextState)
        modelReward[pair] = reward
        modelTerminated[pair] = terminated ? 1 : 0
        if settings.sampleModel { count(pair, reward: reward, nextState: nextState, terminated: terminated) }
    }

    /// Counts one outcome of `pair` in the sample model.
    @inlinable
    mutating func count(_ pair: Int, reward: Double, nextState: Int, terminated: Bool) {
        let first = pair &* settings.modelOutcomes, used = Int(outcomesUsed[pair])
        pairCount[pair] &+= 1
        var rarest = first
        for slot in first..<(first &+ used) {
            if outcomeNext[slot] == Int64(nextState) && outcomeReward[slot] == reward && (outcomeTerminated[slot] != 0) == terminated {
                outcomeCount[slot] &+= 1
                return
            }
            if outcomeCount[slot] < outcomeCount[rarest] { rarest = slot }
        }
        var slot = first &+ used
        if used < settings.modelOutcomes {
            outcomesUsed[pair] &+= 1
        } else {
            // Full: the least seen outcome gives its slot (and its count) up.
            slot = rarest
            pairCount[pair] &-= outcomeCount[slot]
        }
        outcomeNext[slot] = Int64(nextState)
        outcomeReward[slot] = reward
        outcomeTerminated[slot] = terminated ? 1 : 0
        outcomeCount[slot] = 1
    }

    /// A slot of `pair`'s outcomes, drawn in proportion to their counts.
    @inlinable
    mutating func sampledSlot(of pair: Int) -> Int {
        let first = pair &* settings.modelOutcomes
        var draw = Int64(exploration.generator.nextIndex(below: Int(pairCount[pair])))
        var slot = first
        while draw >= outcomeCount[slot] {
            draw &-= outcomeCount[slot]
            slot &+= 1
        }
        return slot
    }
}

/// How much Dyna-Q plans, and with what model.
public struct DynaQSettings: AgentSettings {
    /// Simulated updates from the model after every real step (n).
    public var planningSteps = 5
    /// Keep a sample model (every outcome seen, with its count) rather than the book's
    /// deterministic one (the last outcome of each pair).
    public var sampleModel = false
    /// The distinct outcomes the sample model keeps a pair.
    public var modelOutcomes = 16
    /// The most outcome slots (pairs × ``modelOutcomes``) a sample model may hold: 2²⁶ slots of
    /// 32 bytes, 2 GiB.
    public static let maxOutcomeSlots = 1 << 26

    public init() {}
    public init(planningSteps: Int, sampleModel: Bool = false, modelOutcomes: Int = 16) {
        self.planningSteps = planningSteps
        self.sampleModel = sampleModel
        self.modelOutcomes = modelOutcomes
    }

    public func validate() throws(SettingError) {
        guard (0...10_000).contains(planningSteps) else {
            throw SettingError("planning steps must be in 0...10000, got \(planningSteps)")
        }
        guard (1...64).contains(modelOutcomes) else { throw SettingError("model outcomes must be in 1...64, got \(modelOutcomes)") }
    }

    /// A sample model preallocates ``modelOutcomes`` slots a pair: refused when they would pass
    /// ``maxOutcomeSlots``.
    public func validate(forPairs pairs: Int) throws(SettingError) {
        guard sampleModel else { return }
        let slots = pairs.multipliedReportingOverflow(by: modelOutcomes)
        guard !slots.overflow, slots.partialValue <= Self.maxOutcomeSlots else {
            throw SettingError(
                "Dyna-Q's sample model of \(pairs) state-action pairs × \(modelOutcomes) outcomes would not fit in memory "
                    + "(at most \(Self.maxOutcomeSlots) slots, 2 GiB): lower --model-outcomes")
        }
    }

    // Settings at their defaults are written as before the sample model existed, so the policy
    // files of a deterministic model (and their digests) do not change; a file without the keys
    // reads as the defaults.
    enum CodingKeys: String, CodingKey { case planningSteps, sampleModel, modelOutcomes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        planningSteps = try container.decode(Int.self, forKey: .planningSteps)
        sampleModel = try container.decodeIfPresent(Bool.self, forKey: .sampleModel) ?? false
        modelOutcomes = try container.decodeIfPresent(Int.self, forKey: .modelOutcomes) ?? 16
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(planningSteps, forKey: .planningSteps)
        if sampleModel { try container.encode(sampleModel, forKey: .sampleModel) }
        if modelOutcomes != Self().modelOutcomes { try container.encode(modelOutcomes, forKey: .modelOutcomes) }
    }
}

/// `dyna-q`.
public enum DynaQ: AgentRegistration {
    public static let id = "dyna-q"
    public static let summary =
        "Dyna-Q (Q-learning plus a learned model and planning, S&B §8.2; the model is deterministic, or sampled with --sample-model)"
    public static var flags: [SettingFlag<DynaQSettings>] {
        [
            .integer("planning-steps", \.planningSteps, in: 0...10_000, help: "Simulated updates after every real step, n (default 5)."),
            .toggle(
                "last-outcome-model", \.sampleModel, setting: false,
                help:
                    "Plan from the last outcome seen after each state and action (the book's §8.2 model; the default on deterministic worlds)."
            ),
            .toggle(
                "sample-model", \.sampleModel,
                help: "Keep every outcome seen, with its count, and plan from them (the default on stochastic worlds)."),
            .integer(
                "model-outcomes", \.modelOutcomes, in: 1...64, help: "Distinct outcomes the sample model keeps a pair (default 16)."),
        ]
    }
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static let extraTensorNames = [
        "model_next_state", "model_reward", "model_terminated",
        "model_observed_states", "model_taken_actions", "model_taken_count",
    ]
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(DynaQAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
