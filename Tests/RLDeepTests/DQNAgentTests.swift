import RLClassicControl
import RLCore
import RLNeural
import RLTabular
import Testing

@testable import RLDeep

@Suite struct DQNAgentTests {
    static let hyperparameters = Hyperparameters(
        learningRate: .constant(2.3e-3), discount: 0.99, epsilon: .linear(from: 1, to: 0.04, over: 0.16))

    /// Small enough for a debug build: 16 × 16, a round of 8 gradient steps every 32 steps.
    static var smallSettings: DQNSettings {
        var settings = DQNSettings()
        settings.hiddenLayers = [16, 16]
        settings.bufferSize = 500
        settings.batchSize = 16
        settings.learningStarts = 100
        settings.trainFrequency = 32
        settings.gradientSteps = 8
        return settings
    }

    func makeAgent(_ settings: DQNSettings = smallSettings, seed: UInt64 = 5) -> DQNAgent {
        DQNAgent(inputWidth: 4, actionCount: 2, hyperparameters: Self.hyperparameters, settings: settings, seed: seed)
    }

    @discardableResult
    func run(_ agent: inout DQNAgent, steps: Int, seed: UInt64 = 9, records: inout [EpisodeRecord<NoCounters>]) -> TrainingResult {
        agent.train(
            makeEnvironment: { _ in CartPole.capped(at: 500, seed: 0) }, encoder: CoordinateEncoder<CartPoleObservation>(),
            totalSteps: steps, seed: seed,
            onEpisode: { record, _ in
                records.append(record)
                return .proceed
            })
    }

    @Test func theSameSeedGivesTheSameBytes() {
        var first = makeAgent()
        var second = makeAgent()
        var firstRecords: [EpisodeRecord<NoCounters>] = []
        var secondRecords: [EpisodeRecord<NoCounters>] = []
        run(&first, steps: 1500, records: &firstRecords)
        run(&second, steps: 1500, records: &secondRecords)
        #expect(first.updateCount > 0)
        #expect(first.tensors == second.tensors)
        #expect(firstRecords == secondRecords)
        var other = makeAgent(seed: 6)
        var otherRecords: [EpisodeRecord<NoCounters>] = []
        run(&other, steps: 1500, records: &otherRecords)
        #expect(other.tensors != first.tensors)
    }

    @Test func episodesAreReportedInOrderAndAddUp() {
        var agent = makeAgent()
        var records: [EpisodeRecord<NoCounters>] = []
        let result = run(&agent, steps: 1000, records: &records)
        #expect(result.steps == 1000 && agent.stepCount == 1000 && !result.stoppedEarly)
        #expect(result.episodes == records.count && !records.isEmpty)
        #expect(records.map(\.episode) == Array(0..<records.count))
        for record in records {
            #expect(record.terminated != record.truncated)
            // Cart Pole pays 1 a step.
            #expect(record.totalReward == Double(record.steps))
        }
        // The last, unfinished episode is not reported.
        #expect(records.reduce(0) { $0 + $1.steps } <= 1000)
    }

    @Test func stopEndsTheRunAfterTheEpisode() {
        var agent = makeAgent()
        var seen = 0
        let result = agent.train(
            makeEnvironment: { _ in CartPole.capped(at: 500, seed: 0) }, encoder: CoordinateEncoder<CartPoleObservation>(),
            totalSteps: 10_000, seed: 1,
            onEpisode: { _, _ in
                seen += 1
                return seen == 3 ? .stop : .proceed
            })
        #expect(result.episodes == 3 && result.stoppedEarly && result.steps == agent.stepCount && result.steps < 10_000)
    }

    @Test func epsilonIsOneBeforeLearningAndEndsAtItsFloor() {
        var agent = makeAgent()
        var records: [EpisodeRecord<NoCounters>] = []
        run(&agent, steps: 50, records: &records)
        // ε over a run of 50 steps: 16 % of it is 8 steps, then the floor.
        #expect(agent.explorationRate == 0.04)
        #expect(makeAgent().explorationRate == 1)
        #expect(Self.hyperparameters.epsilon.value(atStep: 0, of: 50_000) == 1)
        #expect(abs(Self.hyperparameters.epsilon.value(atStep: 4000, of: 50_000) - 0.52) < 1e-12)
        #expect(Self.hyperparameters.epsilon.value(atStep: 8000, of: 50_000) == 0.04)
        #expect(Self.hyperparameters.epsilon.value(atStep: 49_999, of: 50_000) == 0.04)
        #expect(agent.diagnostics.first { $0.name == "rollout/exploration_rate" }?.value == 0.04)
    }

    @Test func learningWaitsForLearningStartsAndCountsUpdates() {
        var agent = makeAgent()
        var records: [EpisodeRecord<NoCounters>] = []
        run(&agent, steps: 96, records: &records)
        // Rounds at steps 32, 64, 96 are all before learning_starts (100).
        #expect(agent.updateCount == 0 && agent.lastLoss == nil)
        var learning = makeAgent()
        run(&learning, steps: 320, records: &records)
        // Rounds at 128, 160, ..., 320: seven of eight steps each.
        #expect(learning.updateCount == 7 * 8)
        let diagnostics = Dictionary(uniqueKeysWithValues: learning.diagnostics.map { ($0.name, $0.value) })
        #expect(diagnostics["train/n_updates"] == 56)
        #expect(diagnostics["train/learning_rate"] == 2.3e-3)
        #expect(diagnostics["train/loss"].map { $0.isFinite && $0 >= 0 } == true)
    }

    @Test func tensorsAreTheNetworksAsPyTorchNamesThem() throws {
        let agent = makeAgent()
        let tensors = agent.tensors
        #expect(
            Set(tensors.keys)
                == Set(
                    ["policy", "target"].flatMap { prefix in [0, 2, 4].flatMap { ["\(prefix).\($0).weight", "\(prefix).\($0).bias"] } }))
        #expect(tensors["policy.0.weight"]?.shape == [16, 4] && tensors["policy.4.bias"]?.shape == [2])
        #expect(tensors["policy.2.weight"]?.dtype == "F32")
        // The target starts as the online network.
        #expect(tensors["policy.2.weight"]?.values == tensors["target.2.weight"]?.values)
        var restored = makeAgent(seed: 99)
        #expect(restored.tensors != tensors)
        try restored.restore(tensors: tensors)
        #expect(restored.tensors == tensors)
    }

    @Test func restoreRefusesWhatDoesNotFit() throws {
        let tensors = makeAgent().tensors
        var agent = makeAgent(seed: 3)
        let before = agent.tensors
        var missing = tensors
        missing["policy.2.bias"] = nil
        #expect(throws: PolicyFileError.self) { try agent.restore(tensors: missing) }
        var misshapen = tensors
        misshapen["target.0.weight"] = Tensor(shape: [4, 16], float32: Array(repeating: 0, count: 64))
        #expect(throws: PolicyFileError.self) { try agent.restore(tensors: misshapen) }
        var infinite = tensors
        infinite["policy.4.bias"] = Tensor(shape: [2], float32: [0, .infinity])
        #expect(throws: PolicyFileError.self) { try agent.restore(tensors: infinite) }
        #expect(agent.tensors == before)
        // A state dictionary of the policy alone: the target becomes its copy.
        let policyOnly = tensors.filter { $0.key.hasPrefix("policy.") }
        try agent.restore(tensors: policyOnly)
        #expect(agent.tensors == tensors)
    }
}
