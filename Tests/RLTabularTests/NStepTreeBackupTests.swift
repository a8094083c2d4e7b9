import RLCore
import RLTabular
import Testing

/// n-step Tree Backup (§7.5) against its box on numbers worked out by hand: n = 2, α = 0.5,
/// γ = 0.9, π greedy; Q(1, ·) = (3, 1), so π takes action 0 in state 1.
@Suite struct NStepTreeBackupTests {
    static func agent(epsilon: Double, seed: UInt64) -> NStepTreeBackupAgent<Discrete, Discrete> {
        var agent = NStepTreeBackupAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2),
            hyperparameters: Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(epsilon)),
            settings: NStepSettings(n: 2), seed: seed)
        agent.table[1, 0] = 3
        agent.table[1, 1] = 1
        return agent
    }

    static func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false)
        -> Transition<Int, Int>
    {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: false)
    }

    @Test func theBackupFollowsTheActionsTakenOnlyWhereThePolicyWould() {
        // Behaviour ε = 1: A_1 is random; the target depends on whether π would take it.
        var seen: Set<Int> = []
        for seed in UInt64(1)...40 {
            var agent = Self.agent(epsilon: 1, seed: seed)
            // t = 0: S0 A0 R1 → S1; τ = −1.
            guard let taken = agent.learn(from: Self.step(0, 0, 1, 1)) else {
                Issue.record("tree backup returned no next action")
                return
            }
            seen.insert(taken)
            #expect(agent.table[0, 0] == 0)
            // t = 1: S1 A_1 R2 → terminal, T = 2. τ = 0: G = R_2 = 2, then k = 1:
            // G = R_1 + γ [(1 − π(A_1|S_1)) max Q(S_1, ·) + π(A_1|S_1) G]:
            // A_1 = 0 (π's): 1 + 0.9 × 2 = 2.8; A_1 = 1 (not π's): 1 + 0.9 × 3 = 3.7.
            // τ = 1: G = 2, Q(1, A_1) moves half way to 2.
            agent.learn(from: Self.step(1, taken, 2, 2, terminated: true))
            #expect(abs(agent.table[0, 0] - (taken == 0 ? 1.4 : 1.85)) < 1e-12)
            #expect(agent.table[1, taken] == (taken == 0 ? 2.5 : 1.5))
        }
        #expect(seen == [0, 1])
    }

    @Test func tiedBestActionsShareThePolicy() {
        var agent = Self.agent(epsilon: 0, seed: 1)
        agent.table[1, 1] = 3
        // Both actions best in S1: π(A_1|S_1) = 1/2, G = 1 + 0.9 × (0.5 × 3 + 0.5 × 2) = 3.25.
        let taken = agent.learn(from: Self.step(0, 0, 1, 1))!
        agent.learn(from: Self.step(1, taken, 2, 2, terminated: true))
        #expect(abs(agent.table[0, 0] - 1.625) < 1e-12)
    }

    @Test func withOneStepItIsQLearning() {
        let hyperparameters = Hyperparameters(learningRate: .constant(0.3), discount: 0.8, epsilon: .constant(0.3))
        var tree = NStepTreeBackupAgent(
            observationSpace: Discrete(5), actionSpace: Discrete(2), hyperparameters: hyperparameters, settings: NStepSettings(n: 1),
            seed: 9)
        var q = QLearningAgent(observationSpace: Discrete(5), actionSpace: Discrete(2), hyperparameters: hyperparameters, seed: 9)
        tree.ownLearnedTables()
        q.ownLearnedTables()
        var generator = Xoshiro256StarStar(seed: 3)
        var state = 0, action = 0
        for time in 0..<500 {
            let next = generator.nextIndex(below: 5), reward = Double(generator.nextIndex(below: 7)) - 3
            let ends = next == 4 || time % 37 == 36
            let transition = Self.step(state, action, reward, next, terminated: next == 4)
            let chosen = tree.learn(
                from: Transition(
                    observation: state, action: action, reward: reward, nextObservation: next, terminated: next == 4,
                    truncated: ends && next != 4))
            q.learn(from: transition)
            state = ends ? 0 : next
            action = chosen ?? 0
        }
        #expect(tree.table.values == q.table.values)
    }
}
