import RLCore

/// What the player sees: Gymnasium's `(player_sum, dealer_card, usable_ace)`.
public struct BlackjackObservation: Hashable, Sendable, CustomStringConvertible {
    /// The player's total, an ace counted as 11 when that does not bust (4–21, up to 31 after a bust).
    public var playerSum: Int
    /// The dealer's face-up card, 1 (ace) to 10.
    public var dealerCard: Int
    /// Whether the player holds an ace counted as 11.
    public var usableAce: Bool

    public init(playerSum: Int, dealerCard: Int, usableAce: Bool) {
        self.playerSum = playerSum
        self.dealerCard = dealerCard
        self.usableAce = usableAce
    }

    public var description: String {
        "player \(playerSum)\(usableAce ? " (usable ace)" : ""), dealer shows \(dealerCard == 1 ? "an ace" : String(dealerCard))"
    }
}

/// Gymnasium's `Tuple(Discrete(32), Discrete(11), Discrete(2))`, flattened row-major:
/// index `(playerSum × 11 + dealerCard) × 2 + usableAce`, table shape `[32, 11, 2]`.
public struct BlackjackSpace: FiniteSpace, Sendable, Equatable {
    public init() {}
    public var count: Int { 32 * 11 * 2 }
    public var shape: [Int] { [32, 11, 2] }
    @inlinable public func index(of element: BlackjackObservation) -> Int {
        (element.playerSum * 11 + element.dealerCard) * 2 + (element.usableAce ? 1 : 0)
    }
    public func element(at index: Int) -> BlackjackObservation {
        BlackjackObservation(playerSum: index / 22, dealerCard: index / 2 % 11, usableAce: index % 2 == 1)
    }
    public func contains(_ element: BlackjackObservation) -> Bool {
        (0..<32).contains(element.playerSum) && (0..<11).contains(element.dealerCard)
    }
}

/// Blackjack's two actions, numbered as in Gymnasium.
public enum BlackjackAction: Int, Sendable, CaseIterable, CustomStringConvertible {
    case stick, hit
    public var description: String { self == .stick ? "stick" : "hit" }
}

/// The two actions as a finite space: Gymnasium's `Discrete(2)`.
public typealias BlackjackActionSpace = EnumSpace<BlackjackAction>
