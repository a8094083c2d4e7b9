import RLCore
import RLTabular
import Testing

/// Dyna-Q+ (§8.3) against its box on numbers worked out by hand: α = 0.5, γ = 0.9, κ = 1.
@Suite struct DynaQPlusTests {
    static let hyperparameters = Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(0))

    static func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int) -> Transition<Int, Int> {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: false, truncated: false)
    }

    @Test func planningAddsTheBonusAndTriesUntriedActions() {
        // One real step 0 –(action 1, R = 1)→ 1 at time 1, then one planning update. The real
        // update: Q(0,1) = 0.5 × (1 + 0.9 × 0) = 0.5. Planning draws state 0 (the only one seen)
        // and either action:
        // - action 1 (tried at time 1, τ = 0): target 1 + 0 + 0.9 × max Q(1) = 1, Q(0,1) = 0.75;
        // - action 0 (never tried: back to 0, R = 0, τ = 1 − 0): target 0 + 1 × √1 + 0.9 × max Q(0)
        //   = 1 + 0.9 × 0.5 = 1.45, Q(0,0) = 0.725.
        var seen: Set<Int> = []
        for seed in UInt64(1)...20 {
            var agent = DynaQPlusAgent(
                observationSpace: Discrete(2), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters,
                settings: DynaQPlusSettings(planningSteps: 1, kappa: 1), seed: seed)
            agent.learn(from: Self.step(0, 1, 1, 1))
            if agent.table.visitCount(state: 0, action: 0) == 1 {
                seen.insert(0)
                #expect(agent.table[0, 0] == 0.725 && agent.table[0, 1] == 0.5)
            } else {
                seen.insert(1)
                #expect(agent.table[0, 1] == 0.75 && agent.table[0, 0] == 0)
            }
        }
        #expect(seen == [0, 1])
    }

    @Test func withoutPlanningItIsQLearning() {
        var plus = DynaQPlusAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters,
            settings: DynaQPlusSettings(planningSteps: 0, kappa: 1), seed: 2)
        var q = QLearningAgent(observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters, seed: 2)
        for transition in [Self.step(0, 1, 1, 1), Self.step(1, 0, -1, 2), Self.step(2, 1, 3, 0), Self.step(0, 1, 1, 1)] {
            plus.learn(from: transition)
            q.learn(from: transition)
        }
        #expect(plus.table == q.table)
    }

    @Test func settingsAreValidated() {
        #expect(throws: SettingError.self) { try DynaQPlusSettings(planningSteps: -1, kappa: 0).validate() }
        #expect(throws: SettingError.self) { try DynaQPlusSettings(planningSteps: 5, kappa: .nan).validate() }
        #expect(throws: Never.self) { try DynaQPlusSettings().validate() }
    }

    @Test func theModelAndClockTravelWithThePolicy() throws {
        func agent() -> DynaQPlusAgent<Discrete, Discrete> {
            DynaQPlusAgent(
                observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters,
                settings: DynaQPlusSettings(planningSteps: 3, kappa: 0.5), seed: 4)
        }
        var original = agent()
        for transition in [Self.step(0, 1, 1, 1), Self.step(1, 0, -1, 2)] { original.learn(from: transition) }
        var restored = agent()
        try restored.restore(table: original.table, extraTensors: original.extraTensors)
        restored.generatorState = original.generatorState
        #expect(restored.time == 2)
        original.ownLearnedTables()
        restored.ownLearnedTables()
        for transition in [Self.step(2, 1, 3, 0), Self.step(0, 0, 1, 2)] {
            original.learn(from: transition)
            restored.learn(from: transition)
        }
        #expect(restored.table == original.table && restored.extraTensors == original.extraTensors)
        // A state listed as observed whose row has no outcomes is refused.
        var wrong = original.extraTensors
        wrong["model_observed_states"] = Tensor(shape: [3], integers: [0, 1, 1])
        #expect(throws: PolicyFileError.self) { try restored.restore(table: original.table, extraTensors: wrong) }
    }
}
