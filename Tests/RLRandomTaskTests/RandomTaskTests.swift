import RLCore
import RLPlanning
import RLRandomTask
import Testing

/// §8.6's random tasks, and the expected-update planning of Figure 8.8 on them, worked by hand.
@Suite struct RandomTaskTests {
    @Test func aTaskIsTheBooksAndKeepsItsModel() throws {
        let task = RandomTask(states: 50, branches: 3, seed: 4)
        try checkModel(of: task, seed: 1, episodes: 200)
        // Each pair: 3 branches of 0.9/3 to drawn states, then the 0.1 ending with reward 0.
        for state in 0..<50 {
            for action in 0..<2 {
                let outcomes = Array(task.model.outcomes(from: state, taking: action))
                #expect(outcomes.count == 4)
                #expect(outcomes.prefix(3).allSatisfy { abs($0.probability - 0.3) < 1e-15 && !$0.terminated })
                #expect(outcomes[3] == Outcome(probability: 0.1, nextState: state, reward: 0, terminated: true))
            }
        }
        // The same seed, the same task; another seed, another.
        #expect(RandomTask(states: 50, branches: 3, seed: 4).model == task.model)
        #expect(RandomTask(states: 50, branches: 3, seed: 5).model != task.model)
    }

    @Test func theRewardsAreStandardNormalAndEpisodesEndOneStepInTen() {
        let task = RandomTask(states: 2000, branches: 3, seed: 9)
        let rewards = (0..<2000).flatMap { state in
            (0..<2).flatMap { action in task.model.outcomes(from: state, taking: action).dropLast().map(\.reward) }
        }
        let mean = rewards.reduce(0, +) / Double(rewards.count)
        let variance = rewards.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(rewards.count)
        // 12,000 draws: the mean within 4 standard errors (0.037), the variance within 0.05.
        #expect(abs(mean) < 0.037 && abs(variance - 1) < 0.05)
        var world = task
        var steps = 0, episodes = 0
        _ = world.reset(seed: 3)
        while episodes < 2000 {
            steps += 1
            if world.step(steps % 2).terminated {
                episodes += 1
                _ = world.reset()
            }
        }
        // Episodes of geometric length, mean 10 (standard deviation 9.5, over 2000: ± 0.64 at 3 errors).
        #expect(abs(Double(steps) / Double(episodes) - 10) < 0.64)
    }

    @Test func anExpectedUpdateIsTheBooksByHand() {
        let task = RandomTask(states: 5, branches: 2, seed: 2)
        var planner = ExpectedUpdatePlanner(model: task.model)
        let outcomes = Array(task.model.outcomes(from: 0, taking: 1))
        // Q = 0: Q(0, 1) ← 0.45 (r₁ + 0) + 0.45 (r₂ + 0) + 0.1 × 0.
        planner.update(state: 0, action: 1)
        let first = 0.45 * outcomes[0].reward + 0.45 * outcomes[1].reward
        #expect(abs(planner[0, 1] - first) < 1e-15 && planner.updates == 1)
        // Then a pair leading to state 0 bootstraps from max_a Q(0, a) = max(0, Q(0, 1)).
        let (state, action) = (0..<5).flatMap { s in (0..<2).map { (s, $0) } }.first { s, a in
            task.model.outcomes(from: s, taking: a).contains { $0.nextState == 0 && !$0.terminated } && (s, a) != (0, 1)
        }!
        planner.update(state: state, action: action)
        let expected = task.model.outcomes(from: state, taking: action).reduce(0.0) { total, outcome in
            let next = outcome.terminated ? 0 : (outcome.nextState == 0 ? max(0, first) : 0)
            return total + outcome.probability * (outcome.reward + next)
        }
        #expect(abs(planner[state, action] - expected) < 1e-15)
    }

    @Test func theUniformSweepCyclesThroughEveryPair() {
        let task = RandomTask(states: 3, branches: 1, seed: 1)
        var planner = ExpectedUpdatePlanner(model: task.model)
        var sweep = UniformSweep()
        // One sweep of 6 updates from Q = 0, in order, is one in-place pass of value iteration.
        var values = Array(repeating: 0.0, count: 6)
        for pair in 0..<6 {
            let outcome = task.model.outcomes(from: pair / 2, taking: pair % 2).first!
            values[pair] = 0.9 * (outcome.reward + max(values[2 * outcome.nextState], values[2 * outcome.nextState + 1]))
        }
        for _ in 0..<6 { sweep.update(&planner) }
        #expect(zip(planner.values, values).allSatisfy { abs($0 - $1) < 1e-15 })
        // The seventh update is the first pair again.
        sweep.update(&planner)
        #expect(planner.updates == 7)
    }

    @Test func onPolicyTrajectoriesStartAgainAtTheStartWhenAnEpisodeEnds() {
        let task = RandomTask(states: 100, branches: 1, seed: 6)
        var planner = ExpectedUpdatePlanner(model: task.model)
        var trajectories = OnPolicyTrajectories(start: RandomTask.start, seed: 2)
        var visitsToStart = 0
        for _ in 0..<10_000 {
            if trajectories.state == RandomTask.start { visitsToStart += 1 }
            trajectories.update(&planner)
        }
        #expect(planner.updates == 10_000)
        // About 1000 episodes of mean length 10, each starting at the start.
        #expect(visitsToStart > 900 && visitsToStart < 1300)
    }

    @Test func theGreedyValueIsThePoliciesValueExactly() {
        // b = 1: the greedy policy's path from the start is fixed; v(s) = 0.9 (r + v(s')).
        let task = RandomTask(states: 40, branches: 1, seed: 8)
        var planner = ExpectedUpdatePlanner(model: task.model)
        var sweep = UniformSweep()
        for _ in 0..<200 { sweep.update(&planner) }
        // The value by following the path for 400 steps (0.9⁴⁰⁰ is nothing).
        var state = RandomTask.start, weight = 1.0, value = 0.0
        for _ in 0..<400 {
            let outcome = task.model.outcomes(from: state, taking: planner.greedyAction(in: state)).first!
            weight *= 0.9
            value += weight * outcome.reward
            state = outcome.nextState
        }
        var evaluation = GreedyPolicyEvaluation(states: 40, tolerance: 1e-12)
        #expect(abs(evaluation.value(of: planner, from: RandomTask.start) - value) < 1e-9)
        // Again after more updates, from the last call's values.
        for _ in 0..<200 { sweep.update(&planner) }
        var fresh = GreedyPolicyEvaluation(states: 40, tolerance: 1e-12)
        #expect(abs(evaluation.value(of: planner, from: 0) - fresh.value(of: planner, from: 0)) < 1e-9)
    }
}
