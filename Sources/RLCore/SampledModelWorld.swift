/// The states of a ``SampledModelWorld``: the model's state numbers, each allowing the actions
/// the model allows there.
public struct ModelStateSpace: FiniteSpace, Sendable, Equatable {
    /// The model whose states these are (for its legal actions).
    public let model: TabularModel

    public init(_ model: TabularModel) { self.model = model }

    @inlinable public var count: Int { model.stateCount }
    @inlinable public var shape: [Int] { [model.stateCount] }
    @inlinable public func index(of element: Int) -> Int { element }
    @inlinable public func element(at index: Int) -> Int { index }
    @inlinable public func contains(_ element: Int) -> Bool { element >= 0 && element < model.stateCount }
    @inlinable public func legalActions(inState index: Int) -> LegalActions { model.legalActions(in: index) }
}

/// A world that is its model: its first state drawn from the model's initial distribution and
/// each step one of the model's outcomes, as Gymnasium's toy-text worlds sample their `P`. For
/// worlds the book gives as dynamics only (the gambler's problem, Jack's car rental), so that
/// the learning agents can play what the planners solve.
public struct SampledModelWorld: ModelledEnvironment, Resumable, Sendable {
    public let model: TabularModel
    public let observationSpace: ModelStateSpace
    public let actionSpace: Discrete
    /// The state the world is in.
    public private(set) var state: Int
    var generator: Xoshiro256StarStar

    public init(model: TabularModel, seed: UInt64 = 0) {
        self.model = model
        observationSpace = ModelStateSpace(model)
        actionSpace = Discrete(model.actionCount)
        generator = Xoshiro256StarStar(seed: seed)
        state = model.sampleInitialState(using: &generator)
    }

    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }

    public mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        state = model.sampleInitialState(using: &generator)
        return state
    }

    /// - Precondition: `action` is one the state allows (an action it does not allow has no
    ///   outcome to draw).
    public mutating func step(_ action: Int) -> Step<Int> {
        let outcome = model.sampleOutcome(from: state, taking: action, using: &generator)
        state = outcome.nextState
        return Step(observation: outcome.nextState, reward: outcome.reward, terminated: outcome.terminated, truncated: false)
    }
}
