import RLCore
import Testing

@testable import RLBlackjack

/// Monte Carlo ES on Blackjack (Sutton & Barto, 2nd ed., Example 5.3, Figure 5.2): exploring
/// starts over the 200 states, first-visit averages of the return, greedy improvement. The
/// policy it finds agrees with the book's π* wherever the book's margins are wide.
@Suite struct MonteCarloExploringStartsTests {
    /// Monte Carlo ES's box, on Blackjack's 32 × 11 × 2 states and its two actions.
    struct MonteCarloES: EpisodicAgent {
        let space = BlackjackSpace()
        var sums: [Double]
        var counts: [Int]
        init() {
            sums = Array(repeating: 0, count: BlackjackSpace().count * 2)
            counts = Array(repeating: 0, count: BlackjackSpace().count * 2)
        }

        func value(_ state: BlackjackObservation, _ action: BlackjackAction) -> Double {
            let pair = space.index(of: state) * 2 + (action == .stick ? 0 : 1)
            return counts[pair] == 0 ? 0 : sums[pair] / Double(counts[pair])
        }

        /// Greedy; where both values are equal (never tried), the book's first policy: stick on 20 or 21.
        func action(for observation: BlackjackObservation, mode: AgentMode) -> BlackjackAction {
            let stick = value(observation, .stick), hit = value(observation, .hit)
            if stick == hit { return observation.playerSum >= 20 ? .stick : .hit }
            return stick > hit ? .stick : .hit
        }

        mutating func learn(fromEpisode episode: EpisodeBuffer<BlackjackObservation, BlackjackAction>) {
            var returnFollowing = 0.0
            let transitions = episode.transitions
            for t in transitions.indices.reversed() {
                returnFollowing += transitions[t].reward  // γ = 1
                let pair = space.index(of: transitions[t].observation) * 2 + (transitions[t].action == .stick ? 0 : 1)
                let seenBefore = transitions[..<t].contains {
                    space.index(of: $0.observation) * 2 + ($0.action == .stick ? 0 : 1) == pair
                }
                if !seenBefore {
                    sums[pair] += returnFollowing
                    counts[pair] += 1
                }
            }
        }
    }

    @Test func theStartsCoverTheBooksTwoHundredStates() {
        let blackjack = Blackjack(sab: true)
        let starts = (0..<blackjack.startStateCount).map(blackjack.startState(at:))
        #expect(Set(starts).count == 200 && starts.allSatisfy { (12...21).contains($0.playerSum) && (1...10).contains($0.dealerCard) })
        var dealt = Blackjack(sab: true)
        for state in starts {
            #expect(dealt.reset(from: state, seed: 3) == state, "\(state)")
        }
    }

    @Test func monteCarloESFindsTheBooksPolicyWhereItsMarginsAreWide() {
        var blackjack = Blackjack(sab: true)
        var agent = MonteCarloES()
        _ = train(exploringStarts: &agent, on: &blackjack, episodes: 300_000, seed: 1)
        func policy(_ sum: Int, _ dealer: Int, ace: Bool) -> BlackjackAction {
            agent.action(for: BlackjackObservation(playerSum: sum, dealerCard: dealer, usableAce: ace), mode: .evaluation)
        }
        // Figure 5.2: stick on 20 and 21 whatever the dealer shows, with or without a usable ace.
        for dealer in 1...10 {
            for sum in 20...21 {
                for ace in [false, true] { #expect(policy(sum, dealer, ace: ace) == .stick, "\(sum) vs \(dealer), ace \(ace)") }
            }
        }
        // No usable ace: hit 12 and 13 against a 7 or 8; stick on 19 against anything.
        for dealer in [7, 8] { for sum in [12, 13] { #expect(policy(sum, dealer, ace: false) == .hit, "\(sum) vs \(dealer)") } }
        for dealer in 1...10 { #expect(policy(19, dealer, ace: false) == .stick, "19 vs \(dealer)") }
        // A usable ace: hit 12 to 15 against a 9 or 10 (the ace cannot bust).
        for dealer in [9, 10] { for sum in 12...15 { #expect(policy(sum, dealer, ace: true) == .hit, "\(sum) vs \(dealer), ace") } }
    }
}
