import RLCore

/// Sutton & Barto's Example 5.5 (2nd ed., Figure 5.4, p. 106): one non-terminal state s and two
/// actions. `right` ends the episode with reward 0; `left` goes back to s with probability 0.9,
/// reward 0, and ends the episode with probability 0.1, reward +1. Under the target policy
/// "always left", v_π(s) = 1 (γ = 1); from the behaviour policy "left or right, equally likely",
/// ordinary importance sampling's estimate of it has infinite variance.
public struct OneStateLoop: ModelledEnvironment, Resumable, Sendable {
    public enum Move: Int, Sendable, CaseIterable, CustomStringConvertible {
        case left, right
        public var description: String { self == .left ? "left" : "right" }
    }

    /// The chance that `left` ends the episode (with +1).
    public static let endProbability = 0.1
    /// The only state's observation.
    public static let state = 0

    public let observationSpace = Discrete(1)
    public let actionSpace = EnumSpace<Move>()
    var generator: Xoshiro256StarStar

    public init(seed: UInt64 = 0) { generator = Xoshiro256StarStar(seed: seed) }

    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }

    /// Every episode starts in s.
    public mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        return Self.state
    }

    public mutating func step(_ action: Move) -> Step<Int> {
        switch action {
        case .right:
            return Step(observation: Self.state, reward: 0, terminated: true, truncated: false)
        case .left:
            let ends = generator.nextUnitDouble() < Self.endProbability
            return Step(observation: Self.state, reward: ends ? 1 : 0, terminated: ends, truncated: false)
        }
    }

    /// The dynamics as a table: state 0, actions left (0) and right (1).
    public var model: TabularModel {
        TabularModel(stateCount: 1, actionCount: 2, initialDistribution: [1]) { _, action in
            action == Move.right.rawValue
                ? [Outcome(probability: 1, nextState: 0, reward: 0, terminated: true)]
                : [
                    Outcome(probability: 1 - Self.endProbability, nextState: 0, reward: 0, terminated: false),
                    Outcome(probability: Self.endProbability, nextState: 0, reward: 1, terminated: true),
                ]
        }
    }
}

/// Example 5.5's behaviour policy b: left or right, equally likely (the target policy π is
/// "always left", so π(a|s) / b(a|s) is 2 for left and 0 for right).
public struct EquiprobableLoop: FixedPolicy, Sendable {
    var generator: Xoshiro256StarStar

    public init(seed: UInt64) { generator = Xoshiro256StarStar(seed: seed) }

    public mutating func action(for observation: Int) -> OneStateLoop.Move {
        generator.nextIndex(below: 2) == 0 ? .left : .right
    }
}
