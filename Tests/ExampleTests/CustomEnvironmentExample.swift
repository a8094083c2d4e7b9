// swift-format-ignore-file
// The README shows this file's example word for word, aligned comments included (a test checks):
// scripts/format leaves it as written.
import Foundation
import Testing

// README-EXAMPLE-START
import RLApp
import RLCore
import RLTabular

/// A corridor of 6 cells: start in cell 0, reach cell 5 for +1; every step costs 0.01.
struct Corridor: Environment, Resumable {
    let observationSpace = Discrete(6)
    let actionSpace = Discrete(2)          // 0 = left, 1 = right
    var position = 0
    var generatorState: [UInt64] { get { [] } set {} }   // nothing random to save for --resume

    mutating func reset(seed: UInt64?) -> Int {
        position = 0
        return position
    }

    mutating func step(_ action: Int) -> Step<Int> {
        position = min(max(position + (action == 1 ? 1 : -1), 0), 5)
        let done = position == 5
        return Step(observation: position, reward: done ? 1 : -0.01, terminated: done, truncated: false)
    }
}

/// How `rl` knows the corridor: an id, its settings (none), how to build it, where agents start.
enum CorridorWorld: WorldRegistration {
    static let id = "corridor"
    static let summary = "a corridor of 6 cells"
    static let defaultConfiguration = NoConfiguration()

    static func makeWorld(_ configuration: NoConfiguration) -> TimeLimit<Corridor> {
        TimeLimit(Corridor(), maxSteps: 100)               // a step cap, as a wrapper
    }

    static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .linear(from: 1, to: 0.05, over: 0.5))
    }
}

func trainCorridor(savingIn folder: String) throws -> Double {
    try checkEnvironment(CorridorWorld.makeWorld(NoConfiguration()))    // the contract, checked
    try Registry.register(CorridorWorld.self)                          // now rl knows "corridor"
    // What `rl train --env corridor --agent sarsa --episodes 200` runs, policy file included.
    let outcome = try runTraining(TrainingOptions(
        CorridorWorld.self, agent: "sarsa", episodes: 200, seed: 1, outputPath: folder + "/corridor.safetensors"))
    // What `rl eval` runs: the policy file rebuilds its world from the registry.
    let report = try evaluatePolicy(try LoadedPolicy(path: outcome.policy), episodes: 1, seed: 2)
    return report.meanReturn                                           // 1 − 4 × 0.01 = 0.96
}
// README-EXAMPLE-END

@Suite struct CustomEnvironmentExampleTests {
    @Test func theReadmeExampleLearnsTheShortestPathThroughTheRegistry() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rl-example-\(UUID().uuidString)").path
        #expect(abs(try trainCorridor(savingIn: folder) - 0.96) < 1e-9)
        // The file is an ordinary policy file of a registered world.
        let loaded = try LoadedPolicy(path: folder + "/corridor.safetensors")
        #expect(loaded.world?.id == "corridor" && loaded.policy.metadata.agent == "sarsa")
        #expect(loaded.policy.metadata.stateDimensions == ["dimension0"] && loaded.policy.metadata.actions == ["0", "1"])
        // Registering it again is harmless; another world with its id is refused.
        #expect(throws: Never.self) { try Registry.register(CorridorWorld.self) }
        #expect(throws: SettingError.self) { try Registry.register(Impostor.self) }
    }

    /// The README shows this file's example word for word, so the README cannot rot.
    @Test func theReadmeShowsThisExample() throws {
        let here = URL(fileURLWithPath: #filePath)
        let source = try String(contentsOf: here, encoding: .utf8)
        let readme = try String(contentsOf: here.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(source.range(of: "// README-EXAMPLE-START\n"))
        let end = try #require(source.range(of: "// README-EXAMPLE-END"))
        let example = String(source[start.upperBound..<end.lowerBound])
        #expect(readme.contains(example))
    }
}

/// A second world claiming the corridor's id.
private enum Impostor: WorldRegistration {
    static let id = "corridor"
    static let summary = "not the corridor"
    static let defaultConfiguration = NoConfiguration()
    static func makeWorld(_ configuration: NoConfiguration) -> TimeLimit<Corridor> { TimeLimit(Corridor(), maxSteps: 5) }
    static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .cliffWalking }
}
