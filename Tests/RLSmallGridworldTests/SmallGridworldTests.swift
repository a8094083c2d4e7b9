import RLCore
import RLPlanning
import RLSmallGridworld
import Testing

/// The 4 × 4 gridworld of Example 4.1.
@Suite struct SmallGridworldTests {
    @Test func theModelIsAModelThatStartsOffTheCorners() throws {
        try checkModel(SmallGridworld.model)
        #expect(SmallGridworld.model.initialDistribution[0] == 0 && SmallGridworld.model.initialDistribution[15] == 0)
        #expect(SmallGridworld.model.initialDistribution[5] == 1.0 / 14)
        // A move off the grid stays; into a corner ends the episode.
        #expect(SmallGridworld.next(from: 3, .up) == 3 && SmallGridworld.next(from: 3, .right) == 3)
        let last = try #require(SmallGridworld.model.outcomes(from: 11, taking: SmallGridworld.Move.down.rawValue).first)
        #expect(last.nextState == 15 && last.terminated && last.reward == -1)
    }

    /// Figure 4.1's v_π of the equiprobable policy (the book's bottom-left grid): 0, −14, −20, −22 along the top row.
    @Test func theEquiprobablePolicyHasTheBooksValues() {
        var values = Array(repeating: 0.0, count: 16)
        for _ in 0..<1000 {
            values = (0..<16).map { state in
                (0..<4).map { SmallGridworld.model.actionValue(state: state, action: $0, values: values, discount: 1) }.reduce(0, +) / 4
            }
        }
        #expect(values.prefix(4).map { $0.rounded() } == [0, -14, -20, -22])
        #expect(values[15] == 0 && values[12].rounded() == -22)
    }

    /// The optimal policy walks to the nearer corner: the farthest cells are 3 moves away.
    @Test func valueIterationFindsTheShortestWalks() {
        let plan = optimalFiniteHorizonPlan(SmallGridworld.model, steps: 10)
        #expect(plan.values[3] == -3 && plan.values[1] == -1 && plan.values[5] == -2)
    }
}
