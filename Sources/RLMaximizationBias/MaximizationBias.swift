import RLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The states of the maximisation-bias example, as one observation space: A (the start),
/// B, and the terminal state. A allows two actions, B all of them, the terminal one.
public struct MaximizationBiasSpace: FiniteSpace, Sendable, Equatable {
    /// The start: left goes to B, right ends the episode.
    public static let a = 0
    /// Every action ends the episode with a noisy reward.
    public static let b = 1
    /// Where every episode ends.
    public static let terminal = 2

    /// B's actions (A has two of them: left and right).
    public let actionCount: Int

    public init(actionCount: Int) { self.actionCount = actionCount }

    public var count: Int { 3 }
    public var shape: [Int] { [3] }
    @inlinable public func index(of element: Int) -> Int { element }
    @inlinable public func element(at index: Int) -> Int { index }
    public func contains(_ element: Int) -> Bool { (0..<3).contains(element) }

    public func legalActions(inState index: Int) -> LegalActions {
        switch index {
        case Self.a: Self.actionsInA
        case Self.b: .all
        default: Self.actionsAtTheEnd
        }
    }

    /// Left and right.
    static let actionsInA = LegalActions.first(2)
    /// The terminal state's one placeholder action.
    static let actionsAtTheEnd = LegalActions.first(1)
}

/// The settings of the example: B's actions and its reward distribution.
public struct MaximizationBiasConfiguration: Sendable, Equatable, Codable {
    /// How many actions B offers (the book's figure uses 10).
    public var actionsInB = 10
    /// B's rewards are drawn from N(mean, standard deviation²): the book's N(−0.1, 1).
    public var rewardMean = -0.1
    public var rewardStandardDeviation = 1.0

    public init() {}
}

/// Sutton & Barto's Example 6.7 (2nd ed., Figure 6.5): from A, `left` leads to B with reward 0
/// and `right` ends the episode with reward 0; every action in B ends it with a reward drawn
/// from N(−0.1, 1). Right is better (0 against −0.1), but the maximum of B's noisy estimates is
/// positive early on, so Q-learning prefers left for a long time; Double Q-learning does not.
///
/// Actions are numbered 0..<`actionsInB`; in A, 0 is left and 1 is right, and the others do not
/// exist there (``MaximizationBiasSpace`` tells tables so).
public struct MaximizationBias: Environment, Resumable, Sendable {
    public let configuration: MaximizationBiasConfiguration
    public let observationSpace: MaximizationBiasSpace
    public let actionSpace: Discrete
    public private(set) var state = MaximizationBiasSpace.a
    public private(set) var counters = MaximizationBiasCounters()
    var generator: Xoshiro256StarStar

    public init(configuration: MaximizationBiasConfiguration = MaximizationBiasConfiguration(), seed: UInt64 = 0) {
        self.configuration = configuration
        observationSpace = MaximizationBiasSpace(actionCount: configuration.actionsInB)
        actionSpace = Discrete(configuration.actionsInB)
        generator = Xoshiro256StarStar(seed: seed)
    }

    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }

    public mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        state = MaximizationBiasSpace.a
        counters = MaximizationBiasCounters()
        return state
    }

    public mutating func step(_ action: Int) -> Step<Int> {
        switch state {
        case MaximizationBiasSpace.a:
            precondition(action == 0 || action == 1, "state A has only left (0) and right (1), got action \(action)")
            if action == 0 {
                counters.left = 1
                state = MaximizationBiasSpace.b
                return Step(observation: state, reward: 0, terminated: false, truncated: false)
            }
            state = MaximizationBiasSpace.terminal
            return Step(observation: state, reward: 0, terminated: true, truncated: false)
        case MaximizationBiasSpace.b:
            state = MaximizationBiasSpace.terminal
            let reward = configuration.rewardMean + configuration.rewardStandardDeviation * generator.nextGaussian()
            return Step(observation: state, reward: reward, terminated: true, truncated: false)
        default:
            preconditionFailure("the episode has ended: reset before stepping")
        }
    }
}

/// What an episode of the example counts.
public struct MaximizationBiasCounters: EpisodeCounters {
    /// 1 when the action taken in A was left, else 0: Figure 6.5's "% left actions from A".
    public var left = 0
    public init() {}
}
