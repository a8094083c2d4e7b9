import RLCore
import RLPlanning
import Testing

/// Planners choose only among the actions a state allows (``TabularModel/legalActions(in:)``),
/// as the tables do: an illegal action is never planned, however much it would pay.
@Suite struct LegalActionPlanningTests {
    /// Three actions. State 0 allows only 1 and 2 (not a prefix): 1 pays 1 and ends, 2 moves
    /// to state 1 for nothing; action 0 is not allowed and has no outcomes. State 1 allows only
    /// action 0 (a prefix of one), which pays 5 and ends.
    static let gated = TabularModel(
        stateCount: 2, actionCount: 3, initialDistribution: [1, 0],
        legalActions: [LegalActions([1, 2]), .first(1)]
    ) { state, action in
        switch (state, action) {
        case (0, 1): [Outcome(probability: 1, nextState: 0, reward: 1, terminated: true)]
        case (0, 2): [Outcome(probability: 1, nextState: 1, reward: 0, terminated: false)]
        case (1, 0): [Outcome(probability: 1, nextState: 1, reward: 5, terminated: true)]
        default: []  // not allowed: no outcomes
        }
    }

    @Test func theModelSaysWhatEachStateAllowsAndIsStillAModel() throws {
        #expect(Self.gated.legalActions(in: 0).actions(of: 3) == [1, 2])
        #expect(Self.gated.legalActions(in: 1).actions(of: 3) == [0])
        try checkModel(Self.gated)
        // A model without sets allows everything.
        let open = TabularModel(stateCount: 1, actionCount: 2, initialDistribution: [1]) { _, _ in
            [Outcome(probability: 1, nextState: 0, reward: 0, terminated: true)]
        }
        #expect(open.legalActions(in: 0).isAll)
    }

    @Test func anAllowedActionWithoutOutcomesIsNotAModel() {
        let broken = TabularModel(
            stateCount: 1, actionCount: 2, initialDistribution: [1], legalActions: [.all]
        ) { _, action in action == 0 ? [Outcome(probability: 1, nextState: 0, reward: 0, terminated: true)] : [] }
        #expect(throws: ModelCheckFailure.self) { try checkModel(broken) }
    }

    @Test func valueIterationPlansOnlyAllowedActions() {
        // V(1) = 5; in state 0, Q(0, 1) = 1 and Q(0, 2) = 0.9 × 5 = 4.5: action 2.
        let result = valueIteration(Self.gated, discount: 0.9, tolerance: 1e-12)
        #expect(result.converged && result.policy == [2, 0])
        #expect(abs(result.values[0] - 4.5) < 1e-12 && abs(result.values[1] - 5) < 1e-12)
        // With γ = 0.1, action 2 is worth 0.5 < 1: action 1, the lowest allowed, wins.
        let myopic = valueIteration(Self.gated, discount: 0.1, tolerance: 1e-12)
        #expect(myopic.policy == [1, 0] && abs(myopic.values[0] - 1) < 1e-12)
    }

    @Test func policyIterationStartsFromAndKeepsToAllowedActions() {
        let result = policyIteration(Self.gated, discount: 0.9, tolerance: 1e-12)
        #expect(result.policy == [2, 0])
        #expect(abs(result.values[0] - 4.5) < 1e-12 && abs(result.values[1] - 5) < 1e-12)
    }

    @Test func theFiniteHorizonPlanPlansOnlyAllowedActions() {
        // One step left: action 1 (1) beats action 2 (nothing yet); two steps: 2 then 0 earns 5.
        let plan = optimalFiniteHorizonPlan(Self.gated, steps: 2)
        #expect(plan.action(state: 0, remainingSteps: 1) == 1 && plan.action(state: 0, remainingSteps: 2) == 2)
        #expect(plan.action(state: 1, remainingSteps: 1) == 0 && plan.expectedReturn == 5)
    }
}
