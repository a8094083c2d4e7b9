import RLCore
import RLPong
import RLTabular

/// The figures of `rl bench` (also its `--json` output).
public struct BenchmarkReport: Sendable, Codable, Equatable {
    /// Pong steps per second with a cheap random policy, no learning.
    public var envStepsPerSecond: Double
    /// Steps per second of the real trainer with the default agent (environment + agent).
    public var trainStepsPerSecond: Double
    /// Wall time of a 6000-episode training run with the defaults.
    public var train6000Seconds: Double
    /// Environment steps in that run.
    public var train6000Steps: Int
    /// How many times each measurement was repeated (the best is reported).
    public var repeats: Int

    enum CodingKeys: String, CodingKey {
        case envStepsPerSecond = "env_steps_per_second"
        case trainStepsPerSecond = "train_steps_per_second"
        case train6000Seconds = "train_6000_seconds"
        case train6000Steps = "train_6000_steps"
        case repeats
    }
}

/// Measures the default Pong: the environment alone, then training through the generic
/// trainer and the real Q-learning agent. Each figure is the best of `repeats` runs.
public func runBenchmark(environmentSteps: Int = 50_000_000, episodes: Int = 6000, repeats: Int = 3, seed: UInt64 = 1) -> BenchmarkReport {
    let clock = ContinuousClock()
    var bestEnvironmentSeconds = Double.infinity
    var bestTrainingSeconds = Double.infinity
    var trainingSteps = 0
    for _ in 0..<repeats {
        var environment = try! PongEnvironment()
        var generator = Xoshiro256StarStar(seed: seed)
        _ = environment.reset(seed: seed)
        var checksum = 0
        let start = clock.now
        for _ in 0..<environmentSteps {
            let step = environment.step(generator.next() & 1 == 0 ? .up : .down)
            checksum &+= step.observation.ballX
            if step.terminated || step.truncated { _ = environment.reset() }
        }
        bestEnvironmentSeconds = min(bestEnvironmentSeconds, seconds(clock.now - start))
        blackHole(checksum)

        var trainingEnvironment = try! PongEnvironment()
        var agent = QLearningAgent(
            observationSpace: trainingEnvironment.observationSpace, actionSpace: trainingEnvironment.actionSpace,
            hyperparameters: .pongDefault, seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        let trainingStart = clock.now
        let result = train(&agent, on: &trainingEnvironment, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.training))
        bestTrainingSeconds = min(bestTrainingSeconds, seconds(clock.now - trainingStart))
        trainingSteps = result.steps
        blackHole(Int(agent.table[0, 0]))
    }
    return BenchmarkReport(
        envStepsPerSecond: Double(environmentSteps) / bestEnvironmentSeconds,
        trainStepsPerSecond: Double(trainingSteps) / bestTrainingSeconds,
        train6000Seconds: bestTrainingSeconds, train6000Steps: trainingSteps, repeats: repeats)
}

/// Keeps a value alive so the optimiser cannot delete the loop that made it.
@inline(never)
func blackHole(_ value: Int) {
    if value == .min { print("") }
}
