import GymnasiumFixtures
import RLCore
import RLFrozenLake
import RLPlanning
import RLTaxi
import Testing

/// Small models whose answers are known by hand.
enum HandMade {
    /// State 0: action 0 takes 1 and ends; action 1 takes nothing and moves to state 1, where
    /// either action takes 10 and ends.
    static let detour = TabularModel(stateCount: 2, actionCount: 2, initialDistribution: [1, 0]) { state, action in
        if state == 1 { return [Outcome(probability: 1, nextState: 1, reward: 10, terminated: true)] }
        return action == 0
            ? [Outcome(probability: 1, nextState: 0, reward: 1, terminated: true)]
            : [Outcome(probability: 1, nextState: 1, reward: 0, terminated: false)]
    }

    /// One state, one action: 1 a step, forever.
    static let treadmill = TabularModel(stateCount: 1, actionCount: 1, initialDistribution: [1]) { _, _ in
        [Outcome(probability: 1, nextState: 0, reward: 1, terminated: false)]
    }

    /// A fair coin, listed as Gymnasium would list it with two identical tails: heads (1/2)
    /// pays 1 and ends, tails (1/4 + 1/4) pays nothing and flips again.
    static let coin = TabularModel(stateCount: 1, actionCount: 1, initialDistribution: [1]) { _, _ in
        [
            Outcome(probability: 0.25, nextState: 0, reward: 0, terminated: false),
            Outcome(probability: 0.5, nextState: 0, reward: 1, terminated: true),
            Outcome(probability: 0.25, nextState: 0, reward: 0, terminated: false),
        ]
    }
}

@Suite struct HandMadePlanningTests {
    @Test func valueIterationFindsTheDetour() {
        let result = valueIteration(HandMade.detour, discount: 0.9, tolerance: 1e-12)
        #expect(result.converged)
        #expect(abs(result.values[1] - 10) < 1e-12 && abs(result.values[0] - 9) < 1e-12)
        #expect(result.policy == [1, 0])
        // Heavily discounted, the sure 1 now beats the 10 a step later.
        #expect(valueIteration(HandMade.detour, discount: 0.05).policy == [0, 0])
    }

