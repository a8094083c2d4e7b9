import RLCore
import RLTabular

/// The figures of `rl bench` (also its `--json` output).
public struct BenchmarkReport: Sendable, Codable, Equatable {
    public var environment: String
    public var agent: String
    /// World steps per second with random actions, no learning.
    public var envStepsPerSecond: Double
    /// Steps per second of the real trainer (world + agent).
    public var trainStepsPerSecond: Double
    /// The training run that was timed: episodes, steps and wall time of the best repeat.
    public var trainEpisodes: Int
    public var trainSteps: Int
    public var trainSeconds: Double
    /// How many times each measurement was repeated (the best is reported).
    public var repeats: Int
    /// The same Q-learning Pong loop written in plain C, timed in the same run: the floor the
    /// generic trainer is measured against. Only for Q-learning on the default Pong.
    public var floorStepsPerSecond: Double?
    /// `trainStepsPerSecond / floorStepsPerSecond`.
    public var shareOfFloor: Double?
}

/// One repeat's figures for a world and an agent.
public struct WorldBenchmark: Sendable, Equatable {
    public var environmentSeconds: Double
    public var trainingSeconds: Double
    public var trainingSteps: Int
}

/// Measures a world and an agent: the world alone, then training through the generic trainer
/// and the real agent. Each figure is the best of `repeats` runs.
public func runBenchmark(
    world: String = Registry.defaultWorld.id, agent: String = QLearning.id, environmentSteps: Int = 50_000_000,
    episodes: Int = 6000, repeats: Int = 3, seed: UInt64 = 1,
    floor: ((Int, UInt64) -> (steps: Int, seconds: Double))? = nil
) throws(RunError) -> BenchmarkReport {
    guard let registered = Registry.world(world) else { throw .unknownWorld(world) }
    let configured: ConfiguredWorld
    do { configured = try registered.configure() } catch { throw .unsupported(error.message) }
    var best = WorldBenchmark(environmentSeconds: .infinity, trainingSeconds: .infinity, trainingSteps: 0)
    var bestFloor = Double.infinity
    var floorSteps = 0
    for _ in 0..<repeats {
        let figures = try configured.benchmark(agent, episodes, environmentSteps, seed)
        best.environmentSeconds = min(best.environmentSeconds, figures.environmentSeconds)
        if figures.trainingSeconds < best.trainingSeconds {
            best.trainingSeconds = figures.trainingSeconds
            best.trainingSteps = figures.trainingSteps
        }
        if let floor {
            let measured = floor(episodes, seed)
            bestFloor = min(bestFloor, measured.seconds)
            floorSteps = measured.steps
        }
    }
    let trainRate = Double(best.trainingSteps) / best.trainingSeconds
    let floorRate = floor == nil ? nil : Double(floorSteps) / bestFloor
    return BenchmarkReport(
        environment: world, agent: agent, envStepsPerSecond: Double(environmentSteps) / best.environmentSeconds,
        trainStepsPerSecond: trainRate, trainEpisodes: episodes, trainSteps: best.trainingSteps,
        trainSeconds: best.trainingSeconds, repeats: repeats, floorStepsPerSecond: floorRate,
        shareOfFloor: floorRate.map { trainRate / $0 })
}

/// One repeat of the benchmark on world `W`, opened on the agent's concrete type.
struct WorldBenchmarkRun<W: WorldRegistration>: AgentBody where W.World.ObservationSpace: FiniteSpace {
    typealias ObservationSpace = W.World.ObservationSpace
    typealias ActionSpace = W.World.ActionSpace

    let configuration: W.Configuration
    let agent: String
    let episodes: Int
    let seed: UInt64
    var trainingSeconds = 0.0
    var trainingSteps = 0

