import ArgumentParser
import CPongFloor
import RLApp
import RLRender
import RLTabular

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure steps per second of a world and of training an agent on it (use a release build).",
        discussion: """
            Each figure is the best of --repeats runs. For Q-learning on the default Pong, the same loop \
            written in plain C is timed in the same run: the floor the generic trainer is compared with (also for sarsa on mountain-car).
            """)

    @OptionGroup var worldOption: WorldOption
    var env: String { worldOption.world.id }

    @Option(help: "Agent to train (default q-learning).")
    var agent: String = QLearning.id

    @Option(parsing: .unconditional, help: "World steps to time alone (1...1000000000).")
    var envSteps = 50_000_000

    @Option(parsing: .unconditional, help: "Training episodes to time (1...1000000).")
    var episodes = 6000

    @Option(parsing: .unconditional, help: "Repeats; the best run is reported (1...20; default 3, a deep agent 1).")
    var repeats: Int?

    @Option(parsing: .unconditional, help: "A deep agent's environment steps (default its run on the world, rl-zoo3's).")
    var steps: Int?

    @Flag(help: "Print the figures as JSON on stdout.")
    var json = false

    func validate() throws {
        try requireFlag("env-steps", envSteps, in: 1...1_000_000_000)
        try requireFlag("episodes", episodes, in: 1...1_000_000)
        try requireFlag("repeats", repeats, in: 1...20)
        try requireFlag("steps", steps, in: 1...1_000_000_000)
        guard Registry.agent(agent) != nil else {
            throw ValidationError("--agent: unknown agent '\(agent)' (this rl knows \(Registry.agentList))")
        }
    }

    func run() throws {
        #if DEBUG
        ConsoleStream.standardError.writeLine("warning: this is a debug build; for real figures run: swift run -c release rl bench")
        #endif
        if Registry.planner(agent) != nil { return try runPlanner() }
        if Registry.isDeep(agent) { return try runDeep() }
        let report: BenchmarkReport
        let repeats = repeats ?? 3
        do {
            report = try runBenchmark(
                world: env, agent: agent, environmentSteps: envSteps, episodes: episodes, repeats: repeats,
                floor: floor(world: env, agent: agent))
        } catch {
            throw CommandError(error)
        }
        if json {
            ConsoleStream.standardOutput.writeLine(JSONText.encode(report))
            return
        }
        let out = ConsoleStream.standardOutput
        out.writeLine("\(env) alone (random actions):  \(grouped(Int(report.envStepsPerSecond.rounded()))) steps/s")
        out.writeLine("Training \(agent) on \(env):  \(grouped(Int(report.trainStepsPerSecond.rounded()))) steps/s")
        out.writeLine("\(episodes)-episode training run: \(fixed(report.trainSeconds, 3)) s (\(grouped(report.trainSteps)) steps)")
        if let floor = report.floorStepsPerSecond, let share = report.shareOfFloor {
            out.writeLine(
                "Plain C floor, same loop:  \(grouped(Int(floor.rounded()))) steps/s; the generic trainer runs at \(fixed(share * 100, 1))% of it"
            )
        }
        out.writeLine("(best of \(report.repeats) runs)")
    }
}

extension BenchCommand {
    /// A deep agent trains by steps: its run on the world timed whole, and its gradient steps
    /// against their matrix products through BLAS alone.
    func runDeep() throws {
        let report: DeepBenchmarkReport
        do { report = try runDeepBenchmark(world: env, agent: agent, steps: steps, repeats: repeats ?? 1) } catch {
            throw CommandError(error)
        }
        if json { return ConsoleStream.standardOutput.writeLine(JSONText.encode(report)) }
        let out = ConsoleStream.standardOutput
        out.writeLine(
            "Training \(agent) on \(env): \(grouped(report.steps)) steps in \(fixed(report.seconds, 2)) s, "
                + "\(grouped(Int(report.envStepsPerSecond.rounded()))) steps/s")
        out.writeLine(
            "Gradient steps: \(grouped(report.gradientSteps)), \(grouped(Int(report.gradientStepsPerSecond.rounded())))/s; "
                + "their matrix products through BLAS alone: \(grouped(Int(report.floorGradientStepsPerSecond.rounded())))/s "
                + "(\(fixed(report.shareOfFloor * 100, 1))% of the floor)")
        out.writeLine("(best of \(report.repeats) runs)")
    }

    /// A planner has no episodes to time: it times solving the world's model.
    func runPlanner() throws {
        let report: PlannerBenchmarkReport
        do { report = try runPlannerBenchmark(world: env, planner: agent, repeats: repeats ?? 3) } catch { throw CommandError(error) }
        if json { return ConsoleStream.standardOutput.writeLine(JSONText.encode(report)) }
        let what = agent == Planner.valueIteration.id ? "sweeps" : "improvement rounds"
        ConsoleStream.standardOutput.writeLine(
            "\(agent) on \(env) (\(report.states) states, \(report.actions) actions, γ \(formatNumber(report.discount))): "
                + "\(report.iterations) \(what) to \(report.tolerance) in \(fixed(report.seconds * 1000, 3)) ms (best of \(report.repeats) runs)"
        )
    }
}

/// The plain-C loop `rl bench` times beside the trainer, where there is one: Q-learning on the
/// default Pong, and linear Sarsa on Mountain Car with the world's default features.
func floor(world: String, agent: String) -> ((Int, UInt64) -> (steps: Int, seconds: Double))? {
    switch (world, agent) {
    case (Registry.defaultWorld.id, QLearning.id): { floorYardstick(episodes: $0, seed: $1) }
    case (MountainCarWorld.id, Sarsa.id): { linearFloorYardstick(episodes: $0, seed: $1) }
    default: nil
    }
}

/// The plain-C tile-coded Sarsa on Mountain Car (same draws, same weights, proven bit-identical
/// by MountainCarFloorTests), timed on the same machine in the same run.
func linearFloorYardstick(episodes: Int, seed: UInt64) -> (steps: Int, seconds: Double) {
    let count = rl_floor_mountain_car_weight_count()
    var weights = [Double](repeating: 0, count: count)
    var visits = [Int64](repeating: 0, count: count)
    let clock = ContinuousClock()
    let start = clock.now
    let steps = rl_floor_train_mountain_car_sarsa(Int32(clamping: episodes), seed, &weights, &visits)
    let elapsed = clock.now - start
    if weights[0].isNaN { print("") }  // keeps the result alive
    return (Int(steps), Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
}

/// The plain-C yardstick: the same Q-learning Pong loop (same draws, same table, proven
/// bit-identical by CPongFloorTests), timed on the same machine in the same run.
func floorYardstick(episodes: Int, seed: UInt64) -> (steps: Int, seconds: Double) {
    let clock = ContinuousClock()
    var checksum = 0.0
    let start = clock.now
    let steps = rl_floor_train_pong(Int32(clamping: episodes), seed, &checksum)
    let elapsed = clock.now - start
    if checksum.isNaN { print("") }  // keeps the result alive
    return (Int(steps), Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
}
