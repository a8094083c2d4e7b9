import RLCore

/// Sutton & Barto's random walk (2nd ed., Example 6.2; §7.1's 19-state walk): a row of states
/// between two terminal ends; every episode starts in the middle state and moves one state left
/// or right per step; reaching the right end pays +1, the left end `leftReward` (0 in Example 6.2,
/// −1 in Figure 7.2). Observations number the cells 0…states + 1, the ends included.
public struct RandomWalk: Environment, Sendable {
    /// A move: left or right.
    public enum Move: Int, CaseIterable, Sendable, CustomStringConvertible {
        case left, right
        public var description: String { self == .left ? "left" : "right" }
    }

    public let states: Int
    public let leftReward: Double
    public let observationSpace: Discrete
    public let actionSpace = EnumSpace<Move>()
    public private(set) var position: Int

    /// - Precondition: an odd number of states (so that there is a middle one), at least 3.
    public init(states: Int = 5, leftReward: Double = 0) {
        precondition(states >= 3 && states % 2 == 1, "a random walk has an odd number of states, at least 3")
        self.states = states
        self.leftReward = leftReward
        observationSpace = Discrete(states + 2)
        position = (states + 1) / 2
    }

    /// The middle state. Nothing is random in the walk itself: the policy's coin moves it.
    public mutating func reset(seed: UInt64?) -> Int {
        position = (states + 1) / 2
        return position
    }

    public mutating func step(_ move: Move) -> Step<Int> {
        position += move == .right ? 1 : -1
        let atLeft = position == 0, atRight = position == states + 1
        return Step(observation: position, reward: atRight ? 1 : atLeft ? leftReward : 0, terminated: atLeft || atRight, truncated: false)
    }

    /// v_π of each non-terminal state (cells 1…states) under the equiprobable policy, γ = 1: a
    /// straight line from the left end's reward to the right end's (1/6…5/6 in Example 6.2).
    public var trueValues: [Double] {
        (1...states).map { leftReward + (1 - leftReward) * Double($0) / Double(states + 1) }
    }
}

/// The equiprobable policy of the random walks: left or right with probability ½, from a
/// generator of its own.
public struct EquiprobableWalk: FixedPolicy, Sendable {
    var generator: Xoshiro256StarStar
    public init(seed: UInt64) { generator = Xoshiro256StarStar(seed: seed) }
    public mutating func action(for observation: Int) -> RandomWalk.Move {
        generator.nextIndex(below: 2) == 1 ? .right : .left
    }
}
