/// Truncates an environment's episodes after a number of steps: Gymnasium's `TimeLimit`
/// wrapper. A cap is cross-cutting, so it wraps an environment instead of living inside it.
public struct TimeLimit<Base: Environment>: Environment {
    public typealias Observation = Base.Observation
    public typealias Action = Base.Action

    /// The wrapped environment.
    public private(set) var base: Base
    /// The step at which an episode is truncated.
    public let maxSteps: Int
    /// Steps taken in the current episode.
    public private(set) var elapsedSteps = 0

    /// - Precondition: `maxSteps > 0`.
    public init(_ base: Base, maxSteps: Int) {
        precondition(maxSteps > 0, "a time limit needs at least one step")
        self.base = base
        self.maxSteps = maxSteps
    }

    @inlinable public var observationSpace: Base.ObservationSpace { base.observationSpace }
    @inlinable public var actionSpace: Base.ActionSpace { base.actionSpace }
    @inlinable public var counters: Base.Counters { base.counters }

    public mutating func reset(seed: UInt64?) -> Observation {
        elapsedSteps = 0
        return base.reset(seed: seed)
    }

    public mutating func step(_ action: Action) -> Step<Observation> {
        var step = base.step(action)
        elapsedSteps += 1
        // A terminated step stays terminated: the task ended, whatever the clock says.
        if elapsedSteps >= maxSteps && !step.terminated { step.truncated = true }
        return step
    }
}

extension TimeLimit: Resumable where Base: Resumable {
    /// The wrapped environment's generators; the step counter restarts with every episode.
    public var generatorState: [UInt64] {
        get { base.generatorState }
        set { base.generatorState = newValue }
    }
}

extension TimeLimit: ExploringStartsEnvironment where Base: ExploringStartsEnvironment {
    @inlinable public var startStateCount: Int { base.startStateCount }
    @inlinable public func startState(at index: Int) -> Observation { base.startState(at: index) }

    /// Starts the wrapped world in `state`, with a fresh clock.
    public mutating func reset(from state: Observation, seed: UInt64?) -> Observation {
        elapsedSteps = 0
        return base.reset(from: state, seed: seed)
    }
}
