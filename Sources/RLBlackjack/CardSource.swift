import RLCore

/// Where Blackjack's cards come from. A card is its value: 1 for an ace, 2–9, and 10 for a
/// ten, jack, queen or king.
///
/// Injecting a source lets tests replay fixed card sequences (``ReplayedCards``), as
/// Gymnasium's tests do by replacing its `draw_card`.
public protocol CardSource {
    /// Draws the next card.
    mutating func nextCard() -> Int
    /// Reseeds the source's generator, if it has one (``Blackjack/reset(seed:)`` passes its seed on).
    mutating func reseed(_ seed: UInt64)
}

/// Gymnasium's infinite deck: each card drawn uniformly, with replacement, from the thirteen
/// ranks (`deck = [1, 2, …, 9, 10, 10, 10, 10]`), so a 10 is four times as likely as an ace.
public struct InfiniteDeck: CardSource, Sendable {
    /// The thirteen ranks' values.
    public static let ranks = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10]
    private var generator: Xoshiro256StarStar

    public init(seed: UInt64 = 0) { generator = Xoshiro256StarStar(seed: seed) }

    public mutating func nextCard() -> Int { Self.ranks[generator.nextIndex(below: Self.ranks.count)] }
    public mutating func reseed(_ seed: UInt64) { generator = Xoshiro256StarStar(seed: seed) }
}

/// Cards dealt from a fixed list, in order; seeds are ignored.
public struct ReplayedCards: CardSource, Sendable {
    public let cards: [Int]
    /// How many cards have been drawn.
    public private(set) var drawn = 0

    /// - Precondition: every card is in `1...10`.
    public init(_ cards: [Int]) {
        precondition(cards.allSatisfy { (1...10).contains($0) }, "a card's value is 1 (ace) to 10")
        self.cards = cards
    }

    /// - Precondition: some cards are left.
    public mutating func nextCard() -> Int {
        precondition(drawn < cards.count, "the replayed cards ran out after \(cards.count)")
        defer { drawn += 1 }
        return cards[drawn]
    }

    public mutating func reseed(_ seed: UInt64) {}
}

extension InfiniteDeck: Resumable {
    /// The generator the cards are drawn with.
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }
}
