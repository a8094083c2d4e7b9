import RLCore

/// Tabular Dyna-Q (Sutton & Barto, 2nd ed., §8.2): Q-learning plus a learned deterministic
/// model that replays remembered transitions between real steps.
///
/// The box: (b) choose A from S ε-greedily; (c) take A, observe R, S′; (d) the Q-learning
/// update; (e) Model(S,A) ← R, S′; (f) n times: S ← a random previously observed state,
/// A ← a random action previously taken in S, R, S′ ← Model(S,A), and the Q-learning update.
/// The model also remembers whether the transition terminated (then the target is R alone).
/// Everything it remembers is preallocated: planning never allocates.
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
    }

    public var extraTensors: [String: Tensor] {
        [
            "model_next_state": Tensor(shape: table.shape, integers: modelNext),
            "model_reward": Tensor(shape: table.shape, floats: modelReward),
            "model_terminated": Tensor(shape: table.shape, integers: modelTerminated),
            "model_observed_states": Tensor(shape: [observedStates.count], integers: observedStates),
            "model_taken_actions": Tensor(shape: table.shape, integers: takenActions),
            "model_taken_count": Tensor(shape: table.stateShape, integers: takenCount),
        ]
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
            update(
                plannedState, plannedAction, reward: modelReward[pair], nextState: Int(modelNext[pair]),
                terminated: modelTerminated[pair] != 0)
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
    }
}

/// How much Dyna-Q plans.
public struct DynaQSettings: AgentSettings {
    /// Simulated updates from the model after every real step (n).
    public var planningSteps = 5

    public init() {}
    public init(planningSteps: Int) { self.planningSteps = planningSteps }

    public func validate() throws(SettingError) {
        guard (0...10_000).contains(planningSteps) else {
            throw SettingError("planning steps must be in 0...10000, got \(planningSteps)")
        }
    }
}

/// `dyna-q`.
public enum DynaQ: AgentRegistration {
    public static let id = "dyna-q"
    public static let summary = "Dyna-Q (Q-learning plus a learned deterministic model and planning, S&B §8.2)"
    public static var flags: [SettingFlag<DynaQSettings>] {
        [.integer("planning-steps", \.planningSteps, in: 0...10_000, help: "Simulated updates after every real step, n (default 5).")]
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
