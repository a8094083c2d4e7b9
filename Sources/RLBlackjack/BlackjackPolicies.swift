import RLCore

/// The policy of Sutton & Barto's Example 5.1 (2nd ed., p. 93): stick if the player's sum is
/// 20 or 21, otherwise hit. Figure 5.1 evaluates it; it is Example 5.4's target policy.
public struct SticksOnTwentyOrTwentyOne: FixedPolicy, Sendable {
    public init() {}

    public func action(for observation: BlackjackObservation) -> BlackjackAction { Self.action(for: observation) }

    public static func action(for observation: BlackjackObservation) -> BlackjackAction {
        observation.playerSum >= 20 ? .stick : .hit
    }

    /// π(a|s): 1 for its action, 0 for the other.
    public static func probability(of action: BlackjackAction, in observation: BlackjackObservation) -> Double {
        action == Self.action(for: observation) ? 1 : 0
    }
}

/// Example 5.4's behaviour policy (p. 106): hit or stick at random with equal probability.
public struct RandomBlackjackPolicy: FixedPolicy, Sendable {
    var generator: Xoshiro256StarStar

    public init(seed: UInt64) { generator = Xoshiro256StarStar(seed: seed) }

    public mutating func action(for observation: BlackjackObservation) -> BlackjackAction {
        generator.nextIndex(below: 2) == 0 ? .stick : .hit
    }

    /// b(a|s) = 1/2.
    public static let probability = 0.5
}
