import RLCore
import RLTabular
import Testing

/// On-policy first-visit Monte Carlo control (§5.4) against its box on numbers worked out by
/// hand: three states, two actions, γ = 0.9.
@Suite struct MonteCarloControlTests {
    static func agent(epsilon: Double = 0) -> MonteCarloControlAgent<Discrete, Discrete> {
        MonteCarloControlAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2),
            hyperparameters: Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(epsilon)), seed: 1)
    }

    static func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false, truncated: Bool = false)
        -> Transition<Int, Int>
    {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: truncated)
    }

    @Test func firstVisitsAverageTheirReturnsAtTheEpisodesEnd() {
        var agent = Self.agent()
        agent.ownLearnedTables()
        // S0 A1 R1, S1 A0 R2, S0 A1 R3, end. Nothing is learned before the end.
        #expect(agent.learn(from: Self.step(0, 1, 1, 1)) == nil)
        #expect(agent.learn(from: Self.step(1, 0, 2, 0)) == nil)
        #expect(agent.table.values.allSatisfy { $0 == 0 } && agent.episodeSoFar.count == 2)
        agent.learn(from: Self.step(0, 1, 3, 2, terminated: true))
        // Backwards: t = 2, G = 3, but (0, 1) was first taken at t = 0: skipped. t = 1,
        // G = 0.9 × 3 + 2 = 4.7: Q(1, 0) = 4.7. t = 0, G = 0.9 × 4.7 + 1 = 5.23: Q(0, 1) = 5.23.
        #expect(abs(agent.table[1, 0] - 4.7) < 1e-12 && abs(agent.table[0, 1] - 5.23) < 1e-12)
        #expect(agent.table.visitCount(state: 0, action: 1) == 1 && agent.episodeSoFar.count == 0)
        // A second return of 0 for (0, 1): the average of 5.23 and 0, with no step size.
        agent.learn(from: Self.step(0, 1, 0, 2, terminated: true))
        #expect(abs(agent.table[0, 1] - 2.615) < 1e-12 && agent.table.visitCount(state: 0, action: 1) == 2)
    }

    @Test func aTruncatedEpisodeStartsFromTheValueOfTheStateItWasLeftIn() {
        var agent = Self.agent(epsilon: 0.2)
        agent.table[2, 0] = 4
        agent.table[2, 1] = 6
        // π's value of S_T = 2: 0.8 × 6 + 0.2 × (4 + 6) / 2 = 5.8; G = 1 + 0.9 × 5.8 = 6.22.
        agent.learn(from: Self.step(1, 0, 1, 2, truncated: true))
        #expect(abs(agent.table[1, 0] - 6.22) < 1e-12)
    }
}
