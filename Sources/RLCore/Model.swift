/// One possible result of taking an action in a state: an entry of Gymnasium's
/// `P[state][action]`, which is a list of `(probability, next_state, reward, terminated)`.
public struct Outcome: Sendable, Equatable {
    /// The chance of this outcome, given the state and the action.
    public var probability: Double
    /// The state number (the observation space's index) after the step.
    public var nextState: Int
    /// The reward for the step.
    public var reward: Double
    /// Whether the step ends the task: no value is bootstrapped from `nextState`.
    public var terminated: Bool

    @inlinable
    public init(probability: Double, nextState: Int, reward: Double, terminated: Bool) {
        self.probability = probability
        self.nextState = nextState
        self.reward = reward
        self.terminated = terminated
    }
}

/// A world's whole dynamics as data, like Gymnasium's toy-text `P` and
/// `initial_state_distrib`: what planners read and what tests compare entry by entry.
///
/// States and actions are numbered by the environment's spaces (`observationSpace.index(of:)`,
/// `actionSpace.index(of:)`). The outcomes of a state and action keep the order in which the
/// world lists them; two outcomes may share a next state (Gymnasium does not merge them), and
/// their probabilities then add up.
///
/// A state may allow only some actions (``legalActions(in:)``, as
/// ``FiniteSpace/legalActions(inState:)`` says for a table): planners choose among those only,
/// and an action a state does not allow needs no outcomes there.
public struct TabularModel: Sendable, Equatable {
    /// How many states there are, numbered `0..<stateCount`.
    public let stateCount: Int
    /// How many actions there are, numbered `0..<actionCount`.
    public let actionCount: Int
    /// The chance of starting in each state (`stateCount` entries, summing to 1).
    public let initialDistribution: [Double]
    /// Every list of outcomes, state-major, action-minor, one after the other.
    @usableFromInline let outcomes: [Outcome]
    /// Where each state-action's outcomes start in `outcomes` (`stateCount × actionCount + 1`
    /// entries, so that `starts[i + 1]` ends list `i`).
    @usableFromInline let starts: [Int]
    /// The actions each state allows, one set per state; `nil` when every state allows every
    /// action (all of today's modelled worlds), so planners pay nothing for the question.
    @usableFromInline let legalSets: [LegalActions]?

    /// Builds a model by asking `outcomes` for each state and action in turn.
    /// - Parameter legalActions: the actions each state allows, one set per state (the
    ///   observation space's ``FiniteSpace/legalActions(inState:)``); `nil` for all of them.
    ///   `outcomes` may return no outcome for an action a state does not allow.
    /// - Precondition: `initialDistribution` has `stateCount` entries, and `legalActions`, when
    ///   given, one set per state, each allowing at least one of the `actionCount` actions.
    public init(
        stateCount: Int, actionCount: Int, initialDistribution: [Double], legalActions: [LegalActions]? = nil,
        outcomes: (_ state: Int, _ action: Int) -> [Outcome]
    ) {
        precondition(stateCount > 0 && actionCount > 0, "a model needs at least one state and one action")
        precondition(initialDistribution.count == stateCount, "the initial distribution needs one entry per state")
        if let legalActions {
            precondition(legalActions.count == stateCount, "the legal actions need one set per state")
            precondition(
                legalActions.allSatisfy { $0.count(of: actionCount) > 0 }, "every state allows at least one of the \(actionCount) actions")
        }
        self.legalSets = legalActions
        self.stateCount = stateCount
        self.actionCount = actionCount
        self.initialDistribution = initialDistribution
        var all: [Outcome] = []
        var starts = [0]
        starts.reserveCapacity(stateCount * actionCount + 1)
        for state in 0..<stateCount {
            for action in 0..<actionCount {
                all.append(contentsOf: outcomes(state, action))
                starts.append(all.count)
            }
        }
        self.outcomes = all
        self.starts = starts
    }

    /// The actions `state` allows: all of them unless the model was built with sets.
    @inlinable
    public func legalActions(in state: Int) -> LegalActions { legalSets?[state] ?? .all }

    /// The outcomes of taking `action` in `state`, in the world's order.
    @inlinable
    public func outcomes(from state: Int, taking action: Int) -> ArraySlice<Outcome> {
        let list = state * actionCount + action
        return outcomes[starts[list]..<starts[list + 1]]
    }

    /// Calls `body` with every list of outcomes laid end to end, state-major and action-minor,
    /// and where each list starts: the outcomes of `action` in `state` are at
    /// `starts[state × actionCount + action] ..< starts[state × actionCount + action + 1]`. For
    /// sweeps that visit millions of outcomes: a pointer reads an outcome with no generic
    /// iteration, which a debug build does not specialise (it allocated on every outcome).
    @inlinable
    public func withFlatOutcomes<Result>(
        _ body: (_ outcomes: UnsafeBufferPointer<Outcome>, _ starts: UnsafeBufferPointer<Int>) throws -> Result
    ) rethrows -> Result {
        try outcomes.withUnsafeBufferPointer { outcomes in try starts.withUnsafeBufferPointer { starts in try body(outcomes, starts) } }
    }

    /// Picks one outcome of `action` in `state` as Gymnasium's `categorical_sample` does: the
    /// first whose running total of probabilities exceeds a uniform number in [0, 1).
    @inlinable
    public func sampleOutcome(
        from state: Int, taking action: Int, using generator: inout some RandomNumberGenerator
    ) -> Outcome {
        let list = outcomes(from: state, taking: action)
        if list.count == 1 { return list[list.startIndex] }
        let threshold = generator.nextUnitDouble()
        var total = 0.0
        for outcome in list {
            total += outcome.probability
            if total > threshold { return outcome }
        }
        return list[list.index(before: list.endIndex)]
    }