    @Test func policyIterationAgreesWithValueIteration() {
        for discount in [0.05, 0.9, 1] {
            let byValues = valueIteration(HandMade.detour, discount: discount)
            let byPolicies = policyIteration(HandMade.detour, discount: discount)
            #expect(byPolicies.converged && byPolicies.policy == byValues.policy)
            for (a, b) in zip(byPolicies.values, byValues.values) { #expect(abs(a - b) < 1e-9) }
        }
    }

    @Test func aDiscountedTreadmillIsAGeometricSeries() {
        let result = valueIteration(HandMade.treadmill, discount: 0.5, tolerance: 1e-13)
        #expect(abs(result.values[0] - 2) < 1e-12)
        let evaluation = evaluatePolicy([0], in: HandMade.treadmill, discount: 1, maxSweeps: 50)
        #expect(!evaluation.converged && evaluation.values[0] == 50)
        #expect(finiteHorizonReturn(of: [0], in: HandMade.treadmill, steps: 37) == 37)
    }

    @Test func duplicateOutcomesAddUp() {
        // Undiscounted, the coin pays 1 for sure eventually; within k flips, 1 − 2⁻ᵏ.
        #expect(abs(evaluatePolicy([0], in: HandMade.coin, discount: 1, tolerance: 1e-15).values[0] - 1) < 1e-12)
        for steps in 0...10 {
            let expected = 1 - 1 / Double(1 << steps)
            #expect(abs(finiteHorizonReturn(of: [0], in: HandMade.coin, steps: steps) - expected) < 1e-15)
        }
    }

    @Test func theBestActionDependsOnTheStepsLeft() {
        let one = optimalFiniteHorizonPlan(HandMade.detour, steps: 1)
        #expect(one.expectedReturn == 1 && one.action(state: 0, remainingSteps: 1) == 0)
        let two = optimalFiniteHorizonPlan(HandMade.detour, steps: 2)
        #expect(two.expectedReturn == 10)
        #expect(two.action(state: 0, remainingSteps: 2) == 1 && two.action(state: 0, remainingSteps: 1) == 0)
        #expect(finiteHorizonReturn(of: [1, 0], in: HandMade.detour, steps: 1) == 0, "the detour needs two steps")
        #expect(optimalFiniteHorizonPlan(HandMade.detour, steps: 0).expectedReturn == 0)
    }

    /// The sweeps stop at a fixed point, with the same values and a plan for every step left;
    /// on the treadmill, which never ends, every sweep changes the values and all are made.
    @Test func aFixedPointEndsTheSweepsWithTheSameResult() {
        let long = optimalFiniteHorizonPlan(HandMade.detour, steps: 1_000_000)
        #expect(long.expectedReturn == 10 && long.actions.count == 1_000_000)
        #expect(long.action(state: 0, remainingSteps: 1_000_000) == 1 && long.action(state: 0, remainingSteps: 1) == 0)
        #expect(finiteHorizonReturn(of: [1, 0], in: HandMade.detour, steps: 1_000_000) == 10)
        #expect(finiteHorizonValues(ofChoices: [[(1, 0.5), (0, 0.5)], [(0, 1)]], in: HandMade.detour, steps: 1_000_000)[0] == 5.5)
        #expect(finiteHorizonReturn(of: [0], in: HandMade.treadmill, steps: 1000) == 1000)
        #expect(optimalFiniteHorizonPlan(HandMade.treadmill, steps: 1000).expectedReturn == 1000)
    }
}

@Suite struct GymnasiumPlanningTests {
    func model(for plan: GoldenPlanning.Plan) -> TabularModel {
        switch plan.name {
        case "frozenlake-4x4": FrozenLake(map: .fourByFour).model
        case "frozenlake-8x8": FrozenLake(map: .eightByEight).model
        default: Taxi().model
        }
    }

    @Test(arguments: ["frozenlake-4x4", "frozenlake-8x8", "taxi"])
    func plannersAgreeWithNumPy(name: String) throws {
        let golden: GoldenPlanning = try loadFixture("planning")
        let plan = try #require(golden.plans.first { $0.name == name })
        let model = model(for: plan)
        for result in [
            valueIteration(model, discount: plan.discount, tolerance: 1e-12),
            policyIteration(model, discount: plan.discount, tolerance: 1e-12),
        ] {
            #expect(result.converged)
            let worst = zip(result.values, plan.values).map { abs($0 - $1) }.max()!
            #expect(worst < 1e-8, "largest value difference \(worst)")
            // Where several actions are equally good, any of them will do.
            for state in 0..<model.stateCount {
                let values = plan.actionValues[state]
                #expect(values[result.policy[state]] >= values.max()! - 1e-9, "state \(state)")
            }
        }
        let steps = plan.steps
        #expect(abs(finiteHorizonReturn(of: plan.greedyPolicy, in: model, steps: steps) - plan.greedyPolicyReturn) < 1e-12)
        #expect(
            abs(finiteHorizonReturn(of: Array(repeating: 0, count: model.stateCount), in: model, steps: steps) - plan.actionZeroReturn)
                < 1e-12)
        #expect(abs(optimalFiniteHorizonPlan(model, steps: steps).expectedReturn - plan.optimalReturn) < 1e-12)
    }

    @Test func frozenLakeFourByFourFigures() throws {
        // Gymnasium's registry notes "optimum = 0.74" for FrozenLake-v1 within its 100 steps.
        let plan = optimalFiniteHorizonPlan(FrozenLake().model, steps: FrozenLake.stepCapFourByFour)
        #expect(abs(plan.expectedReturn - 0.7442) < 1e-4)
    }
}
