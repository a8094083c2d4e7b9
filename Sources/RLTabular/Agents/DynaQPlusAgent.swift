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
/// from step 1). Everything it remembers is preallocated: planning never allocates. Its model is
/// not saved in a policy file (it is not in the registry): a restored agent keeps only its table.
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
