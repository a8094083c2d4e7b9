import RLCore

/// Blackjack's dynamics as a table, exact because the deck is infinite: every card is 1–9 with
/// probability 1/13 and 10 with 4/13, whatever was dealt before.
///
/// Only the plain rules have one (`natural` and `sab` both off). Under Sutton & Barto's rules a
/// natural (an ace and a ten as the first two cards) wins unless the dealer also has one, while
/// a soft 21 reached by hitting only draws against a dealer who reaches 21; both are the same
/// observation (21, the dealer's card, a usable ace), so what sticking there pays depends on
/// how the hand was made, which no table over Gymnasium's observation can state. The same holds
/// for `natural`'s 1.5.
///
/// States are ``BlackjackSpace``'s indices. The player's hand is summed as Gymnasium's
/// `sum_hand` sums it. Hitting draws a card. Above 21 the player busts: reward −1, terminated,
/// and the observation shows the bust total. Sticking ends the episode with the comparison
/// against the dealer's finished hand, drawn to 17 or more from the showing card and a hidden
/// one. An index no deal can show (a dealer card of 0, a sum below 4) ends at once with 0.
public enum BlackjackModel {
    /// The chance of each card value 1...10 (index 0 unused).
    static let cardProbability: [Double] = [0] + (1...9).map { _ in 1.0 / 13 } + [4.0 / 13]

    /// The model of the plain rules.
    public static func plainRules() -> TabularModel {
        let space = BlackjackSpace()
        let dealerFinals = (0...10).map { $0 == 0 ? [:] : dealerFinalTotals(showing: $0) }
        var initial = [Double](repeating: 0, count: space.count)
        for dealer in 1...10 {
            for first in 1...10 {
                for second in 1...10 {
                    let (total, usable) = blackjackTotal([first, second])
                    let state = space.index(of: BlackjackObservation(playerSum: total, dealerCard: dealer, usableAce: usable))
                    initial[state] += cardProbability[dealer] * cardProbability[first] * cardProbability[second]
                }
            }
        }
        return TabularModel(stateCount: space.count, actionCount: 2, initialDistribution: initial) { state, action in
            let observation = space.element(at: state)
            let sum = observation.playerSum
            guard (1...10).contains(observation.dealerCard), (4...21).contains(sum), !observation.usableAce || sum >= 12 else {
                // No deal shows this (or it is a bust's last observation): nothing follows.
                return [Outcome(probability: 1, nextState: state, reward: 0, terminated: true)]
            }
            if action == BlackjackAction.stick.rawValue {
                var outcomes: [Outcome] = []
                for (reward, probability) in stickRewards(playerSum: sum, dealerFinals: dealerFinals[observation.dealerCard]) {
                    outcomes.append(Outcome(probability: probability, nextState: state, reward: reward, terminated: true))
                }
                return outcomes
            }
            var outcomes: [Outcome] = []
            for card in 1...10 {
                let next = afterHit(observation, card: card)
                let bust = next.playerSum > 21
                outcomes.append(
                    Outcome(probability: cardProbability[card], nextState: space.index(of: next), reward: bust ? -1 : 0, terminated: bust))
            }
            return outcomes
        }
    }

    /// The hand after drawing `card`. A usable ace counts 11; a hand without one whose sum is
    /// 11 or less holds no ace at all (one would be usable), so only then can a drawn ace be.
    static func afterHit(_ observation: BlackjackObservation, card: Int) -> BlackjackObservation {
        let hadAce = observation.usableAce
        let raw = (hadAce ? observation.playerSum - 10 : observation.playerSum) + card
        let usable = (hadAce || card == 1) && raw + 10 <= 21
        return BlackjackObservation(playerSum: usable ? raw + 10 : raw, dealerCard: observation.dealerCard, usableAce: usable)
    }

    /// The distribution of the dealer's finished total (17...21, or 22 for a bust) from the
    /// showing card and a hidden one: drawing while below 17, a usable ace counting 11 (so the
    /// dealer stands on a soft 17, as Gymnasium's dealer does).
    static func dealerFinalTotals(showing card: Int) -> [Int: Double] {
        var finals: [Int: Double] = [:]
        // (raw sum, holds an ace) → probability, expanded until every hand stands or busts.
        func draw(raw: Int, ace: Bool, probability: Double) {
            let total = ace && raw + 10 <= 21 ? raw + 10 : raw
            if total >= 17 {
                finals[min(total, 22), default: 0] += probability
                return
            }
            for next in 1...10 { draw(raw: raw + next, ace: ace || next == 1, probability: probability * cardProbability[next]) }
        }
        for hidden in 1...10 { draw(raw: card + hidden, ace: card == 1 || hidden == 1, probability: cardProbability[hidden]) }
        return finals
    }

    /// Sticking on `playerSum` (at most 21) against the dealer's finals: each reward (+1, 0, −1)
    /// with its probability, in that order, leaving out those that cannot happen.
    static func stickRewards(playerSum: Int, dealerFinals: [Int: Double]) -> [(reward: Double, probability: Double)] {
        var win = 0.0, draw = 0.0, loss = 0.0
        for (total, probability) in dealerFinals {
            // A bust dealer scores 0.
            let dealer = total > 21 ? 0 : total
            if playerSum > dealer { win += probability } else if playerSum == dealer { draw += probability } else { loss += probability }
        }
        return [(1.0, win), (0.0, draw), (-1.0, loss)].filter { $0.1 > 0 }
    }
}
