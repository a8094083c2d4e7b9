import RLCore
import RLInfiniteVariance
import RLPlanning
import RLPrediction
import Testing

/// Example 5.5's one-state loop: its dynamics, its model, and v_π(s) = 1 for "always left".
@Suite struct OneStateLoopTests {
    @Test func rightEndsAndLeftEndsOneTimeInTen() {
        var loop = OneStateLoop(seed: 5)
        #expect(loop.reset(seed: 5) == 0)
        let right = loop.step(.right)
        #expect(right.terminated && right.reward == 0)
        var ends = 0, steps = 100_000
        for _ in 0..<steps {
            let step = loop.step(.left)
            #expect(step.terminated == (step.reward == 1) && step.observation == 0)
            if step.terminated { ends += 1 }
        }
        #expect(abs(Double(ends) / Double(steps) - 0.1) < 0.005)
    }

    @Test func theModelIsAModelAndAlwaysLeftIsWorthOne() throws {
        let loop = OneStateLoop()
        try checkModel(loop.model)
        let values = evaluatePolicy([OneStateLoop.Move.left.rawValue], in: loop.model, discount: 1, tolerance: 1e-13).values
        #expect(abs(values[0] - 1) < 1e-10)
        #expect(evaluatePolicy([OneStateLoop.Move.right.rawValue], in: loop.model, discount: 1).values == [0])
    }

    @Test func weightedImportanceSamplingIsExactlyOneAfterTheFirstLeftEnding() {
        var loop = OneStateLoop()
        var behaviour = EquiprobableLoop(seed: 9)
        var estimator = OffPolicyMonteCarlo<Discrete, OneStateLoop.Move>(space: Discrete(1), sampling: .weighted) { _, action in
            action == .left ? 2 : 0
        }
        var seen = false
        predict(&estimator, following: &behaviour, on: &loop, episodes: 2000, seed: 9) { _, learned in
            let value = learned.value(of: 0)
            if value != 0 { seen = true }
            #expect(value == (seen ? 1 : 0))
        }
        #expect(seen)
    }
}
