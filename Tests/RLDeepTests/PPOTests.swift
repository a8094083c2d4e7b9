import Foundation
import RLClassicControl
import RLCore
import RLNeural
import RLTabular
import Testing

@testable import RLDeep

@Suite struct PPOObjectiveTests {
    /// Three steps of one copy, γ = 0.5, λ = 0.8 (γλ = 0.4). Step 0 ends its episode by
    /// termination (step 1 starts a new one); step 1 is cut by a time limit, so its reward
    /// already holds γ·V(terminal observation) = 0.5 · 4 = 2 on top of its own 1 (step 2 starts
    /// a new episode); step 2 goes on, bootstrapped from the last value 10.
    ///
    /// By hand, walking back: A₂ = 1 + 0.5·10 − 3 = 3; A₁ = 3 − 2 + 0 = 1 (done: no
    /// bootstrap, no trace); A₀ = 2 − 1 + 0 = 1 (done). Returns = A + V = 2, 3, 6.
    @Test func gaeWalksBackAndStopsAtEpisodeEnds() {
        var rollout = RolloutBuffer(stepCount: 3, environmentCount: 1, observationWidth: 1)
        rollout.values = [1, 2, 3]
        rollout.rewards = [2, 1 + 0.5 * 4, 1]
        rollout.episodeStarts = [1, 1, 1]
        rollout.computeReturnsAndAdvantages(lastValues: [10], lastDones: [0], discount: 0.5, gaeLambda: 0.8)
        #expect(rollout.advantages == [1, 1, 3])
        #expect(rollout.returns == [2, 3, 6])
    }

    /// The same rewards and values without episode ends: δ = (2 + 1 − 1, 3 + 1.5 − 2, 1 + 5 − 3)
    /// = (2, 2.5, 3); A₂ = 3, A₁ = 2.5 + 0.4·3 = 3.7, A₀ = 2 + 0.4·3.7 = 3.48. Then a last step
    /// that ended an episode: A₂ = 1 − 3 = −2 with no bootstrap.
    @Test func gaeCarriesTheTraceWithinAnEpisode() {
        var rollout = RolloutBuffer(stepCount: 3, environmentCount: 1, observationWidth: 1)
        rollout.values = [1, 2, 3]
        rollout.rewards = [2, 3, 1]
        rollout.episodeStarts = [1, 0, 0]
        rollout.computeReturnsAndAdvantages(lastValues: [10], lastDones: [0], discount: 0.5, gaeLambda: 0.8)
        #expect(abs(rollout.advantages[0] - 3.48) < 1e-6)
        #expect(abs(rollout.advantages[1] - 3.7) < 1e-6)
        #expect(rollout.advantages[2] == 3)
        rollout.computeReturnsAndAdvantages(lastValues: [10], lastDones: [1], discount: 0.5, gaeLambda: 0.8)
        #expect(rollout.advantages[2] == -2)
    }

    /// Copies interleave (`step · copies + copy`) and do not mix their traces.
    @Test func gaeKeepsCopiesApart() {
        var rollout = RolloutBuffer(stepCount: 2, environmentCount: 2, observationWidth: 1)
        rollout.values = [0, 0, 0, 0]
        rollout.rewards = [1, 10, 1, 10]
        rollout.episodeStarts = [1, 1, 0, 0]
        rollout.computeReturnsAndAdvantages(lastValues: [0, 0], lastDones: [0, 1], discount: 1, gaeLambda: 1)
        #expect(rollout.advantages == [2, 20, 1, 10])
    }

