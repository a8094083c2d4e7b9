import RLCore
import RLTabular
import Testing

/// Off-policy Monte Carlo control with weighted importance sampling (§5.7) against its box on
/// numbers worked out by hand: states 0 and 1 (2 ends), two actions, γ = 1, an ε-greedy
/// behaviour with ε = 0.2, so b(a|s) = 0.1 + 0.8 / m for each of m best actions, else 0.1.
@Suite struct OffPolicyMonteCarloTests {
    static func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false)
        -> Transition<Int, Int>
    {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: false)
    }

    @Test func weightedImportanceSamplingFollowsTheBox() {
        var agent = OffPolicyMonteCarloAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2),
            hyperparameters: Hyperparameters(learningRate: .constant(0.5), discount: 1, epsilon: .constant(0.2)), seed: 1)
        agent.ownLearnedTables()
        // Episode 1: S0 A0 R0, S1 A1 R1. Q is 0, so both actions are best: b = 0.5 everywhere.
        // t = 1: G = 1, C(1,1) = 1, Q(1,1) = 1, π(1) = 1 = A_1, W = 2. t = 0: G = 1, C(0,0) = 2,
        // Q(0,0) = 0 + 2/2 × 1 = 1, π(0) = 0 = A_0.
        agent.learn(from: Self.step(0, 0, 0, 1))
        agent.learn(from: Self.step(1, 1, 1, 2, terminated: true))
        #expect(agent.table[1, 1] == 1 && agent.table[0, 0] == 1)
        #expect(agent.cumulativeWeights[1 * 2 + 1] == 1 && agent.cumulativeWeights[0 * 2 + 0] == 2)
        // Episode 2: S0 A1 R5. G = 5, C(0,1) = 1, Q(0,1) = 5.
        agent.learn(from: Self.step(0, 1, 5, 2, terminated: true))
        #expect(agent.table[0, 1] == 5 && agent.cumulativeWeights[0 * 2 + 1] == 1)
        // Episode 3: S0 A0 R0, S1 A0 R2, played with Q(0) = [1, 5] and Q(1) = [0, 1]: both
        // actions exploratory, b = 0.1. t = 1: G = 2, C(1,0) = 1, Q(1,0) = 2, now π(1) = 0 = A_1,
        // W = 10. t = 0: G = 2, C(0,0) = 2 + 10 = 12, Q(0,0) = 1 + 10/12 × (2 − 1); π(0) = 1 ≠ A_0: exit.
        agent.learn(from: Self.step(0, 0, 0, 1))
        agent.learn(from: Self.step(1, 0, 2, 2, terminated: true))
        #expect(agent.table[1, 0] == 2 && agent.cumulativeWeights[1 * 2 + 0] == 1)
        #expect(abs(agent.table[0, 0] - (1 + 10.0 / 12)) < 1e-12 && agent.cumulativeWeights[0] == 12)
    }

    @Test func theLoopStopsAtTheFirstActionTheTargetPolicyWouldNotTake() {
        var agent = OffPolicyMonteCarloAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2),
            hyperparameters: Hyperparameters(learningRate: .constant(0.5), discount: 1, epsilon: .constant(0.2)), seed: 1)
        agent.table[1, 0] = 10
        // S0 A0 R0, S1 A1 R1: at t = 1, Q(1,1) becomes 1 < Q(1,0) = 10, so A_1 is not π's: S0 is
        // never reached.
        agent.learn(from: Self.step(0, 0, 0, 1))
        agent.learn(from: Self.step(1, 1, 1, 2, terminated: true))
        #expect(agent.table[1, 1] == 1 && agent.table[0, 0] == 0 && agent.cumulativeWeights[0] == 0)
    }

    @Test func theCumulativeWeightsTravelWithThePolicy() throws {
        let hyperparameters = Hyperparameters(learningRate: .constant(0.5), discount: 1, epsilon: .constant(0.2))
        var agent = OffPolicyMonteCarloAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: hyperparameters, seed: 1)
        agent.table[0, 0] = 0
        agent.learn(from: Self.step(0, 1, 3, 2, terminated: true))
        var restored = OffPolicyMonteCarloAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: hyperparameters, seed: 1)
        try restored.restore(table: agent.table, extraTensors: agent.extraTensors)
        #expect(restored.cumulativeWeights == agent.cumulativeWeights)
        var negative = agent.extraTensors
        negative["cumulative_weights"] = Tensor(shape: [3, 2], floats: [-1, 0, 0, 0, 0, 0])
        #expect(throws: PolicyFileError.self) { try restored.restore(table: agent.table, extraTensors: negative) }
    }
}
