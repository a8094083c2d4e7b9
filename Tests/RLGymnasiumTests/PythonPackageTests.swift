import Foundation
import RLApp
import RLBlackjack
import RLCore
import RLDeep
import RLNeural
import RLTabular
import RLTestSupport
import Testing

/// The Python package (python/, docs/PYTHON.md) as a user gets it: `pip install ./python` into a
/// folder of its own (the release build of libRLGymnasium has its own scratch path,
/// `.build-python`, so it never waits for this `swift test`'s lock on `.build`), then its tests
/// (python/tests, pytest) against `rl` itself: trajectories of every world played here, a table
/// and a network trained here.
@Suite(.serialized) struct PythonPackageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every registered world, by its registration type: a world added to the registry and not
    /// here fails `everyWorldHasATrajectory`.
    static func trajectories(steps: Int) -> [Trajectory] {
        [
            trajectory(of: PongWorld.self, seed: 11, steps: steps),
            trajectory(of: CliffWalkingWorld.self, seed: 12, steps: steps),
            trajectory(of: MaximizationBiasWorld.self, seed: 13, steps: steps),
            trajectory(of: FrozenLakeWorld.self, seed: 14, steps: steps),
            trajectory(of: TaxiWorld.self, seed: 15, steps: steps),
            trajectory(of: BlackjackWorld.self, seed: 16, steps: steps),
            trajectory(of: PongDuelWorld.self, seed: 17, steps: steps),
            trajectory(of: CartPoleWorld.self, seed: 18, steps: steps),
            trajectory(of: MountainCarWorld.self, seed: 19, steps: steps),
            trajectory(of: AcrobotWorld.self, seed: 20, steps: steps),
            trajectory(of: WindyGridworldWorld.self, seed: 21, steps: steps),
            trajectory(of: MazeWorld.self, seed: 22, steps: steps),
            trajectory(of: GamblersProblemWorld.self, seed: 23, steps: steps),
            trajectory(of: ShortCorridorWorld.self, seed: 24, steps: steps),
            trajectory(of: RandomWalkWorld.self, seed: 25, steps: steps),
            trajectory(of: GridworldWorld.self, seed: 26, steps: steps),
            trajectory(of: BairdWorld.self, seed: 27, steps: steps),
            trajectory(of: BanditWorld.self, seed: 28, steps: steps),
            trajectory(of: JacksCarRentalWorld.self, seed: 29, steps: steps),
            trajectory(of: AccessControlWorld.self, seed: 30, steps: steps),
        ]
    }

    /// `rl`'s own worlds: other suites in the same process register worlds of their own.
    @Test func everyWorldHasATrajectory() {
        #expect(Self.trajectories(steps: 1).map(\.world) == Registry.builtInWorlds.map(\.id))
    }

    @Test func theInstalledPackagePassesItsTestsAgainstRL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rl-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // rl's side: trajectories of every world, a table and a network, from Swift directly.
        let trajectoryFile = folder.appendingPathComponent("trajectories.json")
        try JSONEncoder().encode(Self.trajectories(steps: 3000)).write(to: trajectoryFile)
        let table = folder.appendingPathComponent("cliff.safetensors").path
        _ = try runTraining(TrainingOptions(CliffWalkingWorld.self, episodes: 500, seed: 1, outputPath: table))
        let network = folder.appendingPathComponent("cliff-dqn.safetensors").path
        var options = TrainingOptions(CliffWalkingWorld.self, agent: "dqn", episodes: 1_000_000, seed: 1, outputPath: network)
        options.steps = 3000
        options.agentSettings = try Registry.agent("dqn")!.settings([("buffer-size", "1000"), ("learning-starts", "100")])
        _ = try runTraining(options)
        let networkOutputs = folder.appendingPathComponent("cliff-dqn-outputs.json")
        try JSONEncoder().encode(try Self.outputsPerState(of: network, states: 48)).write(to: networkOutputs)
        // A network on a world whose state has several coordinates (Pong's six): Python takes
        // them as Gymnasium gives them, the state's shape coming from rl's library.
        let pongNetwork = folder.appendingPathComponent("pong-dqn.safetensors").path
        options = TrainingOptions(PongWorld.self, agent: "dqn", episodes: 1_000_000, seed: 1, outputPath: pongNetwork)
        options.steps = 300
        options.agentSettings = try Registry.agent("dqn")!.settings([("buffer-size", "1000"), ("learning-starts", "100")])
        _ = try runTraining(options)
        // A linear policy (tile coding on Mountain Car): its features are computed by rl's library.
        let linear = folder.appendingPathComponent("car-sarsa.safetensors").path
        _ = try runTraining(TrainingOptions(MountainCarWorld.self, agent: "sarsa", episodes: 5, seed: 1, outputPath: linear))
        let samples = folder.appendingPathComponent("samples.json")
        try JSONEncoder().encode([
            "pong-dqn": try Self.tableSamples(of: pongNetwork), "car-sarsa": try Self.valueFunctionSamples(of: linear),
        ]).write(to: samples)

        // The user's side: pip install, then pytest.
        let site = folder.appendingPathComponent("site").path
        let install = try run(
            ["python3", "-m", "pip", "install", "--quiet", "--no-build-isolation", "--no-deps", "--target", site, "./python"],
            environment: ["RL_REPOSITORY": Self.repository.path])
        #expect(install.status == 0, "\(install.output)")
        guard install.status == 0 else { return }
        let tests = try run(
            ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "python/tests"],
            environment: [
                "PYTHONPATH": site, "RL_TRAJECTORIES": trajectoryFile.path, "RL_TABLE_POLICY": table, "RL_NETWORK_POLICY": network,
                "RL_NETWORK_OUTPUTS": networkOutputs.path, "PYTHONDONTWRITEBYTECODE": "1",
                "RL_PONG_NETWORK_POLICY": pongNetwork, "RL_LINEAR_POLICY": linear, "RL_POLICY_SAMPLES": samples.path,
            ])
        #expect(tests.status == 0, "\(tests.output)")
    }

    /// What a deep agent's action network gives each state of a finite world (one-hot inputs).
    static func outputsPerState(of path: String, states: Int) throws -> [[Float]] {
        let policy = try Policy.load(from: path)
        let network = try NetworkDescription(json: policy.metadata.network ?? "").makePolicyNetwork(from: policy.extraTensors)
        let inputs = Matrix<Float>(rows: states, columns: states)
        inputs.fill(with: 0)
        for state in 0..<states { inputs[state, state] = 1 }
        let outputs = network.forward(inputs)
        return (0..<states).map { state in (0..<network.outputSize).map { outputs[state, $0] } }
    }

    /// What a policy on a finite world gives each action at a few states: its coordinates, then
    /// the values (a network's table is what it gives each state, made when the file is loaded).
    static func tableSamples(of path: String) throws -> [PolicySample] {
        let table = try LoadedPolicy(path: path).policy.table
        return stride(from: 0, to: table.stateCount, by: table.stateCount / 37).map { state in
            var coordinates: [Double] = [], rest = state
            for size in table.stateShape.reversed() {
                coordinates.insert(Double(rest % size), at: 0)
                rest /= size
            }
            return PolicySample(observation: coordinates, values: (0..<table.actionCount).map { table[state, $0] })
        }
    }

    /// What a linear policy gives each action on a 7 × 7 grid over a continuous world's box, as
    /// `rl inspect` reads it.
    static func valueFunctionSamples(of path: String) throws -> [PolicySample] {
        let loaded = try LoadedPolicy(path: path)
        let view = try #require(loaded.world?.valueFunction)
        return (0..<49).map { cell in
            var point = view.defaultPoint
            point[0] = view.low[0] + Double(cell / 7) / 6 * (view.high[0] - view.low[0])
            point[1] = view.low[1] + Double(cell % 7) / 6 * (view.high[1] - view.low[1])
            return PolicySample(observation: point, values: view.actionValues(loaded.policy, at: point))
        }
    }

    func run(_ command: [String], environment extra: [String: String]) throws -> PythonRun {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "RL_GYMNASIUM_LIBRARY")
        for (key, value) in extra { environment[key] = value }
        return try runProcess(command, in: Self.repository, environment: environment)
    }
}

/// An observation and what a policy gives each action there.
struct PolicySample: Codable {
    var observation: [Double]
    var values: [Double]
}
