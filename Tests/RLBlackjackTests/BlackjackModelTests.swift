import RLCore
import RLPlanning
import Testing

@testable import RLBlackjack

/// The plain rules' model against the world it describes: every step the world takes is one
/// the model lists, and the exact returns it gives two policies agree with the mean of many
/// sampled games of the world itself.
@Suite struct BlackjackModelTests {
    /// The plain-rules world, publishing the model for ``checkModel(of:seed:episodes:maxSteps:)``.
    struct PlainBlackjack: ModelledEnvironment {
        var game = Blackjack(natural: false, sab: false, seed: 7)
        let model = BlackjackModel.plainRules()
        var observationSpace: BlackjackSpace { game.observationSpace }
        var actionSpace: BlackjackActionSpace { game.actionSpace }
        var counters: BlackjackCounters { game.counters }
        mutating func reset(seed: UInt64?) -> BlackjackObservation { game.reset(seed: seed) }
        mutating func step(_ action: BlackjackAction) -> Step<BlackjackObservation> { game.step(action) }
    }

    @Test func everyStepTheWorldTakesIsListedAndEveryListSumsToOne() throws {
        try checkModel(of: PlainBlackjack(), seed: 3, episodes: 20_000, maxSteps: 30)
    }

    /// The dealer's finals from a showing 6 are a textbook figure: it busts 42.3% of the time
    /// (infinite deck, standing on soft 17).
    @Test func theDealerBustsFromASixAsTheTablesSay() {
        let finals = BlackjackModel.dealerFinalTotals(showing: 6)
        #expect(abs(finals.values.reduce(0, +) - 1) < 1e-12)
        #expect(abs(finals[22]! - 0.4228) < 0.0005, "\(finals)")
    }

    /// The mean return of `games` sampled games of `policy` and its standard error.
    func sampledReturn(of policy: [Int], games: Int) -> (mean: Double, standardError: Double) {
        var world = Blackjack(natural: false, sab: false, seed: 11)
        let space = world.observationSpace
        var total = 0.0, squares = 0.0
        for game in 0..<games {
            var observation = world.reset(seed: game == 0 ? 11 : nil)
            var gameReturn = 0.0
            while true {
                let step = world.step(BlackjackAction(rawValue: policy[space.index(of: observation)])!)
                gameReturn += step.reward
                observation = step.observation
                if step.terminated { break }
            }
            total += gameReturn
            squares += gameReturn * gameReturn
        }
        let mean = total / Double(games)
        return (mean, ((squares / Double(games) - mean * mean) / Double(games)).squareRoot())
    }

    @Test func exactReturnsAgreeWithSampledGames() {
        let model = BlackjackModel.plainRules()
        let space = BlackjackSpace()
        // Sutton & Barto's Figure 5.1 policy: stick on 20 or 21, hit otherwise.
        let sticksOnTwenty = (0..<space.count).map { space.element(at: $0).playerSum >= 20 ? 0 : 1 }
        let optimal = valueIteration(model, discount: 1).policy
        for policy in [sticksOnTwenty, optimal] {
            let exact = finiteHorizonReturn(of: policy, in: model, steps: 100)
            let sampled = sampledReturn(of: policy, games: 300_000)
            #expect(abs(exact - sampled.mean) < 4 * sampled.standardError, "exact \(exact), sampled \(sampled)")
        }
        // The optimal policy is better than sticking on 20, and loses a few cents a game.
        let best = finiteHorizonReturn(of: optimal, in: model, steps: 100)
        #expect(best > finiteHorizonReturn(of: sticksOnTwenty, in: model, steps: 100))
        #expect(best > -0.06 && best < -0.03, "\(best)")
    }
}
