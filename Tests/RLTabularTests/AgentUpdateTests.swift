import RLCore
import Testing

@testable import RLTabular

/// Each agent's update, on hand-made transitions, against the textbook's box computed by hand.
@Suite struct AgentUpdateTests {
    static func hyperparameters(_ learningRate: Double = 0.5, discount: Double = 0.9, epsilon: Double = 0) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(learningRate), discount: discount, epsilon: .constant(epsilon))
    }

    static func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false, truncated: Bool = false)
        -> Transition<Int, Int>
    {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: truncated)
    }

    @Test func sarsaLearnsFromTheNextActionItChoseAndReturnsIt() {
        var agent = SarsaAgent(observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters(), seed: 1)
        agent.table[2, 0] = 4
        agent.table[2, 1] = 6
        agent.table[1, 1] = 2
        let next = agent.learn(from: Self.step(1, 1, 1, 2))
        // Greedy (ε 0) A′ = 1: 2 + 0.5 · (1 + 0.9 · 6 − 2) = 4.2, and A′ is handed back.
        #expect(next == 1)
        #expect(abs(agent.table[1, 1] - 4.2) < 1e-12 && agent.table.visitCount(state: 1, action: 1) == 1)
    }

    @Test func sarsaUsesTheExploringActionInItsTarget() {
        // With ε 1 every A′ is random; the target must use exactly the A′ returned.
        for seed in UInt64(1)...40 {
            var agent = SarsaAgent(
                observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters(epsilon: 1), seed: seed)
            agent.table[2, 0] = -10
            agent.table[2, 1] = 10
            let chosen = agent.learn(from: Self.step(0, 0, 0, 2))
            guard let next = chosen else { Issue.record("SARSA returned no next action"); return }
            #expect(agent.table[0, 0] == 0.5 * 0.9 * agent.table[2, next])
        }
    }

    @Test func sarsaTargetsTheRewardAloneWhenTerminated() {
        var agent = SarsaAgent(observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters(), seed: 1)
        agent.table[2, 1] = 100
        agent.table[0, 0] = 3
        #expect(agent.learn(from: Self.step(0, 0, -10, 2, terminated: true)) == nil)
        #expect(agent.table[0, 0] == -3.5)
    }

    @Test func expectedSarsaAveragesOverTheEpsilonGreedyPolicy() {
        var agent = ExpectedSarsaAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2),
            hyperparameters: Self.hyperparameters(epsilon: 0.2), seed: 1)
        agent.table[2, 0] = 4
        agent.table[2, 1] = 6
        agent.table[1, 1] = 2
        #expect(agent.learn(from: Self.step(1, 1, 1, 2)) == nil)
        // E = 0.8 · 6 + 0.2 · (4 + 6) / 2 = 5.8; 2 + 0.5 · (1 + 0.9 · 5.8 − 2) = 4.11.
        #expect(abs(agent.table[1, 1] - 4.11) < 1e-12)
        // Ties among greedy actions do not change the expectation.
        var tied = ExpectedSarsaAgent(
            observationSpace: Discrete(2), actionSpace: Discrete(3),
            hyperparameters: Self.hyperparameters(1, discount: 1, epsilon: 0.3), seed: 1)
        tied.table[1, 0] = 5
        tied.table[1, 1] = 5
        tied.table[1, 2] = -1
        tied.learn(from: Self.step(0, 0, 0, 1))
        let expected = 0.7 * 5.0 + 0.3 * 3.0
        #expect(abs(tied.table[0, 0] - expected) < 1e-12)
    }

    @Test func doubleQLearningUpdatesOneTableJudgedByTheOther() {
        var firsts = 0, seconds = 0
        for seed in UInt64(1)...60 {
            var agent = DoubleQLearningAgent(
                observationSpace: Discrete(3), actionSpace: Discrete(2),
                hyperparameters: Self.hyperparameters(discount: 1), seed: seed)
            agent.first[2, 0] = 10
            agent.first[2, 1] = 0
            agent.second[2, 0] = 1
            agent.second[2, 1] = 7
            agent.learn(from: Self.step(0, 1, 2, 2))
            if agent.first[0, 1] != 0 {
                // Q1's best next action is 0; Q2 values it at 1: 0 + 0.5 · (2 + 1) = 1.5.
                #expect(agent.first[0, 1] == 1.5 && agent.second[0, 1] == 0)
                firsts += 1
            } else {
                // Q2's best next action is 1; Q1 values it at 0: 0 + 0.5 · (2 + 0) = 1.
                #expect(agent.second[0, 1] == 1 && agent.first[0, 1] == 0)
                seconds += 1
            }
            #expect(agent.table[0, 1] == (agent.first[0, 1] + agent.second[0, 1]) / 2)
            #expect(agent.table.visitCount(state: 0, action: 1) == 1)
        }
        // A fair coin: both tables learn.
        #expect(firsts > 15 && seconds > 15)
    }

    @Test func doubleQLearningActsOnTheSumAndSavesBothTables() throws {
        var agent = DoubleQLearningAgent(
            observationSpace: Discrete(1), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters(), seed: 3)
        agent.first[0, 0] = 3
        agent.second[0, 0] = -4
        agent.first[0, 1] = 0
        agent.second[0, 1] = 0
        // Restoring recomputes the acted-on mean from the two tables.
        try agent.restore(table: agent.table, extraTensors: agent.extraTensors)
        #expect(agent.table[0, 0] == -0.5 && agent.table[0, 1] == 0)
        #expect(agent.action(for: 0, mode: .evaluation) == 1)
        #expect(Set(agent.extraTensors.keys) == ["q1", "q2"])
        #expect(throws: PolicyFileError.self) { try agent.restore(table: agent.table, extraTensors: [:]) }
    }

    func sarsaLambda(_ traces: TraceKind) -> SarsaLambdaAgent<Discrete, Discrete> {
        SarsaLambdaAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2),
            hyperparameters: Self.hyperparameters(0.5, discount: 1), settings: SarsaLambdaSettings(lambda: 0.5, traces: traces), seed: 1)
    }

    @Test func sarsaLambdaSpreadsTheErrorAlongTheTraces() {
        var agent = sarsaLambda(.accumulating)
        // S0 —a0→ S1 (reward 0): δ = 0, the trace of (S0, a0) decays to γλ = 0.5.
        agent.learn(from: Self.step(0, 0, 0, 1))
        #expect(agent.table.values.allSatisfy { $0 == 0 })
        // S1 —a1→ end (reward 1): δ = 1; (S1, a1) gets α δ · 1, (S0, a0) gets α δ · 0.5.
        agent.learn(from: Self.step(1, 1, 1, 2, terminated: true))
        #expect(agent.table[1, 1] == 0.5 && agent.table[0, 0] == 0.25)
        #expect(agent.live.isEmpty)
    }

    @Test func accumulatingAndReplacingTracesDifferOnARevisit() {
        var accumulating = sarsaLambda(.accumulating)
        var replacing = sarsaLambda(.replacing)
        for transition in [Self.step(0, 0, 0, 0), Self.step(0, 0, 1, 2, terminated: true)] {
            accumulating.learn(from: transition)
            replacing.learn(from: transition)
        }
        // The revisit finds a trace of 0.5: accumulating makes it 1.5, replacing 1.
        #expect(accumulating.table[0, 0] == 0.75 && replacing.table[0, 0] == 0.5)
    }

    @Test func clearingTracesZeroTheStatesOtherActions() {
        var clearing = sarsaLambda(.clearing)
        var replacing = sarsaLambda(.replacing)
        for transition in [Self.step(0, 0, 0, 0), Self.step(0, 1, 1, 2, terminated: true)] {
            clearing.learn(from: transition)
            replacing.learn(from: transition)
        }
        // δ = 0, then 1. The second step finds e(S0, a0) = 0.5: replacing leaves it, so Q(S0, a0)
        // gains 0.5 · 1 · 0.5; clearing sets it to 0. Both give (S0, a1) 0.5 · 1 · 1.
        #expect(replacing.table[0, 0] == 0.25 && replacing.table[0, 1] == 0.5)
        #expect(clearing.table[0, 0] == 0 && clearing.table[0, 1] == 0.5)
        #expect(clearing.live.isEmpty)
    }

    @Test func sarsaLambdaWithLambdaZeroIsOneStepSarsa() {
        var lambda = SarsaLambdaAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters(epsilon: 0.3),
            settings: SarsaLambdaSettings(lambda: 0), seed: 9)
        var sarsa = SarsaAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters(epsilon: 0.3), seed: 9)
        var generator = Xoshiro256StarStar(seed: 4)
        for _ in 0..<200 {
            let state = generator.nextIndex(below: 2), action = generator.nextIndex(below: 2)
            let transition = Self.step(
                state, action, Double(generator.nextIndex(below: 5)) - 2, generator.nextIndex(below: 3),
                terminated: generator.nextIndex(below: 4) == 0)
            #expect(lambda.learn(from: transition) == sarsa.learn(from: transition))
        }
        #expect(lambda.table == sarsa.table)
    }

    @Test func dynaQReplaysItsModel() {
        var agent = DynaQAgent(
            observationSpace: Discrete(2), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters(),
            settings: DynaQSettings(planningSteps: 3), seed: 1)
        agent.learn(from: Self.step(0, 1, 1, 1, terminated: true))
        // One real update and three planned ones of the only remembered pair: 1 − 0.5⁴.
        #expect(agent.table[0, 1] == 0.9375)
        #expect(agent.table.visitCount(state: 0, action: 1) == 4)
        // The model round-trips through its tensors.
        var restored = DynaQAgent(
            observationSpace: Discrete(2), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters(),
            settings: DynaQSettings(planningSteps: 3), seed: 1)
        #expect(throws: Never.self) { try restored.restore(table: agent.table, extraTensors: agent.extraTensors) }
        #expect(restored.extraTensors == agent.extraTensors)
        var broken = agent.extraTensors
        broken["model_next_state"] = Tensor(shape: [2, 2], integers: [-1, -1, -1, -1])
        #expect(throws: PolicyFileError.self) { try restored.restore(table: agent.table, extraTensors: broken) }
    }

    @Test func dynaQWithoutPlanningIsQLearning() {
        var dyna = DynaQAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters(),
            settings: DynaQSettings(planningSteps: 0), seed: 2)
        var q = QLearningAgent(observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters(), seed: 2)
        for transition in [Self.step(0, 1, 1, 1), Self.step(1, 0, -1, 2), Self.step(2, 1, 3, 0, terminated: true), Self.step(0, 1, 1, 1)] {
            dyna.learn(from: transition)
            q.learn(from: transition)
        }
        #expect(dyna.table == q.table)
    }

    @Test func settingsAreValidatedWhereTheAgentIsMade() {
        #expect(throws: SettingError.self) { try SarsaLambdaSettings(lambda: 1.5).validate() }
        #expect(throws: SettingError.self) { try DynaQSettings(planningSteps: -1).validate() }
        #expect(throws: HyperparameterError.self) {
            try Hyperparameters(learningRate: .constant(5e-324), discount: 1, epsilon: .constant(0)).validate()
        }
    }
}
