import RLCore
import RLDeep
import RLNeural
import RLTabular

/// The figures of `rl bench --agent dqn|ppo` (also its `--json` output): a default training run
/// timed whole, and its gradient steps against the same matrix products through BLAS alone.
public struct DeepBenchmarkReport: Sendable, Codable, Equatable {
    public var environment: String
    public var agent: String
    /// Environment steps of the timed run, and its wall-clock (the best of the repeats).
    public var steps: Int
    public var seconds: Double
    /// Environment steps per second of the whole run: stepping, acting and learning.
    public var envStepsPerSecond: Double
    /// Gradient steps (minibatch updates) of the run, and how many a second its updates ran.
    public var gradientSteps: Int
    public var gradientStepsPerSecond: Double
    /// A gradient step's matrix products through BLAS alone: how many a second.
    public var floorGradientStepsPerSecond: Double
    /// `gradientStepsPerSecond / floorGradientStepsPerSecond`.
    public var shareOfFloor: Double
    /// The floating-point operations of one gradient step's products.
    public var operationsPerGradientStep: Int
    public var repeats: Int
}

/// One timed deep run's figures.
struct DeepBenchmark {
    var seconds: Double
    var steps: Int
    var gradientSteps: Int
    var secondsInGradientSteps: Double
    var products: [MatrixProduct]
}

/// Times deep agent `agent` on `world`'s default configuration with its defaults there (or
/// `steps`): the best of `repeats` runs, and the floor of its gradient step measured beside it.
public func runDeepBenchmark(world: String, agent: String, steps: Int? = nil, repeats: Int = 1, seed: UInt64 = 1) throws(RunError)
    -> DeepBenchmarkReport
{
    guard let registered = Registry.world(world) else { throw .unknownWorld(world) }
    guard let description = Registry.agent(agent), let defaults = try? registered.configure().deepDefaults(forAgent: agent) else {
        throw .unsupported("agent \(agent) learns no networks: rl bench times it by --episodes")
    }
    let configured: ConfiguredWorld
    let settings: String
    do {
        configured = try registered.configure()
        settings = try description.settings(defaults.settings)
    } catch {
        throw .unsupported(error.message)
    }
    if !Registry.canLearn(agent, on: configured) { throw .unsupported(Registry.whyNot(agent, on: configured)) }
    var best: DeepBenchmark?
    for _ in 0..<max(1, repeats) {
        let run = try configured.deepBenchmark(agent, settings, defaults.hyperparameters, steps ?? defaults.steps, seed)
        if best == nil || run.seconds < best!.seconds { best = run }
    }
    let run = best!
    let floorSeconds = ProductFloor.secondsPerPass(run.products)
    let gradientRate = Double(run.gradientSteps) / max(run.secondsInGradientSteps, 1e-9)
    return DeepBenchmarkReport(
        environment: world, agent: agent, steps: run.steps, seconds: run.seconds,
        envStepsPerSecond: Double(run.steps) / max(run.seconds, 1e-9), gradientSteps: run.gradientSteps,
        gradientStepsPerSecond: gradientRate, floorGradientStepsPerSecond: 1 / floorSeconds,
        shareOfFloor: gradientRate * floorSeconds, operationsPerGradientStep: run.products.map(\.operations).reduce(0, +),
        repeats: max(1, repeats))
}

/// One timed training run of a deep agent on world `W`, opened on the agent's type.
struct DeepBenchmarkRun<W: WorldRegistration, Encoder: ObservationEncoder>: DeepAgentBody
where Encoder.Observation == W.World.Observation {
    let configuration: W.Configuration
    let encoder: Encoder
    let settings: String
    let hyperparameters: Hyperparameters
    let steps: Int
    let seed: UInt64
    var result: Result<DeepBenchmark, RunError>?

    mutating func run<A: DeepAgent>(_ agentType: A.Type) {
        guard let settings = JSONText.decode(A.Settings.self, from: settings) else {
            result = .failure(.unsupported("the agent's settings are malformed"))
            return
        }
        let world = W.makeWorld(configuration)
        var agent = A(
            inputWidth: encoder.width, actionCount: world.actionSpace.count, hyperparameters: hyperparameters, settings: settings,
            seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        let configuration = configuration
        let clock = ContinuousClock()
        let start = clock.now
        let trained = agent.train(
            makeEnvironment: { _ in W.makeWorld(configuration) }, encoder: encoder, totalSteps: steps,
            seed: derivedSeed(seed, purpose: SeedPurpose.training), onEpisode: { _, _ in .proceed })
        result = .success(
            DeepBenchmark(
                seconds: RLCore.seconds(clock.now - start), steps: trained.steps, gradientSteps: agent.gradientSteps,
                secondsInGradientSteps: agent.secondsInGradientSteps, products: agent.gradientStepProducts))
    }
}
