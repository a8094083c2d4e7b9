import RLCore

/// Baird's counterexample (Sutton & Barto, 2nd ed., §11.2, Example 11.1 and Figure 11.1,
/// p. 261): seven states, six "upper" ones (0-5) and one "lower" (6), and two actions. `dashed`
/// goes to one of the six upper states, equally likely; `solid` goes to the lower state.
/// Every reward is 0, and the task never ends (a continuing task: nothing terminates; a caller
/// that wants episodes wraps it in a `TimeLimit`). Its first state is drawn uniformly among the
/// seven: the behaviour policy's own distribution.
///
/// The book's value function is linear in eight weights, v̂(s) = wᵀx(s), with
/// ``features``: 2w_{i} + w₈ for upper state i (w₁…w₆), w₇ + 2w₈ for the lower one. The
/// behaviour policy b takes `dashed` with probability 6/7 and `solid` with 1/7
/// (``BairdBehaviour``); the target policy π always takes `solid`, so π(a|s)/b(a|s) is 7 for
/// `solid` and 0 for `dashed` (``importanceRatio(_:)``). With γ = 0.99 and the book's initial
/// weights (``initialWeights``), off-policy semi-gradient TD(0) and semi-gradient DP diverge.
public struct BairdCounterexample: ModelledEnvironment, Resumable, Sendable {
    public enum Move: Int, Sendable, CaseIterable, CustomStringConvertible {
        case dashed, solid
        public var description: String { self == .dashed ? "dashed" : "solid" }
    }

    /// The upper states, 0-5.
    public static let upperStates = 6
    /// The lower state's observation.
    public static let lower = 6
    /// The chance that the behaviour policy takes `solid`.
    public static let solidProbability = 1.0 / 7

    /// x(s) of the book's Figure 11.1, one row per state: upper state i has 2 at i and 1 at
    /// w₈'s place (7); the lower state has 1 at w₇'s place (6) and 2 at w₈'s.
    public static let features: [[Double]] = (0...6).map { state in
        var row = Array(repeating: 0.0, count: 8)
        if state < upperStates {
            row[state] = 2
            row[7] = 1
        } else {
            row[6] = 1
            row[7] = 2
        }
        return row
    }

    /// w₀ = (1, 1, 1, 1, 1, 1, 10, 1), the book's initial weights for Figure 11.2.
    public static let initialWeights: [Double] = [1, 1, 1, 1, 1, 1, 10, 1]

    /// ρ = π(a|s)/b(a|s) for the target policy "always solid": 7 for `solid`, 0 for `dashed`.
    public static func importanceRatio(_ action: Move) -> Double { action == .solid ? 1 / solidProbability : 0 }

    public let observationSpace = Discrete(7)
    public let actionSpace = EnumSpace<Move>()
    public private(set) var state = 0
    var generator: Xoshiro256StarStar

    public init(seed: UInt64 = 0) { generator = Xoshiro256StarStar(seed: seed) }

    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }

    /// Starts in one of the seven states, equally likely.
    public mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        state = generator.nextIndex(below: 7)
        return state
    }

    public mutating func step(_ action: Move) -> Step<Int> {
        state = action == .solid ? Self.lower : generator.nextIndex(below: Self.upperStates)
        return Step(observation: state, reward: 0, terminated: false, truncated: false)
    }

    /// The dynamics as a table: seven states, `dashed` (0) to each upper state with 1/6,
    /// `solid` (1) to the lower state; reward 0; nothing terminates.
    public var model: TabularModel {
        TabularModel(stateCount: 7, actionCount: 2, initialDistribution: Array(repeating: 1.0 / 7, count: 7)) { _, action in
            action == Move.solid.rawValue
                ? [Outcome(probability: 1, nextState: Self.lower, reward: 0, terminated: false)]
                : (0..<Self.upperStates).map { Outcome(probability: 1.0 / 6, nextState: $0, reward: 0, terminated: false) }
        }
    }
}

/// Baird's behaviour policy b: `dashed` with probability 6/7, `solid` with 1/7, in every state.
public struct BairdBehaviour: FixedPolicy, Sendable {
    var generator: Xoshiro256StarStar

    public init(seed: UInt64) { generator = Xoshiro256StarStar(seed: seed) }

    public mutating func action(for observation: Int) -> BairdCounterexample.Move {
        generator.nextUnitDouble() < BairdCounterexample.solidProbability ? .solid : .dashed
    }
}
