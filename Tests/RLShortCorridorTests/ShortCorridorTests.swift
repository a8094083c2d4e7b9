import RLCore
import RLShortCorridor
import Testing

/// Example 13.1's corridor: its moves, its model, and the best a state-blind policy can do,
/// found from the model and compared with the closed form and the book's numbers.
@Suite struct ShortCorridorTests {
    @Test func theSecondStateSwitchesTheMoves() {
        var corridor = ShortCorridor()
        #expect(corridor.reset(seed: 1) == 0)
        #expect(corridor.step(.left).observation == 0)  // the left wall
        #expect(corridor.step(.right).observation == 1)
        #expect(corridor.step(.right).observation == 0)  // switched: right goes left
        _ = corridor.step(.right)
        #expect(corridor.step(.left).observation == 2)  // switched: left goes right
        #expect(corridor.step(.left).observation == 1)
        _ = corridor.step(.left)
        let last = corridor.step(.right)
        #expect(last.observation == ShortCorridor.goal && last.terminated && last.reward == -1)
    }

    @Test func itKeepsTheContractAndItsModel() throws {
        try checkEnvironment(ShortCorridor(), seed: 3)
        try checkModel(of: ShortCorridor(), seed: 3)
    }

    /// v(s₀) of "right with probability p in every state", by sweeping the model's Bellman
    /// equations to a fixed point (the closed form is not used).
    func startValueFromTheModel(_ p: Double) -> Double {
        let model = ShortCorridor().model
        var values = Array(repeating: 0.0, count: model.stateCount)
        for _ in 0..<200_000 {
            var change = 0.0
            for state in 0..<ShortCorridor.states {
                var value = 0.0
                for (action, probability) in [(0, 1 - p), (1, p)] {
                    for outcome in model.outcomes(from: state, taking: action) {
                        value +=
                            probability * outcome.probability
                            * (outcome.reward + (outcome.terminated ? 0 : values[outcome.nextState]))
                    }
                }
                change = max(change, abs(value - values[state]))
                values[state] = value
            }
            if change < 1e-12 { break }
        }
        return values[0]
    }

    @Test func theClosedFormIsTheModelsValue() {
        for p in [0.05, 0.3, 0.5, 0.59, 0.8, 0.95] {
            #expect(abs(startValueFromTheModel(p) - ShortCorridor.startValue(rightProbability: p)) < 1e-8)
        }
        #expect(ShortCorridor.startValue(rightProbability: 0.5) == -12)
    }

    /// Example 13.1 (text, p. 323, from memory): the best probability of right is "about 0.59",
    /// worth "about −11.6"; found here by a golden-section search over the model's values.
    @Test func theBestProbabilityIsAbout059WorthAboutMinus116() {
        var low = 0.01, high = 0.99
        let ratio = (5.0.squareRoot() - 1) / 2
        while high - low > 1e-9 {
            let left = high - ratio * (high - low), right = low + ratio * (high - low)
            if startValueFromTheModel(left) < startValueFromTheModel(right) { low = left } else { high = right }
        }
        let best = (low + high) / 2
        #expect(abs(best - ShortCorridor.bestRightProbability) < 1e-6)
        #expect(abs(startValueFromTheModel(best) - ShortCorridor.bestStartValue) < 1e-9)
        #expect(abs(best - 0.59) < 0.005)
        #expect(abs(ShortCorridor.bestStartValue - -11.6) < 0.06)
        #expect(abs(ShortCorridor.bestStartValue - -11.656854249492381) < 1e-12)
    }

    /// Example 13.1 (text, p. 323, from memory): the ε-greedy policies, ε = 0.1, are worth
    /// "less than −44 and −82": right with probability 0.95 or 0.05 everywhere.
    @Test func epsilonGreedyPoliciesAreWorthMinus44AndMinus82() {
        let right = startValueFromTheModel(0.95), left = startValueFromTheModel(0.05)
        #expect(right < -44 && right > -45)
        #expect(left < -82 && left > -83)
    }
}
