import RLCliffWalking
import RLCore
import Testing

@testable import RLTabular

@Suite struct QLearningTests {
    func agent(learningRate: Double = 0.5, discount: Double = 0.9, epsilon: Double = 0, seed: UInt64 = 1) -> QLearningAgent<
        Discrete, Discrete
    > {
        QLearningAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2),
            hyperparameters: Hyperparameters(learningRate: .constant(learningRate), discount: discount, epsilon: .constant(epsilon)),
            seed: seed)
    }

    @Test func theBellmanUpdateBootstrapsFromTheBestNextAction() {
        var learner = agent()
        learner.table[2, 0] = 4
        learner.table[2, 1] = 6
        learner.table[1, 1] = 2
        learner.learn(from: Transition(observation: 1, action: 1, reward: 1, nextObservation: 2, terminated: false, truncated: false))
        // 2 + 0.5 · (1 + 0.9 · 6 − 2) = 4.2
        #expect(abs(learner.table[1, 1] - 4.2) < 1e-12)
        #expect(learner.table.visitCount(state: 1, action: 1) == 1)
        #expect(learner.table.visitCount(state: 1, action: 0) == 0)
    }

    @Test func aTerminatedTransitionTargetsTheRewardAlone() {
        var learner = agent()
        learner.table[2, 1] = 100
        learner.table[0, 0] = 3
        learner.learn(from: Transition(observation: 0, action: 0, reward: -10, nextObservation: 2, terminated: true, truncated: false))
        // 3 + 0.5 · (−10 − 3) = −3.5
        #expect(learner.table[0, 0] == -3.5)
    }

    @Test func aTruncatedTransitionStillBootstraps() {
        var learner = agent()
        learner.table[2, 0] = 10
        learner.learn(from: Transition(observation: 0, action: 1, reward: 0, nextObservation: 2, terminated: false, truncated: true))
        // 0 + 0.5 · (0 + 0.9 · 10 − 0) = 4.5
        #expect(learner.table[0, 1] == 4.5)
    }

    @Test func tiesAreBrokenAtRandomNotAlwaysTowardsTheFirstAction() {
        var learner = agent()
        let picks = (0..<400).map { _ in learner.action(for: 0, mode: .evaluation) }
        let ones = picks.filter { $0 == 1 }.count
        #expect(ones > 150 && ones < 250)
        learner.table[0, 1] = 0.001
        #expect((0..<50).allSatisfy { _ in learner.action(for: 0, mode: .evaluation) == 1 })
    }

    @Test func tiesAmongSomeActionsPickOnlyAmongTheBest() {
        var learner = QLearningAgent(
            observationSpace: Discrete(1), actionSpace: Discrete(4),
            hyperparameters: Hyperparameters(learningRate: .constant(0.1), discount: 0.9, epsilon: .constant(0)), seed: 2)
        learner.table[0, 0] = -1
        learner.table[0, 1] = 5
        learner.table[0, 2] = -1
        learner.table[0, 3] = 5
        let picks = Set((0..<200).map { _ in learner.action(for: 0, mode: .evaluation) })
        #expect(picks == [1, 3])
    }

    @Test func epsilonExploresOnlyWhileTraining() {
        var learner = agent(epsilon: 1)
        learner.table[0, 0] = 1
        let training = (0..<400).map { _ in learner.action(for: 0, mode: .training) }
        #expect(training.filter { $0 == 1 }.count > 150)
        let evaluation = (0..<100).map { _ in learner.action(for: 0, mode: .evaluation) }
        #expect(evaluation.allSatisfy { $0 == 0 })
    }

    @Test func schedulesFollowTheEpisodes() {
        var learner = QLearningAgent(
            observationSpace: Discrete(1), actionSpace: Discrete(2),
            hyperparameters: Hyperparameters(
                learningRate: .linear(from: 0.5, to: 0.1, over: 1), discount: 1, epsilon: .linear(from: 1, to: 0, over: 0.5)),
            seed: 1)
        learner.beginEpisode(50, of: 100)
        #expect(learner.epsilon == 0)
        #expect(abs(learner.learningRate - 0.3) < 1e-12)
    }

    @Test func qTableIsRowMajorOverStatesThenActions() {
        var table = QTable(stateShape: [2, 3], actionCount: 4)
        #expect(table.shape == [2, 3, 4] && table.strides == [12, 4, 1] && table.stateCount == 6)
        table[5, 3] = 7
        #expect(table.values[23] == 7 && table.maxValue(in: 5) == 7 && table.greedyActions(in: 5) == [3])
        #expect(table.greedyActions(in: 0) == [0, 1, 2, 3])
    }

    @Test func cliffWalkingLearnsTheOptimalPathAlongTheEdge() {
        var environment = CliffWalking.capped(at: 200)
        var learner = QLearningAgent(
            observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
            hyperparameters: Hyperparameters(learningRate: .constant(0.5), discount: 1, epsilon: .constant(0.1)), seed: 7)
        _ = train(&learner, on: &environment, episodes: 500, seed: 0)
        let greedy = evaluate(&learner, on: &environment, episodes: 1, seed: 0)[0]
        #expect(greedy.totalReward == -13 && greedy.steps == 13 && greedy.terminated)
    }

    @Test func cliffWalkingRules() throws {
        var environment = CliffWalking()
        #expect(environment.reset(seed: nil) == CliffWalking.start)
        let fall = environment.step(.right)
        #expect(fall.reward == -100 && !fall.isLast && fall.observation == CliffWalking.start)
        let wall = environment.step(.left)
        #expect(wall.reward == -1 && wall.observation == CliffWalking.start)
        try checkEnvironment(CliffWalking.capped(at: 100))
    }
}
