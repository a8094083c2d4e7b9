import RLCore

/// How Blackjack episodes ended.
public struct BlackjackCounters: EpisodeCounters {
    /// Games won (positive reward).
    public var wins = 0
    /// Games drawn (the episode ended with reward 0).
    public var draws = 0
    /// Games lost (negative reward).
    public var losses = 0
    public init() {}
}

/// A hand's total, counting one ace as 11 when that does not bust: Gymnasium's `sum_hand`.
public func blackjackTotal(_ hand: [Int]) -> (total: Int, usableAce: Bool) {
    let sum = hand.reduce(0, +)
    if hand.contains(1) && sum + 10 <= 21 { return (sum + 10, true) }
    return (sum, false)
}

/// Gymnasium's `Blackjack-v1` (Sutton & Barto, example 5.1), cards from an infinite deck.
///
/// Reset deals the dealer two cards, then the player two (in that order, as Gymnasium draws
/// them). Hit (1) draws a card: above 21 the player busts, reward −1, terminated. Stick (0)
/// ends the episode: the dealer draws until 17 or more, and the reward is +1, 0 or −1 by
/// comparing totals (a bust scores 0).
///
/// Options, as in Gymnasium:
/// - `natural`: a winning natural (ace and ten-card as the first two cards) pays 1.5.
/// - `sab`: Sutton & Barto's rules, overriding `natural`: a natural wins (+1) unless the dealer
///   also has one (then the usual comparison, a draw). Note that Gymnasium's registered
///   `Blackjack-v1` sets `sab=True`, although the class's own default is `False`.
///
/// Every episode ends within a few steps (a hit cannot keep the total below 22 for long),
/// so Gymnasium registers no step cap.
public struct Blackjack<Cards: CardSource>: Environment {
    public let natural: Bool
    public let sab: Bool
    public let observationSpace = BlackjackSpace()
    public let actionSpace = BlackjackActionSpace()
    /// Where the cards come from.
    public private(set) var cards: Cards
    public private(set) var player: [Int] = []
    public private(set) var dealer: [Int] = []
    public private(set) var counters = BlackjackCounters()

    public init(natural: Bool = false, sab: Bool = false, cards: Cards) {
        self.natural = natural
        self.sab = sab
        self.cards = cards
    }

    /// Deals a new hand.
    /// - Parameter seed: reseeds the card source's generator; `nil` keeps it going.
    public mutating func reset(seed: UInt64?) -> BlackjackObservation {
        if let seed { cards.reseed(seed) }
        dealer = [cards.nextCard(), cards.nextCard()]
        player = [cards.nextCard(), cards.nextCard()]
        counters = BlackjackCounters()
        return observation
    }

    public var observation: BlackjackObservation {
        let (total, usableAce) = blackjackTotal(player)
        return BlackjackObservation(playerSum: total, dealerCard: dealer[0], usableAce: usableAce)
    }

    public mutating func step(_ action: BlackjackAction) -> Step<BlackjackObservation> {
        let reward: Double
        let terminated: Bool
        switch action {
        case .hit:
            player.append(cards.nextCard())
            terminated = blackjackTotal(player).total > 21
            reward = terminated ? -1 : 0
        case .stick:
            terminated = true
            while blackjackTotal(dealer).total < 17 { dealer.append(cards.nextCard()) }
            reward = Self.reward(player: player, dealer: dealer, natural: natural, sab: sab)
        }
        if terminated {
            if reward > 0 { counters.wins += 1 } else if reward < 0 { counters.losses += 1 } else { counters.draws += 1 }
        }
        return Step(observation: observation, reward: reward, terminated: terminated, truncated: false)
    }

    /// The reward for sticking with `player` against the dealer's finished `dealer` hand.
    static func reward(player: [Int], dealer: [Int], natural: Bool, sab: Bool) -> Double {
        func score(_ hand: [Int]) -> Int { let total = blackjackTotal(hand).total; return total > 21 ? 0 : total }
        func isNatural(_ hand: [Int]) -> Bool { hand.sorted() == [1, 10] }
        let comparison: Double = score(player) > score(dealer) ? 1 : score(player) < score(dealer) ? -1 : 0
        if sab && isNatural(player) && !isNatural(dealer) { return 1 }
        if !sab && natural && isNatural(player) && comparison == 1 { return 1.5 }
        return comparison
    }
}

extension Blackjack where Cards == InfiniteDeck {
    /// Blackjack dealt from Gymnasium's infinite deck, seeded with `seed` until a reset reseeds it.
    public init(natural: Bool = false, sab: Bool = false, seed: UInt64 = 0) {
        self.init(natural: natural, sab: sab, cards: InfiniteDeck(seed: seed))
    }
}

extension Blackjack: Sendable where Cards: Sendable {}

extension Blackjack: Resumable where Cards: Resumable {
    /// The card source's generator: hands never outlive an episode.
    public var generatorState: [UInt64] {
        get { cards.generatorState }
        set { cards.generatorState = newValue }
    }
}

extension Blackjack: ExploringStartsEnvironment {
    /// The 200 states of Sutton & Barto's Example 5.3: the player's sum 12–21, the dealer's
    /// showing card 1–10, with or without a usable ace (below 12 the player always hits).
    public var startStateCount: Int { 200 }

    public func startState(at index: Int) -> BlackjackObservation {
        BlackjackObservation(playerSum: 12 + index / 20, dealerCard: 1 + (index / 2) % 10, usableAce: index % 2 == 1)
    }

    /// Deals the player a hand with that sum and ace (an ace and the rest, or a ten and the
    /// rest, or two tens and an ace for 21 without a usable one), the dealer the showing card
    /// and a hidden one from the deck.
    public mutating func reset(from state: BlackjackObservation, seed: UInt64?) -> BlackjackObservation {
        precondition((12...21).contains(state.playerSum) && (1...10).contains(state.dealerCard), "\(state) is not a start state")
        if let seed { cards.reseed(seed) }
        dealer = [state.dealerCard, cards.nextCard()]
        if state.usableAce {
            player = [1, state.playerSum - 11]
        } else {
            player = state.playerSum <= 20 ? [10, state.playerSum - 10] : [10, 10, 1]
        }
        counters = BlackjackCounters()
        return observation
    }
}
