import RLCore
import RLTabular
import Testing

/// Prioritized sweeping (§8.4) against its box on numbers worked out by hand: a chain 0 → 1 → 2
/// (the end, R = 1), one action, α = 0.5, γ = 0.9, θ = 0.
@Suite struct PrioritizedSweepingTests {
    static func agent(planningSteps: Int) -> PrioritizedSweepingAgent<Discrete, Discrete> {
        PrioritizedSweepingAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(1),
            hyperparameters: Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(0)),
            settings: PrioritizedSweepingSettings(planningSteps: planningSteps, theta: 0), seed: 1)
    }

    static var first: Transition<Int, Int> {
        Transition(observation: 0, action: 0, reward: 0, nextObservation: 1, terminated: false, truncated: false)
    }
    static var second: Transition<Int, Int> {
        Transition(observation: 1, action: 0, reward: 1, nextObservation: 2, terminated: true, truncated: false)
    }

    @Test func planningWorksBackwardsFromTheLargestChange() {
        var agent = Self.agent(planningSteps: 2)
        // 0 → 1 with R = 0: P = |0 + 0.9 × 0 − 0| = 0, not above θ: nothing queued, nothing updated.
        agent.learn(from: Self.first)
        #expect(agent.queue.isEmpty && agent.updates == 0 && agent.table[0, 0] == 0)
        // 1 → 2, R = 1, the end: P = 1. Planning pops (1, 0): Q = 0.5 × 1 = 0.5; its predecessor
        // (0, 0) gets P = |0 + 0.9 × 0.5 − 0| = 0.45, and the second planning update pops it:
        // Q(0, 0) = 0.5 × 0.45 = 0.225.
        agent.learn(from: Self.second)
        #expect(agent.table[1, 0] == 0.5 && agent.table[0, 0] == 0.225 && agent.updates == 2 && agent.queue.isEmpty)
    }

    @Test func aQueuedPairKeepsTheHigherPriority() {
        var agent = Self.agent(planningSteps: 1)
        agent.learn(from: Self.first)
        agent.learn(from: Self.second)
        // One planning update: Q(1, 0) = 0.5, and (0, 0) waits with P = 0.45.
        #expect(agent.table[1, 0] == 0.5 && agent.table[0, 0] == 0)
        #expect(agent.queue.map(\.pair) == [0] && agent.queue.map(\.priority) == [0.45])
        // 0 → 1 again: P = 0.45 once more, kept; the planning update pops it: Q(0, 0) = 0.225.
        agent.learn(from: Self.first)
        #expect(agent.table[0, 0] == 0.225 && agent.queue.isEmpty && agent.updates == 2)
    }

    @Test func withoutPlanningNothingIsUpdated() {
        var agent = Self.agent(planningSteps: 0)
        agent.learn(from: Self.second)
        #expect(agent.table[1, 0] == 0 && agent.queue.map(\.priority) == [1])
        #expect(throws: SettingError.self) { try PrioritizedSweepingSettings(planningSteps: 5, theta: -1).validate() }
    }

    @Test func theModelAndQueueTravelWithThePolicyAndABrokenOneIsRefused() throws {
        var agent = Self.agent(planningSteps: 1)
        agent.learn(from: Self.first)
        agent.learn(from: Self.second)
        // (0, 0) waits in the queue: a restored agent goes on exactly as the original.
        var restored = Self.agent(planningSteps: 1)
        try restored.restore(table: agent.table, extraTensors: agent.extraTensors)
        #expect(restored.queue.map(\.pair) == [0] && restored.extraTensors == agent.extraTensors)
        // Between episodes the trainer makes each agent's table its own, as here.
        agent.ownLearnedTables()
        restored.ownLearnedTables()
        agent.learn(from: Self.first)
        restored.learn(from: Self.first)
        #expect(restored.table == agent.table && restored.extraTensors == agent.extraTensors)
        // A predecessor list that loops (pair 0 after itself) would make planning loop for ever.
        var looped = agent.extraTensors
        looped["predecessor_next"] = Tensor(shape: [3, 1], integers: [0, -1, -1])
        #expect(throws: PolicyFileError.self) { try restored.restore(table: agent.table, extraTensors: looped) }
        // A queue that names a pair the model never saw.
        var stray = agent.extraTensors
        stray["queue"] = Tensor(shape: [1], integers: [2])
        #expect(throws: PolicyFileError.self) { try restored.restore(table: agent.table, extraTensors: stray) }
    }
}
