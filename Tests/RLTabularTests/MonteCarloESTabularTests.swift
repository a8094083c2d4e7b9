import RLCore
import RLTabular
import Testing

/// Monte Carlo ES as `rl train` runs it, against the box of §5.3 (p. 99) on episodes worked out
/// by hand: γ = 0.9, three states, two actions, π starting at action 0.
@Suite struct MonteCarloESTabularTests {
    static func agent() -> MonteCarloESTabularAgent<Discrete, Discrete> {
        var agent = MonteCarloESTabularAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2),
            hyperparameters: Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(0)), seed: 1)
        agent.ownStorageForEpisode()
        return agent
    }

    static func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false, truncated: Bool = false)
        -> Transition<Int, Int>
    {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: truncated)
    }

    @Test func firstVisitsAverageTheReturnsAndPiTurnsGreedy() {
        var agent = Self.agent()
        agent.learn(from: Self.step(0, 1, 1, 1))
        agent.learn(from: Self.step(1, 0, 2, 0))
        #expect(agent.table[0, 1] == 0)  // nothing before the episode ends
        agent.learn(from: Self.step(0, 1, 0, 2, terminated: true))
        // Backwards: t = 2, G = 0, (0, 1) seen at t = 0: skipped; t = 1, G = 2: Q(1, 0) = 2,
        // π(1) = 0; t = 0, G = 1 + 0.9 × 2 = 2.8: Q(0, 1) = 2.8, π(0) = 1.
        #expect(abs(agent.table[0, 1] - 2.8) < 1e-12 && agent.table[1, 0] == 2)
        #expect(agent.table.visitCount(state: 0, action: 1) == 1 && agent.table.visitCount(state: 1, action: 0) == 1)
        #expect(agent.action(for: 0, mode: .evaluation) == 1 && agent.action(for: 1, mode: .evaluation) == 0)
        // A step cap: G starts from Q(S_T, π(S_T)) = Q(0, 1) = 2.8; G = 1 + 0.9 × 2.8 = 3.52:
        // Q(1, 1) = 3.52 beats Q(1, 0) = 2, so π(1) = 1.
        agent.ownStorageForEpisode()
        agent.learn(from: Self.step(1, 1, 1, 0, truncated: true))
        #expect(abs(agent.table[1, 1] - 3.52) < 1e-12 && agent.action(for: 1, mode: .evaluation) == 1)
    }

    @Test func theFirstTrainingActionIsUniformAndTheRestFollowPi() {
        var agent = Self.agent()
        let firsts = (0..<200).map { _ in agent.action(for: 0, mode: .training) }
        #expect(Set(firsts) == [0, 1])
        agent.learn(from: Self.step(0, 1, 0, 1))
        // Mid-episode: π(1) = 0 (nothing learned yet), every time.
        #expect((0..<50).allSatisfy { _ in agent.action(for: 1, mode: .training) == 0 })
    }

    @Test func aSavedRunIsRestoredExactly() throws {
        var trained = Self.agent()
        trained.learn(from: Self.step(0, 1, 1, 1))
        trained.learn(from: Self.step(1, 0, 2, 2, terminated: true))
        var restored = Self.agent()
        try restored.restore(table: trained.table, extraTensors: trained.extraTensors)
        #expect(restored.method.returnSums == trained.method.returnSums && restored.method.policy == trained.method.policy)
        #expect(restored.table == trained.table)
        #expect(throws: PolicyFileError.self) { try restored.restore(table: trained.table, extraTensors: [:]) }
    }
}
