import RLCore
import RLFeatures
import RLLinear
import RLTabular

/// One repeat of the benchmark on continuous world `W`, opened on the linear agent's type: the
/// world alone under random actions, then a training run with the world's defaults.
struct LinearBenchmarkRun<W: ContinuousWorld>: LinearAgentBody {
    typealias Features = ContinuousFeatures<W.World.Observation>
    typealias ActionSpace = W.World.ActionSpace

    let configuration: W.Configuration
    let features: Features
    let agent: String
    let episodes: Int
    let seed: UInt64
    var trainingSeconds = 0.0
    var trainingSteps = 0

    static func measure(
        _ configuration: W.Configuration, agent: String, episodes: Int, environmentSteps: Int, seed: UInt64
    ) throws(RunError) -> WorldBenchmark {
        let clock = ContinuousClock()
        var environment = W.makeWorld(configuration)
        var generator = Xoshiro256StarStar(seed: seed)
        let space = environment.actionSpace
        _ = environment.reset(seed: seed)
        var checksum = 0.0
        let start = clock.now
        for _ in 0..<environmentSteps {
            let step = environment.step(space.randomElement(using: &generator))
            checksum += step.observation[0]
            if step.terminated || step.truncated { _ = environment.reset() }
        }
        let environmentSeconds = seconds(clock.now - start)
        blackHole(Int(truncatingIfNeeded: checksum.bitPattern))

        let features: Features
        do { features = try W.features(configuration) } catch { throw .unsupported(error.message) }
        var run = LinearBenchmarkRun(configuration: configuration, features: features, agent: agent, episodes: episodes, seed: seed)
        guard Registry.openLinearAgent(agent, &run) else {
            throw .unsupported(
                "agent \(agent) learns only tables, and \(W.id) has real coordinates: use one of "
                    + Registry.linearAgentIDs.joined(separator: ", "))
        }
        return WorldBenchmark(
            environmentSeconds: environmentSeconds, trainingSeconds: run.trainingSeconds, trainingSteps: run.trainingSteps)
    }

    mutating func run<A: LinearAgent>(_ agentType: A.Type) where A.Features == Features, A.ActionSpace == ActionSpace {
        var environment = W.makeWorld(configuration)
        var agent = A(
            features: features, actionSpace: environment.actionSpace,
            hyperparameters: W.defaultHyperparameters(forAgent: agent, in: configuration),
            settings: A.Settings(), seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        let clock = ContinuousClock()
        let start = clock.now
        let result = train(&agent, on: &environment, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.training))
        trainingSeconds = seconds(clock.now - start)
        trainingSteps = result.steps
        blackHole(Int(truncatingIfNeeded: (agent.table.values.first ?? 0).bitPattern))
    }
}