    /// Picks a first state from ``initialDistribution``, the same way as ``sampleOutcome(from:taking:using:)``.
    public func sampleInitialState(using generator: inout some RandomNumberGenerator) -> Int {
        let threshold = generator.nextUnitDouble()
        var total = 0.0
        var last = 0
        for (state, probability) in initialDistribution.enumerated() where probability > 0 {
            total += probability
            last = state
            if total > threshold { return state }
        }
        return last
    }
}

/// An environment whose dynamics are known and published as a ``TabularModel``.
///
/// The promise: resetting draws the first observation from `model.initialDistribution`, and
/// stepping with action `a` from the observation numbered `s` gives one of
/// `model.outcomes(from: s, taking: a)` (next observation's number, reward, terminated) with
/// its probability. ``checkModel(of:seed:episodes:maxSteps:)`` tests the promise
/// by sampling. A world whose step has effects outside the model (Taxi's fickle passenger)
/// says so in its documentation.
public protocol ModelledEnvironment: Environment where ObservationSpace: FiniteSpace {
    /// The dynamics, numbered by this environment's spaces.
    var model: TabularModel { get }
}

/// A broken promise of a ``TabularModel`` or a ``ModelledEnvironment``.
public struct ModelCheckFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Checks that a model is a model: every next state exists, no probability is negative or
/// missing, and each list of outcomes of an action its state allows, like the initial
/// distribution, sums to 1 (within `tolerance`). An action a state does not allow may have no
/// outcomes there.
public func checkModel(_ model: TabularModel, tolerance: Double = 1e-12) throws(ModelCheckFailure) {
    func checkSum(_ probabilities: some Sequence<Double>, _ what: String) throws(ModelCheckFailure) {
        var total = 0.0
        for probability in probabilities {
            guard probability >= 0, probability <= 1 else {
                throw ModelCheckFailure("\(what) has the probability \(probability)")
            }
            total += probability
        }
        guard abs(total - 1) <= tolerance else {
            throw ModelCheckFailure("\(what) has probabilities summing to \(total), not 1")
        }
    }
    try checkSum(model.initialDistribution, "the initial distribution")
    for state in 0..<model.stateCount {
        let legal = model.legalActions(in: state)
        for action in 0..<model.actionCount where legal.contains(action) {
            let outcomes = model.outcomes(from: state, taking: action)
            for outcome in outcomes where !(0..<model.stateCount).contains(outcome.nextState) {
                throw ModelCheckFailure(
                    "state \(state), action \(action) leads to state \(outcome.nextState), outside 0..<\(model.stateCount)")
            }
            try checkSum(outcomes.map(\.probability), "state \(state), action \(action)")
        }
    }
}

/// Checks that a modelled environment keeps its promise: that its ``TabularModel`` is a model
/// (``checkModel(_:tolerance:)``) numbered by its spaces, and, by sampling, that every first
/// observation has a positive initial probability and every step's next observation, reward
/// and termination is one of the model's outcomes with a positive probability. The model must
/// allow the same actions in each state as the observation space does. Actions are drawn
/// uniformly among the allowed ones from a generator seeded with `seed` (the same draws as
/// before sets existed when every action is allowed); episodes stop after `maxSteps` steps.
public func checkModel<E: ModelledEnvironment>(
    of environment: E, seed: UInt64 = 0, episodes: Int = 100, maxSteps: Int = 1_000
) throws(ModelCheckFailure) {
    let model = environment.model
    try checkModel(model)
    var environment = environment
    var generator = Xoshiro256StarStar(seed: seed)
    let observations = environment.observationSpace, actions = environment.actionSpace
    guard observations.count == model.stateCount, actions.count == model.actionCount else {
        throw ModelCheckFailure(
            "the model has \(model.stateCount) states and \(model.actionCount) actions; the spaces have \(observations.count) and \(actions.count)"
        )
    }
    for state in 0..<model.stateCount {
        let byModel = model.legalActions(in: state).actions(of: model.actionCount)
        let bySpace = observations.legalActions(inState: state).actions(of: model.actionCount)
        guard byModel == bySpace else {
            throw ModelCheckFailure("state \(state) allows actions \(byModel) in the model but \(bySpace) in the observation space")
        }
    }
    for episode in 0..<episodes {
        var state = observations.index(of: environment.reset(seed: episode == 0 ? seed : nil))
        guard model.initialDistribution[state] > 0 else {
            throw ModelCheckFailure("reset gave state \(state), which the model never starts in")
        }
        for _ in 0..<maxSteps {
            let legal = model.legalActions(in: state)
            let action = legal.action(at: generator.nextIndex(below: legal.count(of: actions.count)))
            let step = environment.step(actions.element(at: action))
            let next = observations.index(of: step.observation)
            let listed = model.outcomes(from: state, taking: action).contains {
                $0.probability > 0 && $0.nextState == next && $0.reward == step.reward && $0.terminated == step.terminated
            }
            guard listed else {
                throw ModelCheckFailure(
                    "state \(state), action \(action) gave (state \(next), reward \(step.reward), terminated \(step.terminated)), which the model does not list"
                )
            }
            if step.terminated || step.truncated { break }
            state = next
        }
    }
}
