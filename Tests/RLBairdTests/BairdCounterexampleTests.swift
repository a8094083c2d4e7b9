import RLBaird
import RLCore
import Testing

/// Baird's counterexample (Figure 11.1): its moves, its model, and the book's features.
@Suite struct BairdCounterexampleTests {
    @Test func solidGoesDownAndDashedGoesUp() {
        var world = BairdCounterexample()
        _ = world.reset(seed: 2)
        var upper = Set<Int>()
        for _ in 0..<600 {
            let step = world.step(.dashed)
            #expect(step.observation < 6 && step.reward == 0 && !step.isLast)
            upper.insert(step.observation)
        }
        #expect(upper == Set(0..<6))
        #expect(world.step(.solid).observation == BairdCounterexample.lower)
    }

    @Test func itKeepsTheContractAndItsModel() throws {
        try checkEnvironment(TimeLimit(BairdCounterexample(), maxSteps: 50), seed: 3)
        try checkModel(of: BairdCounterexample(), seed: 3, episodes: 5, maxSteps: 200)
    }

    /// Figure 11.1 (p. 261, from memory): v̂ = 2w_i + w₈ in upper state i, w₇ + 2w₈ in the lower one.
    @Test func theFeaturesAreTheBooks() {
        let w: [Double] = [3, 5, 7, 11, 13, 17, 19, 23]
        func value(_ state: Int) -> Double { zip(BairdCounterexample.features[state], w).map(*).reduce(0, +) }
        for i in 0..<6 { #expect(value(i) == 2 * w[i] + w[7]) }
        #expect(value(6) == w[6] + 2 * w[7])
        #expect(BairdCounterexample.initialWeights == [1, 1, 1, 1, 1, 1, 10, 1])
    }

    @Test func theBehaviourTakesSolidOneTimeInSeven() {
        var behaviour = BairdBehaviour(seed: 4)
        let steps = 70_000
        let solid = (0..<steps).count { _ in behaviour.action(for: 0) == .solid }
        #expect(abs(Double(solid) / Double(steps) - 1.0 / 7) < 0.005)
        #expect(BairdCounterexample.importanceRatio(.solid) == 7 && BairdCounterexample.importanceRatio(.dashed) == 0)
    }
}
