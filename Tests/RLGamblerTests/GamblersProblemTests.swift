import RLCore
import RLGambler
import RLPlanning
import Testing

/// The gambler's problem (Example 4.3) as a model, and value iteration's sweeps over it.
@Suite struct GamblersProblemTests {
    @Test func theModelIsTheBooks() throws {
        let model = GamblersProblem.model()
        try checkModel(model)
        #expect(model.stateCount == 101 && model.actionCount == 50)
        // Capital 30 may stake 1…30; capital 70 1…30 (no more than the goal needs).
        #expect(model.legalActions(in: 30) == .first(30) && model.legalActions(in: 70) == .first(30))
        // Staking 20 of 80: heads reaches the goal (+1, the end), tails leaves 60.
        let outcomes = Array(model.outcomes(from: 80, taking: 19))
        #expect(
            outcomes == [
                Outcome(probability: 0.4, nextState: 100, reward: 1, terminated: true),
                Outcome(probability: 0.6, nextState: 60, reward: 0, terminated: false),
            ])
    }

    @Test func valueIterationShowsEachSweepAndFindsTheBooksValues() {
        var first: [Double] = []
        var sweepsSeen = 0
        let result = valueIteration(GamblersProblem.model(), discount: 1, tolerance: 1e-12) { sweep, values in
            if sweep == 1 { first = values }
            sweepsSeen = sweep
        }
        #expect(result.converged && sweepsSeen == result.iterations)
        // After one in-place sweep, capital 50 already sees the bet of everything: 0.4.
        #expect(abs(first[50] - 0.4) < 1e-12 && abs(result.values[50] - 0.4) < 1e-12)
        // The values grow with capital, from about 0 to about 1.
        #expect(zip(result.values[1..<99], result.values[2..<100]).allSatisfy { $0 <= $1 + 1e-12 })
        #expect(result.values[99] > 0.9 && result.values[1] < 0.01)
    }
}
