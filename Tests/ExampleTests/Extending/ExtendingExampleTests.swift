import Foundation
import RLApp
import RLCore
import RLTabular
import Testing

/// docs/EXTENDING.md, followed literally: the world and the agent it shows are these files,
/// word for word, and with a registry line each they train, save, resume, evaluate and inspect.
@Suite struct ExtendingExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The text between a file's markers.
    static func example(_ file: String, _ marker: String) throws -> String {
        let source = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(file),
            encoding: .utf8)
        let start = try #require(source.range(of: "// \(marker)-START\n"))
        let end = try #require(source.range(of: "// \(marker)-END"))
        return String(source[start.upperBound..<end.lowerBound])
    }

    @Test func theDocShowsTheseFilesWordForWord() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/EXTENDING.md"), encoding: .utf8)
        #expect(doc.contains(try Self.example("WalkWorld.swift", "EXTENDING-WORLD")))
        #expect(doc.contains(try Self.example("OptimisticQLearningAgent.swift", "EXTENDING-AGENT")))
        // The registry lines the doc names are the ones rl's own worlds and agents use.
        let registry = try String(contentsOf: Self.root.appendingPathComponent("Sources/RLApp/Registry/Registry.swift"), encoding: .utf8)
        #expect(registry.contains("AnyWorld(PongWorld.self),") && doc.contains("AnyWorld(WalkWorld.self),"))
        #expect(registry.contains("visitor.visit(QLearning.self)") && doc.contains("visitor.visit(OptimisticQLearning.self)"))
    }

    @Test func theExampleWorldAndAgentLearnThroughTheRegistry() throws {
        try checkEnvironment(WalkWorld.makeWorld(WalkConfiguration()))
        try Registry.register(WalkWorld.self)
        try Registry.register(agent: OptimisticQLearning.self)
        let world = try #require(Registry.world("walk"))
        #expect(world.capabilities == [.inspection] && world.metricNames == ["right_end"])
        let agent = try #require(Registry.agent("optimistic-q-learning"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rl-extending-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let configured = try world.configure(flags: [("length", "9")])
        let options = TrainingOptions(
            world: "walk", configuration: configured.configuration,
            agent: agent.id, agentSettings: try agent.settings([("initial-value", "2")]), episodes: 300, seed: 1,
            hyperparameters: configured.defaultHyperparameters(forAgent: agent.id), outputPath: folder + "/walk.safetensors")
        let outcome = try runTraining(options)
        let loaded = try LoadedPolicy(path: outcome.policy)
        #expect(loaded.policy.metadata.stateDimensions == ["cell"] && loaded.policy.metadata.actions == ["left", "right"])
        #expect(loaded.policy.metadata.agentSettings == #"{"initial_value":2}"#)
        // The greedy walk goes straight to the right end: return 1, in 4 steps from the middle of 9.
        let report = try evaluatePolicy(loaded, episodes: 5, seed: 1)
        #expect(report.meanReturn == 1 && report.meanSteps == 4 && report.metric("right_end")?.mean == 1)
        #expect(loaded.world?.inspection?.explain(state: [3]) == "cell 3 of 9")
        // A cell's values started at Q₀ = 2: an action never tried there still holds it.
        #expect(loaded.policy.table.values.contains(2))
        // The same id again is refused, and the built-in agents are untouched.
        #expect(throws: SettingError.self) { try Registry.register(agent: ImpostorAgent.self) }
        #expect(
            Registry.agents.prefix(6).map(\.id) == ["q-learning", "sarsa", "expected-sarsa", "double-q-learning", "sarsa-lambda", "dyna-q"])
    }
}

/// A second agent claiming the example agent's id.
private enum ImpostorAgent: AgentRegistration {
    static let id = "optimistic-q-learning"
    static let summary = "not it"
    static var flags: [SettingFlag<NoAgentSettings>] { [] }
    static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    static let extraTensorNames: [String] = []
    static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(QLearningAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
