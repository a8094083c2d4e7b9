import RLCore
import RLTabular
import Testing

/// Tabular differential Sarsa against its box (Sutton & Barto §10.3, p. 251) on numbers worked
/// out by hand: α = 0.5, β = 0.1, ε = 0 (greedy), Q(1, 1) = 1 at the start so greedy choices
/// have no ties, and γ = 0.9 given but not read.
@Suite struct DifferentialSarsaTests {
    static func agent() -> DifferentialSarsaAgent<Discrete, Discrete> {
        var agent = DifferentialSarsaAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2),
            hyperparameters: Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(0)),
            settings: DifferentialSarsaSettings(averageRewardStepSize: 0.1), seed: 1)
        agent.beginEpisode(0, of: 1)
        agent.ownStorageForEpisode()
        agent.table[1, 1] = 1
        return agent
    }

    static func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false, truncated: Bool = false)
        -> Transition<Int, Int>
    {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: truncated)
    }

    @Test func theTDErrorSubtractsTheAverageRewardAndMovesItByBeta() {
        var agent = Self.agent()
        // S 0, A 0, R 1, S′ 1: Q(1) = (0, 1), A′ = 1; δ = 1 − 0 + 1 − 0 = 2; R̄ = 0.1 × 2 = 0.2;
        // Q(0, 0) = 0.5 × 2 = 1.
        #expect(agent.learn(from: Self.step(0, 0, 1, 1)) == 1)
        #expect(abs(agent.averageReward - 0.2) < 1e-15 && agent.table[0, 0] == 1)
        // S 1, A 1, R 0, S′ 0: Q(0) = (1, 0), A′ = 0; δ = 0 − 0.2 + 1 − 1 = −0.2; R̄ = 0.18;
        // Q(1, 1) = 1 − 0.1 = 0.9.
        #expect(agent.learn(from: Self.step(1, 1, 0, 0)) == 0)
        #expect(abs(agent.averageReward - 0.18) < 1e-15 && abs(agent.table[1, 1] - 0.9) < 1e-15)
        // Terminated: no Q(S′, A′); δ = 3 − 0.18 − 1 = 1.82; R̄ = 0.362; Q(0, 0) = 1 + 0.91 = 1.91.
        #expect(agent.learn(from: Self.step(0, 0, 3, 2, terminated: true)) == nil)
        #expect(abs(agent.averageReward - 0.362) < 1e-15 && abs(agent.table[0, 0] - 1.91) < 1e-15)
        // A step cap bootstraps: Q(1) = (0, 0.9), A′ = 1; δ = 0 − 0.362 + 0.9 − 0 = 0.538;
        // R̄ = 0.4158; Q(2, 0) = 0.269. R̄ carries over to the next episode.
        #expect(agent.learn(from: Self.step(2, 0, 0, 1, truncated: true)) == 1)
        #expect(abs(agent.averageReward - 0.4158) < 1e-15 && abs(agent.table[2, 0] - 0.269) < 1e-15)
    }

    @Test func theAverageRewardIsSavedAndRestored() throws {
        var trained = Self.agent()
        trained.learn(from: Self.step(0, 0, 1, 1))
        var restored = Self.agent()
        try restored.restore(table: trained.table, extraTensors: trained.extraTensors)
        #expect(restored.averageReward == trained.averageReward && restored.table == trained.table)
        #expect(throws: PolicyFileError.self) { try restored.restore(table: trained.table, extraTensors: [:]) }
        #expect(throws: PolicyFileError.self) {
            try restored.restore(
                table: trained.table, extraTensors: [DifferentialSarsaSettings.averageRewardTensor: Tensor(shape: [1], floats: [.nan])])
        }
    }
}
