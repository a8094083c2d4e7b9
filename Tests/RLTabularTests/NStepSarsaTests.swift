import RLCore
import RLTabular
import Testing

/// n-step SARSA (§7.2) against its box on numbers worked out by hand: n = 2, α = 0.5,
/// γ = 0.9, greedy (ε = 0) with action 1 the best everywhere but state 0, so A′ = 1.
@Suite struct NStepSarsaTests {
    static func agent(n: Int = 2, epsilon: Double = 0) -> NStepSarsaAgent<Discrete, Discrete> {
        var agent = NStepSarsaAgent(
            observationSpace: Discrete(5), actionSpace: Discrete(2),
            hyperparameters: Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(epsilon)),
            settings: NStepSettings(n: n), seed: 1)
        for state in 1..<5 { agent.table[state, 1] = 1 }
        return agent
    }

    static func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false, truncated: Bool = false)
        -> Transition<Int, Int>
    {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: truncated)
    }

    @Test func theUpdateOfStepTauWaitsForNRewards() {
        var agent = Self.agent()
        // t = 0: τ = −1, nothing learned; A_1 = 1 is chosen and handed back.
        #expect(agent.learn(from: Self.step(0, 0, 1, 1)) == 1)
        #expect(agent.table[0, 0] == 0)
        // t = 1: τ = 0, G = 1 + 0.9 × 2 + 0.81 × Q(S_2, A_2) = 1 + 1.8 + 0.81 = 3.61,
        // Q(0, 0) = 0.5 × 3.61 = 1.805.
        #expect(agent.learn(from: Self.step(1, 1, 2, 2)) == 1)
        #expect(abs(agent.table[0, 0] - 1.805) < 1e-12 && agent.table[1, 1] == 1)
        // t = 2, S_3 terminal, T = 3: τ = 1, G = 2 + 0.9 × 3 = 4.7 (no bootstrap: τ + n = T),
        // Q(1, 1) = 1 + 0.5 × 3.7 = 2.85; then τ = 2, G = 3, Q(2, 1) = 1 + 0.5 × 2 = 2.
        #expect(agent.learn(from: Self.step(2, 1, 3, 3, terminated: true)) == nil)
        #expect(abs(agent.table[1, 1] - 2.85) < 1e-12 && agent.table[2, 1] == 2)
        // The next episode starts afresh at t = 0: S0 A0 R0 → 4, terminal: Q(0, 0) moves towards 0.
        agent.learn(from: Self.step(0, 0, 0, 4, terminated: true))
        #expect(abs(agent.table[0, 0] - 0.9025) < 1e-12 && agent.table.visitCount(state: 0, action: 0) == 2)
    }

    @Test func aStepCapBootstrapsTheLastUpdates() {
        var agent = Self.agent()
        agent.learn(from: Self.step(0, 0, 1, 1))
        // Truncated at S_2 = 2: τ = 0, G = 1 + 0.9 × 2 + 0.81 × Q(2, 1) = 3.61; τ = 1,
        // G = 2 + 0.9 × Q(2, 1) = 2.9, Q(1, 1) = 1 + 0.5 × 1.9 = 1.95.
        agent.learn(from: Self.step(1, 1, 2, 2, truncated: true))
        #expect(abs(agent.table[0, 0] - 1.805) < 1e-12 && abs(agent.table[1, 1] - 1.95) < 1e-12)
    }

    @Test func withOneStepItIsSarsa() {
        let hyperparameters = Hyperparameters(learningRate: .constant(0.3), discount: 0.8, epsilon: .constant(0.3))
        var nStep = NStepSarsaAgent(
            observationSpace: Discrete(5), actionSpace: Discrete(2), hyperparameters: hyperparameters, settings: NStepSettings(n: 1),
            seed: 9)
        var sarsa = SarsaAgent(observationSpace: Discrete(5), actionSpace: Discrete(2), hyperparameters: hyperparameters, seed: 9)
        nStep.ownLearnedTables()
        sarsa.ownLearnedTables()
        var generator = Xoshiro256StarStar(seed: 3)
        var state = 0, action = 0
        for time in 0..<500 {
            let next = generator.nextIndex(below: 5), reward = Double(generator.nextIndex(below: 7)) - 3
            let ends = next == 4 || time % 37 == 36
            let transition = Self.step(state, action, reward, next, terminated: next == 4, truncated: ends && next != 4)
            let chosen = nStep.learn(from: transition)
            #expect(chosen == sarsa.learn(from: transition).flatMap { ends ? nil : $0 })
            state = ends ? 0 : next
            action = chosen ?? 0
        }
        #expect(nStep.table == sarsa.table)
    }

    @Test func nIsBounded() {
        #expect(throws: SettingError.self) { try NStepSettings(n: 0).validate() }
        #expect(throws: SettingError.self) { try NStepSettings(n: NStepSettings.largestN + 1).validate() }
        #expect(throws: Never.self) { try NStepSettings(n: 1).validate() }
    }
}
