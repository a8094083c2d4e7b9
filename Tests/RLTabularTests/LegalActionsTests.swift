import RLCore
import Testing

@testable import RLTabular

/// Legal actions are a set, not a prefix: a state may allow actions 1 and 3 of 4.
@Suite struct LegalActionsTests {
    /// Two states; the first allows actions 1 and 3 only, the second all four.
    struct Board: FiniteSpace {
        var count: Int { 2 }
        var shape: [Int] { [2] }
        func index(of element: Int) -> Int { element }
        func element(at index: Int) -> Int { index }
        func contains(_ element: Int) -> Bool { (0..<2).contains(element) }
        func legalActions(inState index: Int) -> LegalActions { index == 0 ? LegalActions([1, 3]) : .all }
    }

    @Test func aSetCountsFindsAndNumbersItsActions() {
        let set = LegalActions([3, 1, 6])
        #expect(set.count(of: 8) == 3 && set.count(of: 4) == 2 && LegalActions.all.count(of: 5) == 5)
        #expect(set.action(at: 0) == 1 && set.action(at: 1) == 3 && set.action(at: 2) == 6)
        #expect(set.contains(3) && !set.contains(2) && !set.contains(64) && set.actions(of: 8) == [1, 3, 6])
        #expect(LegalActions.first(3) == LegalActions([0, 1, 2]))
    }

    /// The batch (Gymnasium's adapter) steps an action a state does not allow as the nearest one
    /// it does: below or above, the lower on a tie, an allowed action as itself.
    @Test func theNearestAllowedActionIsFoundOnEitherSide() {
        let set = LegalActions([3, 1, 6])
        #expect([0, 1, 2, 3, 4, 5, 6, 7, 63].map(set.nearest(to:)) == [1, 1, 1, 3, 3, 6, 6, 6, 6])
        #expect(set.nearest(to: -4) == 1 && set.nearest(to: 200) == 6)
        #expect(LegalActions([63]).nearest(to: 0) == 63 && LegalActions([0]).nearest(to: 63) == 0)
        #expect(LegalActions.all.nearest(to: 9) == 9)
    }

    @Test func theTableChoosesOnlyAmongTheAllowedActions() {
        var table = QTable(observationSpace: Board(), actionSpace: Discrete(4))
        // Action 0 has the best value but is not allowed in state 0.
        for (action, value) in [(0, 9.0), (1, 2.0), (2, 8.0), (3, 5.0)] { table.move(state: 0, action: action, towards: value, rate: 1) }
        var generator = Xoshiro256StarStar(seed: 1)
        #expect(table.maxValue(in: 0) == 5 && table.greedyActions(in: 0) == [3] && table.legalActionCount(in: 0) == 2)
        #expect(table.greedyAction(in: 0, using: &generator) == 3)
        table.move(state: 1, action: 0, towards: 9, rate: 1)
        #expect(table.maxValue(in: 1) == 9 && table.greedyAction(in: 1, using: &generator) == 0)
        // Exploring draws uniformly among 1 and 3, never 0 or 2.
        let draws = (0..<400).map { _ in table.epsilonGreedyAction(in: 0, epsilon: 1, exploring: true, using: &generator) }
        #expect(Set(draws) == [1, 3] && draws.filter { $0 == 1 }.count > 150)
        // The ε-greedy expectation averages the allowed values: 0.9 · 5 + 0.1 · (2 + 5) / 2.
        #expect(abs(table.epsilonGreedyExpectation(in: 0, of: Board(), epsilon: 0.1) - (0.9 * 5 + 0.1 * 3.5)) < 1e-12)
        // Ties among allowed actions are broken among them only.
        var tied = QTable(observationSpace: Board(), actionSpace: Discrete(4))
        tied.move(state: 0, action: 0, towards: 1, rate: 1)
        let picks = (0..<200).map { _ in tied.greedyAction(in: 0, of: Board(), using: &generator) }
        #expect(Set(picks) == [1, 3])
    }
}
