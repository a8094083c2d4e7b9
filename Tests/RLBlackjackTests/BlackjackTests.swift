import GymnasiumFixtures
import RLCore
import Testing

@testable import RLBlackjack

@Suite struct BlackjackTests {
    @Test func replayedCardsGiveGymnasiumsEpisodes() throws {
        let golden: GoldenBlackjack = try loadFixture("blackjack")
        #expect(golden.versions["gymnasium"] == "1.4.0")
        #expect(golden.episodes.count > 1_000)
        func observation(_ fields: [Int]) -> BlackjackObservation {
            BlackjackObservation(playerSum: fields[0], dealerCard: fields[1], usableAce: fields[2] == 1)
        }
        var mismatches = 0
        for (number, episode) in golden.episodes.enumerated() {
            var game = Blackjack(natural: episode.natural, sab: episode.sab, cards: ReplayedCards(episode.cards))
            var same = game.reset(seed: 0) == observation(episode.observations[0])
            for (index, action) in episode.actions.enumerated() {
                let step = game.step(BlackjackAction(rawValue: action)!)
                same =
                    same && step.observation == observation(episode.observations[index + 1])
                    && step.reward == episode.rewards[index] && step.terminated == episode.terminated[index] && !step.truncated
            }
            same = same && game.cards.drawn == episode.cards.count
            if !same {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record(
                        "episode \(number) (natural \(episode.natural), sab \(episode.sab), cards \(episode.cards)) differs from Gymnasium")
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func countersFollowTheFinalReward() {
        // Dealer 10, 7; player ace, ten (a natural): a win, paid 1.5 with `natural`.
        var game = Blackjack(natural: true, cards: ReplayedCards([10, 7, 1, 10, 10, 10, 9, 9, 10, 10, 8, 9, 10, 10, 7, 7, 5, 2]))
        _ = game.reset(seed: nil)
        #expect(game.step(.stick).reward == 1.5)
        #expect(
            game.counters
                == {
                    var c = BlackjackCounters(); c.wins = 1; return c
                }())
        _ = game.reset(seed: nil)  // dealer 10, 10; player 9, 9: sticks on 18 against 20
        #expect(game.step(.stick).reward == -1 && game.counters.losses == 1 && game.counters.wins == 0)
        _ = game.reset(seed: nil)  // dealer 10, 10; player 8, 9: hits a 10 and busts
        #expect(game.step(.hit).reward == -1 && game.counters.losses == 1)
        _ = game.reset(seed: nil)  // dealer 10, 7; player 7, 5: hits a 2, 14, and plays on
        let hit = game.step(.hit)
        #expect(hit.reward == 0 && !hit.terminated)
        #expect(game.counters == BlackjackCounters())
    }

    @Test func observationsAreNumberedAsGymnasiumsTuple() {
        let space = BlackjackSpace()
        #expect(space.count == 704 && space.shape == [32, 11, 2])
        let observation = BlackjackObservation(playerSum: 14, dealerCard: 10, usableAce: true)
        #expect(space.index(of: observation) == (14 * 11 + 10) * 2 + 1)
        for index in 0..<space.count { #expect(space.index(of: space.element(at: index)) == index) }
        #expect(BlackjackAction.stick.rawValue == 0 && BlackjackAction.hit.rawValue == 1)
    }

    @Test func theInfiniteDeckDealsTensFourTimesAsOftenAsAces() {
        var deck = InfiniteDeck(seed: 5)
        var counts = Array(repeating: 0, count: 11)
        let draws = 130_000
        for _ in 0..<draws { counts[deck.nextCard()] += 1 }
        #expect(abs(Double(counts[10]) / Double(draws) - 4.0 / 13.0) < 0.005)
        for card in 1...9 { #expect(abs(Double(counts[card]) / Double(draws) - 1.0 / 13.0) < 0.004) }
    }

    @Test func theWorldKeepsItsContract() throws {
        try checkEnvironment(Blackjack(sab: true, seed: 1))
        var game = Blackjack(seed: 1)
        let first = game.reset(seed: 42)
        var again = Blackjack(seed: 99)
        #expect(again.reset(seed: 42) == first)
    }
}
