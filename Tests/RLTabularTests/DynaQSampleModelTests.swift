import Foundation
import RLCore
import RLTabular
import Testing

/// Dyna-Q's sample model: counts of each outcome seen, drawn in proportion in planning.
@Suite struct DynaQSampleModelTests {
    static func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false) -> Transition<Int, Int> {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: false)
    }

    static func integers(_ agent: DynaQAgent<Discrete, Discrete>, _ name: String) -> [Int64] {
        if case .integers(let values)? = agent.extraTensors[name]?.values { return values }
        return []
    }

    static func floats(_ agent: DynaQAgent<Discrete, Discrete>, _ name: String) -> [Double] {
        if case .floats(let values)? = agent.extraTensors[name]?.values { return values }
        return []
    }

    static func agent(outcomes: Int = 16, planningSteps: Int = 1, seed: UInt64 = 1) -> DynaQAgent<Discrete, Discrete> {
        // α = 1 and γ = 0: a planning update sets Q(S, A) to the reward it drew.
        DynaQAgent(
            observationSpace: Discrete(2), actionSpace: Discrete(2),
            hyperparameters: Hyperparameters(learningRate: .constant(1), discount: 0, epsilon: .constant(0)),
            settings: DynaQSettings(planningSteps: planningSteps, sampleModel: true, modelOutcomes: outcomes), seed: seed)
    }

    @Test func itCountsEachOutcomeAndDrawsInProportion() {
        // (0, 0) gives R = 1 (the end) three times, then R = 0 back to 0 once: counts 3 and 1. The
        // last planning update draws R = 1 with probability 3/4 (the deterministic model: never).
        var ones = 0
        let runs = 4000
        for seed in 1...UInt64(runs) {
            var agent = Self.agent(seed: seed)
            for _ in 0..<3 { agent.learn(from: Self.step(0, 0, 1, 1, terminated: true)) }
            agent.learn(from: Self.step(0, 0, 0, 0))
            if seed == 1 {
                #expect(Array(Self.integers(agent, "model_outcome_count").prefix(3)) == [3, 1, 0])
                #expect(Array(Self.floats(agent, "model_outcome_reward").prefix(2)) == [1, 0])
            }
            if agent.table[0, 0] == 1 { ones += 1 }
        }
        // 3/4 of 4000 = 3000, standard deviation √(4000 × 3/16) ≈ 27: five of them either side.
        #expect(abs(ones - 3000) < 140)
    }

    @Test func aFullPairGivesTheLeastSeenSlotUp() {
        var agent = Self.agent(outcomes: 2, planningSteps: 0)
        agent.learn(from: Self.step(0, 0, 1, 1))
        agent.learn(from: Self.step(0, 0, 1, 1))
        agent.learn(from: Self.step(0, 0, 2, 1))
        agent.learn(from: Self.step(0, 0, 3, 0))  // full: replaces R = 2, seen once
        #expect(Array(Self.integers(agent, "model_outcome_count").prefix(2)) == [2, 1])
        #expect(Array(Self.floats(agent, "model_outcome_reward").prefix(2)) == [1, 3])
    }

    @Test func theModelRoundTripsAndTheDefaultIsWrittenAsBefore() throws {
        var agent = Self.agent()
        agent.learn(from: Self.step(0, 1, 1, 1))
        agent.learn(from: Self.step(0, 1, 0, 0))
        var restored = Self.agent()
        try restored.restore(table: agent.table, extraTensors: agent.extraTensors)
        #expect(restored.extraTensors == agent.extraTensors)
        var broken = agent.extraTensors
        broken["model_outcome_count"] = Tensor(shape: [2, 2, 16], integers: Array(repeating: 0, count: 64))
        #expect(throws: PolicyFileError.self) { try restored.restore(table: agent.table, extraTensors: broken) }
        // The deterministic model's settings are written as before; old files read back.
        let text = String(decoding: try JSONEncoder().encode(DynaQSettings()), as: UTF8.self)
        #expect(text == #"{"planningSteps":5}"#)
        #expect(try JSONDecoder().decode(DynaQSettings.self, from: Data(text.utf8)) == DynaQSettings())
        #expect(throws: SettingError.self) { try DynaQSettings(planningSteps: 5, sampleModel: true, modelOutcomes: 0).validate() }
        // Its memory is bounded: 2²⁰ pairs × 64 outcomes is 2²⁶ slots, the most; twice the pairs is refused.
        let large = DynaQSettings(planningSteps: 5, sampleModel: true, modelOutcomes: 64)
        #expect(throws: Never.self) { try large.validate(forPairs: 1 << 20) }
        #expect(throws: SettingError.self) { try large.validate(forPairs: 1 << 21) }
        #expect(throws: SettingError.self) { try large.validate(forPairs: .max) }
        #expect(throws: Never.self) { try DynaQSettings().validate(forPairs: .max) }
    }
}