    static func measure(
        _ configuration: W.Configuration, agent: String, episodes: Int, environmentSteps: Int,
        seed: UInt64
    ) throws(RunError) -> WorldBenchmark {
        let clock = ContinuousClock()
        var environment = W.makeWorld(configuration)
        var generator = Xoshiro256StarStar(seed: seed)
        let space = environment.actionSpace
        var observation = environment.reset(seed: seed)
        var checksum = 0
        let start = clock.now
        for _ in 0..<environmentSteps {
            // A random action among those the state allows (the maximisation-bias world's A has 2 of 10).
            let state = environment.observationSpace.index(of: observation)
            let legal = environment.observationSpace.legalActions(inState: state)
            let step = environment.step(space.element(at: legal.action(at: generator.nextIndex(below: legal.count(of: space.count)))))
            observation = step.observation
            if step.terminated || step.truncated { observation = environment.reset() }
            checksum &+= environment.observationSpace.index(of: observation)
        }
        let environmentSeconds = seconds(clock.now - start)
        blackHole(checksum)

        var run = WorldBenchmarkRun(configuration: configuration, agent: agent, episodes: episodes, seed: seed)
        guard Registry.openAgent(agent, &run) else {
            throw .unknownAgent(agent)
        }
        return WorldBenchmark(
            environmentSeconds: environmentSeconds, trainingSeconds: run.trainingSeconds, trainingSteps: run.trainingSteps)
    }

    mutating func run<A: TabularAgent>(_ agentType: A.Type)
    where A.ObservationSpace == ObservationSpace, A.ActionSpace == ActionSpace {
        var environment = W.makeWorld(configuration)
        var agent = A(
            observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
            hyperparameters: W.defaultHyperparameters(forAgent: agent, in: configuration),
            settings: A.Settings(), seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        let clock = ContinuousClock()
        let start = clock.now
        let result = train(&agent, on: &environment, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.training))
        trainingSeconds = seconds(clock.now - start)
        trainingSteps = result.steps
        // The bits, not the number: a value may be infinite (a diverging Sarsa(λ)), which Int() traps on.
        blackHole(Int(truncatingIfNeeded: (agent.table.values.first ?? 0).bitPattern))
    }
}

/// Keeps a value alive so the optimiser cannot delete the loop that made it.
@inline(never)
func blackHole(_ value: Int) {
    if value == .min { print("") }
}

/// The figures of `rl bench --agent value-iteration` (a planner): how long solving the world's
/// default configuration from its model takes.
public struct PlannerBenchmarkReport: Sendable, Codable, Equatable {
    public var environment: String
    public var agent: String
    public var states: Int
    public var actions: Int
    /// Sweeps (value iteration) or improvement rounds (policy iteration), and the tolerance.
    public var iterations: Int
    public var tolerance: Double
    public var discount: Double
    /// The best of `repeats` solves, in seconds.
    public var seconds: Double
    public var repeats: Int
}

/// Times a planner on a world's default configuration: the best of `repeats` solves.
public func runPlannerBenchmark(world: String, planner: String, repeats: Int = 3) throws(RunError) -> PlannerBenchmarkReport {
    guard let registered = Registry.world(world) else { throw .unknownWorld(world) }
    guard let solver = Registry.planner(planner) else { throw .unsupported("unknown planner '\(planner)'") }
    let configured: ConfiguredWorld
    do { configured = try registered.configure() } catch { throw .unsupported(error.message) }
    guard let model = configured.model?.model else {
        throw .unsupported("agent \(planner) solves a world from its model, and \(world) publishes none")
    }
    let discount = configured.defaultHyperparameters(forAgent: planner).discount
    if solver.needsDiscountBelowOne && discount >= 1 {
        throw .unsupported("agent \(planner) needs a discount below 1, and \(world)'s default is 1")
    }
    let clock = ContinuousClock()
    var best = Double.infinity
    var iterations = 0
    for _ in 0..<max(repeats, 1) {
        let start = clock.now
        let solution = solver.solve(model, discount, Planner.tolerance)
        best = min(best, seconds(clock.now - start))
        iterations = solution.iterations
    }
    return PlannerBenchmarkReport(
        environment: world, agent: planner, states: model.stateCount, actions: model.actionCount,
        iterations: iterations, tolerance: Planner.tolerance, discount: discount, seconds: best,
        repeats: max(repeats, 1))
}