    /// PyTorch 2.13 (CPU) on this machine: `(a − a.mean()) / (a.std() + 1e-8)` for
    /// a = [1, 2, 4, 7] (unbiased std 2.6458; the biased one would give ±1.5275 at the ends).
    @Test func advantagesAreNormalisedWithTheUnbiasedStandardDeviation() {
        var advantages: [Float] = [1, 2, 4, 7]
        advantages.withUnsafeMutableBufferPointer { PPOObjective.normalizeAdvantages($0.baseAddress!, count: 4) }
        let pytorch: [Float] = [-0.9449111819267273, -0.5669467449188232, 0.18898224830627441, 1.322875738143921]
        for (ours, theirs) in zip(advantages, pytorch) { #expect(abs(ours - theirs) < 1e-6) }
        var single: [Float] = [3]
        single.withUnsafeMutableBufferPointer { PPOObjective.normalizeAdvantages($0.baseAddress!, count: 1) }
        #expect(single == [3])
    }

    /// The clipped surrogate plus 0.1 × the entropy loss, differentiated with respect to the
    /// logits, against PyTorch 2.13 (CPU) on this machine:
    ///
    ///     dist = Categorical(logits=logits); logp = dist.log_prob(actions)
    ///     ratio = exp(logp − old); l1 = adv·ratio; l2 = adv·clamp(ratio, 0.8, 1.2)
    ///     loss = −min(l1, l2).mean() − 0.1·dist.entropy().mean(); loss.backward()
    ///
    /// The rows: a ratio inside the range (1.10), one clipped away (2.98, A > 0: no policy
    /// gradient), one below the range with A > 0 (0.66: unclipped), one above with A < 0 (1.43:
    /// unclipped).
    @Test func clippedSurrogateGradientMatchesPyTorch() {
        let logits = Matrix<Float>(rows: 4, columns: 3, values: [0.5, -0.2, 0.1, 1.0, 0.0, -1.0, 0.3, 0.3, -0.4, -0.6, 0.2, 0.9])
        let actions = [0, 1, 2, 2]
        let old: [Float] = [-0.87, -2.5, -1.2, -0.9]
        let advantages: [Float] = [0.7, 1.3, 0.9, -0.8]
        let distribution = Categorical<Float>(actionCount: 3)
        distribution.update(logits: logits)
        let logProbabilities = (0..<4).map { distribution.logProbability(of: actions[$0], row: $0) }
        var weights = [Float](repeating: 0, count: 4)
        let measured = weights.withUnsafeMutableBufferPointer { weights in
            PPOObjective.clippedSurrogate(
                logProbabilities: logProbabilities, oldLogProbabilities: old, advantages: advantages, count: 4, clipRange: 0.2,
                gradient: weights.baseAddress!)
        }
        #expect(abs(measured.loss - -0.4453079402446747) < 1e-6)
        #expect(measured.clipFraction == 0.75)
        let gradient = Matrix<Float>(rows: 4, columns: 3)
        distribution.backward(actions: actions, logProbabilityWeights: weights, entropyWeight: -0.1 / 4, into: gradient)
        let pytorch: [Float] = [
            -0.10052945464849472, 0.04179373010993004, 0.058735720813274384, 0.007064685225486755, -0.003519258927553892,
            -0.003545427694916725, 0.06091068312525749, 0.06091068312525749, -0.12182137370109558, -0.04069279879331589,
            -0.08478830009698868, 0.12548109889030457,
        ]
        for (ours, theirs) in zip(gradient.values, pytorch) { #expect(abs(ours - theirs) < 1e-6) }
    }
}

@Suite struct PPOSettingsTests {
    @Test func defaultsAreZoosCartPole() throws {
        let settings = PPOSettings()
        try settings.validate()
        #expect(settings.rolloutSize == 256)
        #expect(settings.hidden == [64, 64] && settings.activation == .tanh)
    }

    @Test func settingsSurviveJSON() throws {
        var settings = PPOSettings()
        settings.hidden = [32]
        settings.activation = .relu
        settings.clipRangeEnd = 0.2
        let decoded = try JSONDecoder().decode(PPOSettings.self, from: JSONEncoder().encode(settings))
        #expect(decoded == settings)
    }

    @Test func oversizedSettingsAreRefusedInOneLine() {
        var network = PPOSettings()
        network.hidden = [4096, 4096, 4096]
        #expect(throws: SettingError.self) { try network.validate() }
        do { try network.validate() } catch {
            #expect(error.message.contains("33554432") && !error.message.contains("\n"))
        }
        var rollout = PPOSettings()
        rollout.environmentCount = 1024
        rollout.stepsPerRollout = 4096
        do {
            try rollout.validate()
            Issue.record("a rollout of four million transitions was accepted")
        } catch {
            #expect(error.message.contains("4194304"))
        }
        var wide = PPOSettings()
        wide.hidden = [5000]
        #expect(throws: SettingError.self) { try wide.validate() }
    }

    @Test func flagsSetTheSettings() throws {
        var settings = PPOSettings()
        func apply(_ name: String, _ value: String) throws {
            let flag = try #require(PPOSettings.flags.first { $0.name == name })
            try flag.apply(&settings, value)
        }
        try apply("hidden", "32,16")
        try apply("activation", "relu")
        try apply("normalize-advantage", "false")
        try apply("n-steps", "64")
        try apply("clip-range-end", "0.2")
        #expect(settings.hidden == [32, 16] && settings.activation == .relu && !settings.normalizeAdvantage)
        #expect(settings.stepsPerRollout == 64 && settings.clipRangeEnd == 0.2)
        #expect(throws: SettingError.self) { try apply("activation", "identity") }
        #expect(throws: SettingError.self) { try apply("hidden", "64,x") }
    }
}

@Suite struct PPOAgentTests {
    static let hyperparameters = Hyperparameters(learningRate: .linear(from: 1e-3, to: 0, over: 1), discount: 0.98, epsilon: .constant(0))

    static var smallSettings: PPOSettings {
        var settings = PPOSettings()
        settings.environmentCount = 4
        settings.stepsPerRollout = 16
        settings.batchSize = 24  // 64 = 2 × 24 + 16: a short last minibatch too
        settings.epochs = 3
        settings.hidden = [16, 16]
        return settings
    }

    static func trained(seed: UInt64, steps: Int = 640) -> (PPOAgent, TrainingResult, [EpisodeRecord<NoCounters>]) {
        var agent = PPOAgent(inputWidth: 4, actionCount: 2, hyperparameters: hyperparameters, settings: smallSettings, seed: seed)
        var records: [EpisodeRecord<NoCounters>] = []
        let result = agent.train(
            makeEnvironment: { _ in CartPole.capped(at: 500, seed: 0) }, encoder: CoordinateEncoder<CartPoleObservation>(),
            totalSteps: steps, seed: seed,
            onEpisode: { record, _ in
                records.append(record)
                return .proceed
            })
        return (agent, result, records)
    }

    @Test func theSameSeedGivesTheSameNetworks() {
        let (first, firstResult, firstRecords) = Self.trained(seed: 7)
        let (second, secondResult, secondRecords) = Self.trained(seed: 7)
        let (other, _, _) = Self.trained(seed: 8)
        #expect(first.tensors == second.tensors)
        #expect(firstResult == secondResult && firstRecords == secondRecords)
        #expect(first.tensors != other.tensors)
        #expect(firstResult.steps == 640 && !firstResult.stoppedEarly)
        #expect(firstRecords.map(\.episode) == Array(0..<firstRecords.count))
        #expect(first.diagnostics.first { $0.name == "train/n_updates" }?.value == 30)
    }

    @Test func tensorsArePyTorchStateDictionaries() throws {
        let agent = PPOAgent(inputWidth: 4, actionCount: 2, hyperparameters: Self.hyperparameters, settings: PPOSettings(), seed: 1)
        let tensors = agent.tensors
        #expect(tensors["policy.0.weight"]?.shape == [64, 4])
        #expect(tensors["policy.4.weight"]?.shape == [2, 64])
        #expect(tensors["value.4.bias"]?.shape == [1])
        #expect(tensors["policy.0.weight"]?.dtype == "F32")
        #expect(tensors.count == 12 + 3)
        #expect(tensors["ppo.action_generator"]?.shape == [4])
        var restored = PPOAgent(inputWidth: 4, actionCount: 2, hyperparameters: Self.hyperparameters, settings: PPOSettings(), seed: 2)
        try restored.restore(tensors: tensors)
        #expect(restored.tensors == tensors)
        var broken = tensors
        broken["value.2.weight"] = Tensor(shape: [64, 63], float32: Array(repeating: 0, count: 64 * 63))
        #expect(throws: PolicyFileError.self) { try restored.restore(tensors: broken) }
        broken = tensors
        broken["policy.0.bias"] = Tensor(shape: [64], floats: [.nan] + Array(repeating: 0, count: 63))
        #expect(throws: PolicyFileError.self) { try restored.restore(tensors: broken) }
    }

    /// With a learning rate of 0 the critic stays as it was in the rollout, so a replay of copy
    /// 0's first episode (cut by a cap of 5 steps) gives the value its last reward holds.
    @Test func aTimeLimitBootstrapsFromTheObservationItCut() {
        let still = Hyperparameters(learningRate: .constant(0), discount: 0.98, epsilon: .constant(0))
        var agent = PPOAgent(inputWidth: 4, actionCount: 2, hyperparameters: still, settings: Self.smallSettings, seed: 5)
        let encoder = CoordinateEncoder<CartPoleObservation>()
        var records: [EpisodeRecord<NoCounters>] = []
        _ = agent.train(
            makeEnvironment: { _ in CartPole.capped(at: 5, seed: 0) }, encoder: encoder, totalSteps: 64, seed: 5,
            onEpisode: { record, _ in
                records.append(record)
                return .proceed
            })
        #expect(records.count == 12 && records.allSatisfy { $0.truncated && !$0.terminated && $0.steps == 5 })
        let copies = 4
        var world = CartPole.capped(at: 5, seed: 0)
        _ = world.reset(seed: derivedSeed(5, purpose: 0))
        var last = world.step(world.actionSpace.element(at: agent.rollout.actions[0]))
        for step in 1..<5 { last = world.step(world.actionSpace.element(at: agent.rollout.actions[step * copies])) }
        #expect(last.truncated && !last.terminated)
        let row = Matrix<Float>(rows: 1, columns: 4)
        encoder.encode(last.observation, into: row.pointer)
        let terminalValue = agent.valueNetwork.forward(row)[0]
        #expect(terminalValue != 0)
        #expect(agent.rollout.rewards[4 * copies] == 1 + Float(0.98) * terminalValue)
        #expect(agent.rollout.rewards[3 * copies] == 1)
        #expect(agent.rollout.episodeStarts[5 * copies] == 1 && agent.rollout.episodeStarts[4 * copies] == 0)
    }

    /// A stop comes right after the step of the copy whose episode ended (the other copies wait,
    /// mid-step, for a resumed run), so that no finished episode goes unreported.
    @Test func stopEndsTheRunAfterTheCopyThatEndedItsEpisode() {
        var agent = PPOAgent(inputWidth: 4, actionCount: 2, hyperparameters: Self.hyperparameters, settings: Self.smallSettings, seed: 3)
        var seen = 0
        let result = agent.train(
            makeEnvironment: { _ in CartPole.capped(at: 500, seed: 0) }, encoder: CoordinateEncoder<CartPoleObservation>(),
            totalSteps: 100_000, seed: 3,
            onEpisode: { _, _ in
                seen += 1
                return seen == 2 ? .stop : .proceed
            })
        #expect(result.stoppedEarly && result.episodes == 2 && seen == 2)
        #expect(result.steps < 1000 && result.steps == agent.timesteps && agent.timesteps % 4 == agent.nextCopy)
    }
}
