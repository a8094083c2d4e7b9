import RLCore
import RLPlanning
import RLTabular
import Testing

@testable import RLBlackjack

/// Monte Carlo ES on Blackjack (Sutton & Barto, 2nd ed., Example 5.3, Figure 5.2): exploring
/// starts over the 200 states, first-visit averages of the return, greedy improvement. The
/// policy it finds agrees with the book's π* wherever the book's margins are wide.
@Suite struct MonteCarloExploringStartsTests {
    typealias MonteCarloES = MonteCarloESAgent<BlackjackSpace, BlackjackActionSpace>

    static func agent() -> MonteCarloES {
        MonteCarloESAgent(states: BlackjackSpace(), actions: BlackjackActionSpace(), initialPolicy: SticksOnTwentyOrTwentyOne.action(for:))
    }

    /// One finished episode of (state, action, reward) steps.
    static func episode(_ steps: [(BlackjackObservation, BlackjackAction, Double)]) -> EpisodeBuffer<BlackjackObservation, BlackjackAction>
    {
        var buffer = EpisodeBuffer<BlackjackObservation, BlackjackAction>()
        for (t, step) in steps.enumerated() {
            let next = t + 1 < steps.count ? steps[t + 1].0 : step.0
            buffer.append(
                Transition(
                    observation: step.0, action: step.1, reward: step.2, nextObservation: next, terminated: t == steps.count - 1,
                    truncated: false))
        }
        return buffer
    }

    @Test func monteCarloESIsTheBoxOnPage99() {
        var agent = Self.agent()
        let thirteen = BlackjackObservation(playerSum: 13, dealerCard: 5, usableAce: false)
        let eighteen = BlackjackObservation(playerSum: 18, dealerCard: 5, usableAce: false)
        // π0 sticks only on 20 or 21.
        #expect(agent.action(for: eighteen, mode: .training) == .hit)
        // 13, hit, 0; 18, stick, +1: both first visits get G = 1. Q(18, stick) = 1 > Q(18, hit) = 0.
        agent.learn(fromEpisode: Self.episode([(thirteen, .hit, 0), (eighteen, .stick, 1)]))
        #expect(agent.value(of: thirteen, .hit) == 1 && agent.value(of: eighteen, .stick) == 1)
        #expect(agent.action(for: thirteen, mode: .evaluation) == .hit && agent.action(for: eighteen, mode: .evaluation) == .stick)
        // 18, stick, −1: Q(18, stick) = 0, tied with Q(18, hit) = 0: π keeps stick.
        agent.learn(fromEpisode: Self.episode([(eighteen, .stick, -1)]))
        #expect(agent.value(of: eighteen, .stick) == 0 && agent.action(for: eighteen, mode: .evaluation) == .stick)
        // Again: Q(18, stick) = −1/3 < 0: π(18) = hit.
        agent.learn(fromEpisode: Self.episode([(eighteen, .stick, -1)]))
        #expect(abs(agent.value(of: eighteen, .stick) + 1.0 / 3) < 1e-15 && agent.action(for: eighteen, mode: .evaluation) == .hit)
        // A pair seen twice in one episode counts its first visit only: 13 hit 0, 13 hit 0, bust −1.
        var twice = Self.agent()
        twice.learn(fromEpisode: Self.episode([(thirteen, .hit, 0), (thirteen, .hit, -1)]))
        #expect(twice.visits[BlackjackSpace().index(of: thirteen) * 2 + 1] == 1 && twice.value(of: thirteen, .hit) == -1)
    }

    @Test func valueIterationFindsFigureFivePointTwosPolicy() {
        // Figure 5.2 (p. 100): the smallest sum π* sticks on, against A, 2, ..., 10.
        let sticksFrom: [Bool: [Int]] = [true: [19, 18, 18, 18, 18, 18, 18, 18, 19, 19], false: [17, 13, 13, 12, 12, 12, 17, 17, 17, 17]]
        let model = BlackjackModel.plainRules(), space = BlackjackSpace()
        let values = valueIteration(model, discount: 1, tolerance: 1e-12).values
        for (ace, thresholds) in sticksFrom {
            for dealer in 1...10 {
                for sum in 12...21 {
                    let state = space.index(of: BlackjackObservation(playerSum: sum, dealerCard: dealer, usableAce: ace))
                    let stick = model.actionValue(state: state, action: BlackjackAction.stick.rawValue, values: values, discount: 1)
                    let hit = model.actionValue(state: state, action: BlackjackAction.hit.rawValue, values: values, discount: 1)
                    #expect((stick >= hit) == (sum >= thresholds[dealer - 1]), "\(sum) against \(dealer), usable ace \(ace)")
                }
            }
        }
    }

    @Test func examplePointFoursStateIsWorthTheBooksValue() {
        // Example 5.4 (p. 106): the dealer shows a deuce, the player has 13 with a usable ace; the
        // policy that sticks only on 20 or 21 is worth −0.27726 there (no natural can follow).
        // The book's number averages 100,000,000 episodes (a standard error of about 0.0001); the
        // model gives −0.277204.
        let model = BlackjackModel.plainRules(), space = BlackjackSpace()
        let policy = (0..<space.count).map { SticksOnTwentyOrTwentyOne.action(for: space.element(at: $0)).rawValue }
        let values = evaluatePolicy(policy, in: model, discount: 1, tolerance: 1e-13).values
        let state = space.index(of: BlackjackObservation(playerSum: 13, dealerCard: 2, usableAce: true))
        #expect(abs(values[state] - -0.27726) < 1e-4, "\(values[state])")
        #expect(abs(values[state] - -0.277204) < 1e-6, "\(values[state])")
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
        var agent = Self.agent()
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
