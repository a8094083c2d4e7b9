import RLCore

/// Tabular Dyna-Q+ (Sutton & Barto, 2nd ed., §8.3): Dyna-Q whose planning rewards pairs not tried
/// for a long time, for worlds that change (Examples 8.2 and 8.3).
///
/// The box is Dyna-Q's (``DynaQAgent``) with the section's three changes:
/// - a planning update of a pair last tried τ real steps ago uses the reward R + κ√τ (the real
///   update uses R alone);
/// - (the footnote) actions never tried in a state may be drawn in planning: step (f) draws A
///   from every action the state allows, not only the ones taken there;
/// - (the footnote) the model of such an action leads back to the same state with reward 0.
///
/// τ counts real steps from the start of the run: a pair last tried at step t has τ = now − t,
/// and a pair never tried counts from step 0 (the book does not say; Zhang's reproduction counts
/// from step 1). Everything it remembers is preallocated: planning never allocates. Its model and
/// its clock are saved in the policy file beside the table (``DynaQPlus``'s tensors), so
/// `rl train --resume` continues a run exactly.
public struct DynaQPlusAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public var table: QTable
    public let settings: DynaQPlusSettings
    public var exploration: EpsilonGreedy
    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }
    /// The model, flat like the table: the next state (−1 where the state was never observed),
    /// the reward, whether it terminated, and the real step at which the pair was last tried
    /// (0 for never).
    @usableFromInline var modelNext: [Int64]
    @usableFromInline var modelReward: [Double]
    @usableFromInline var modelTerminated: [Bool]
    @usableFromInline var lastTried: [Int64]
    /// States in the order they were first observed.
    @usableFromInline var observedStates: [Int64]
    /// Real steps so far.
    @usableFromInline var realSteps: Int64 = 0
    /// Real steps so far: the clock τ is read on.
    public var time: Int64 { realSteps }

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: DynaQPlusSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.settings = settings
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
        modelNext = Array(repeating: -1, count: table.count)
        modelReward = Array(repeating: 0, count: table.count)
        modelTerminated = Array(repeating: false, count: table.count)
        lastTried = Array(repeating: 0, count: table.count)
        observedStates = []
        observedStates.reserveCapacity(table.stateCount)
    }

    public var extraTensors: [String: Tensor] {
        [
            "model_next_state": Tensor(shape: table.shape, integers: modelNext),
            "model_reward": Tensor(shape: table.shape, floats: modelReward),
            "model_terminated": Tensor(shape: table.shape, integers: modelTerminated.map { $0 ? 1 : 0 }),
            "model_last_tried": Tensor(shape: table.shape, integers: lastTried),
            "model_observed_states": Tensor(shape: [observedStates.count], integers: observedStates),
            "model_time": Tensor(shape: [1], integers: [realSteps]),
        ]
    }

    public mutating func restore(table: QTable, extraTensors tensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        let states = Int64(table.stateCount), actions = table.actionCount
        let time = try tensors.integers(named: "model_time", shape: [1], in: 0...Policy.Limits.visits)[0]
        let next = try tensors.integers(named: "model_next_state", shape: table.shape, in: -1...(states - 1))
        let reward = try tensors.values(named: "model_reward", shape: table.shape)
        let terminated = try tensors.integers(named: "model_terminated", shape: table.shape, in: 0...1)
        let tried = try tensors.integers(named: "model_last_tried", shape: table.shape, in: 0...time)
        // A state is observed when its whole row has an outcome (untried actions lead back to it).
        let observedCount = (0..<table.stateCount).count { next[$0 * actions] >= 0 }
        let observed = try tensors.integers(named: "model_observed_states", shape: [observedCount], in: 0...(states - 1))
        guard Set(observed).count == observed.count, observed.allSatisfy({ next[Int($0) * actions] >= 0 }),
            (0..<table.stateCount).allSatisfy({ state in
                (0..<actions).allSatisfy { (next[state * actions + $0] >= 0) == (next[state * actions] >= 0) }
            })
        else { throw PolicyFileError("Dyna-Q+'s model lists observed states that disagree with its outcomes") }
        self.table = table
        self.table.limitActions(by: observationSpace)
        modelNext = next
        modelReward = reward
        modelTerminated = terminated.map { $0 == 1 }
        lastTried = tried
        observedStates = observed
        observedStates.reserveCapacity(table.stateCount)
        realSteps = time
    }

    @inlinable @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        let nextState = observationSpace.index(of: transition.nextObservation)
        realSteps &+= 1
        let time = realSteps
        // (d) direct reinforcement learning, with the real reward.
        update(state, action, reward: transition.reward, nextState: nextState, terminated: transition.terminated)
        // (e) model learning; a state seen for the first time gets every action, untried ones
        // leading back to it with reward 0.
        let actions = table.actionCount
        let row = state &* actions
        if modelNext[row] < 0 {
            observedStates.append(Int64(state))
            for other in 0..<actions { modelNext[row &+ other] = Int64(state) }
        }
        modelNext[row &+ action] = Int64(nextState)
        modelReward[row &+ action] = transition.reward
        modelTerminated[row &+ action] = transition.terminated
        lastTried[row &+ action] = time
        // (f) planning, with the bonus κ√τ.
        for _ in 0..<settings.planningSteps {
            let plannedState = Int(observedStates[exploration.generator.nextIndex(below: observedStates.count)])
            let legal = observationSpace.legalActions(inState: plannedState)
            let plannedAction = legal.action(at: exploration.generator.nextIndex(below: legal.count(of: actions)))
            let pair = plannedState &* actions &+ plannedAction
            let bonus = settings.kappa * Double(time &- lastTried[pair]).squareRoot()
            update(
                plannedState, plannedAction, reward: modelReward[pair] + bonus, nextState: Int(modelNext[pair]),
                terminated: modelTerminated[pair])
        }
        return nil
    }

    @inlinable @inline(__always)
    mutating func update(_ state: Int, _ action: Int, reward: Double, nextState: Int, terminated: Bool) {
        var target = reward
        if !terminated { target += exploration.discount * table.maxValue(in: nextState, of: observationSpace) }
        table.moveInPlace(state: state, action: action, towards: target, rate: exploration.learningRate)
    }
}

/// How much Dyna-Q+ plans, and how much it values what it has not tried lately.
public struct DynaQPlusSettings: AgentSettings {
    /// Simulated updates from the model after every real step (n).
    public var planningSteps = 5
    /// κ: a planning update of a pair untried for τ steps adds κ√τ to its reward.
    public var kappa = 1e-3

    public init() {}
    public init(planningSteps: Int, kappa: Double) {
        self.planningSteps = planningSteps
        self.kappa = kappa
    }

    public func validate() throws(SettingError) {
        guard (0...10_000).contains(planningSteps) else {
            throw SettingError("planning steps must be in 0...10000, got \(planningSteps)")
        }
        guard kappa.isFinite, kappa >= 0, kappa <= 1000 else { throw SettingError("κ must be in 0...1000, got \(kappa)") }
    }
}

/// `dyna-q-plus`.
public enum DynaQPlus: AgentRegistration {
    public static let id = "dyna-q-plus"
    public static let summary = "Dyna-Q+ (Dyna-Q whose planning rewards pairs untried for long, κ√τ, S&B §8.3)"
    public static var flags: [SettingFlag<DynaQPlusSettings>] {
        [
            .integer("planning-steps", \.planningSteps, in: 0...10_000, help: "Simulated updates after every real step, n (default 5)."),
            .number(
                "kappa", \.kappa, in: 0...1000, help: "κ: planning adds κ√τ to the reward of a pair untried for τ steps (default 0.001)."),
        ]
    }
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static let extraTensorNames = [
        "model_next_state", "model_reward", "model_terminated", "model_last_tried", "model_observed_states", "model_time",
    ]
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(DynaQPlusAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
