import Foundation
import RLCore
import RLTabular
import Testing

@testable import RLApp
@testable import rl

/// Each agent declares the shared settings it reads, and `rl train` and `rl sweep --set` take
/// exactly those: proved with an agent that reads ε and no learning rate (the shape of a
/// sample-average bandit), registered in this process.
@Suite struct AgentSettingsTests {
    init() throws { try Registry.register(agent: SampleAverage.self) }

    @Test func trainTakesTheSettingsTheAgentReadsAndRefusesTheOthers() throws {
        let base = ["--env", "taxi", "--agent", SampleAverage.id]
        _ = try TrainCommand.parse(base + ["--epsilon", "0.2", "--epsilon-end", "0.01", "--decay", "0.5"])
        for (flag, value) in [("--learning-rate", "0.1"), ("--learning-rate-end", "0.1"), ("--discount", "0.9")] {
            #expect(
                TrainCommand.message(for: TrainCommandRefusal(base + [flag, value]).error)
                    == "\(flag) is not a setting of agent test-sample-average (it takes --epsilon, --epsilon-end, --decay)")
        }
        // A value out of range gets the same message as in every other place.
        #expect(TrainCommand.message(for: TrainCommandRefusal(base + ["--epsilon", "2"]).error) == "--epsilon must be in 0...1, got 2.0")
        // rl train --help lists what it takes.
        #expect(RegistryHelp.text.contains("  test-sample-average"))
        #expect(RegistryHelp.text.contains("      takes: --epsilon, --epsilon-end, --decay"))
    }

    @Test func sweepTakesTheSettingsTheAgentReadsAndRefusesTheOthers() throws {
        let agent = try #require(Registry.agent(SampleAverage.id))
        let taxi = try #require(Registry.world("taxi"))
        let resolved = try SweepSpec.resolve([("epsilon", "0.2"), ("epsilon-end", "0.05"), ("decay", "0.5")], world: taxi, agent: agent)
        #expect(resolved.hyperparameters.epsilon == .linear(from: 0.2, to: 0.05, over: 0.5))
        #expect(
            throws: SettingError(
                "--learning-rate is not a setting of agent test-sample-average (it takes --epsilon, --epsilon-end, --decay)")
        ) {
            try SweepSpec.resolve([("learning-rate", "0.2")], world: taxi, agent: agent)
        }
        #expect(throws: SettingError("--epsilon must be in 0...1, got 2.0")) {
            try SweepSpec.resolve([("epsilon", "2")], world: taxi, agent: agent)
        }
    }

    @Test func itTrainsThroughTheRegistryWithoutALearningRate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agent-settings-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try runTraining(
            TrainingOptions(TaxiWorld.self, agent: SampleAverage.id, episodes: 50, seed: 1, outputPath: folder + "/p.safetensors"))
        #expect(outcome.episodes == 50)
        let policy = try Policy.load(from: folder + "/p.safetensors")
        #expect(policy.metadata.agent == SampleAverage.id)
        // Every value is a mean of rewards seen (Taxi's are -1, -10 and 20).
        #expect(policy.table.values.allSatisfy { (-10...20).contains($0) })
        #expect(policy.table.values.contains { $0 != 0 })
    }
}

/// What `TrainCommand.parse` threw for arguments it refuses.
private struct TrainCommandRefusal {
    var error: Error
    init(_ arguments: [String]) {
        do {
            _ = try TrainCommand.parse(arguments)
            error = CancellationError()
        } catch {
            self.error = error
        }
    }
}

/// A per-state sample average (Sutton & Barto, 2nd ed., §2.4, one bandit per state):
/// choose A from S ε-greedily; take A, observe R; N(S,A) ← N(S,A) + 1;
/// Q(S,A) ← Q(S,A) + (1/N(S,A)) [R − Q(S,A)]. The step size is 1/N, not α, and nothing is
/// discounted: of the shared settings it reads ε alone.
struct SampleAverageAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    let observationSpace: ObservationSpace
    let actionSpace: ActionSpace
    var table: QTable
    var exploration: EpsilonGreedy
    mutating func ownLearnedTables() { table.makeUnique() }

    init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: NoAgentSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
    }

    mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        let count = table.visitCount(state: state, action: action) + 1  // N(S,A), counted by the move
        table.moveInPlace(state: state, action: action, towards: transition.reward, rate: 1 / Double(count))
        return nil
    }
}

/// `test-sample-average`: takes `--epsilon`, `--epsilon-end` and `--decay`, nothing else.
enum SampleAverage: AgentRegistration {
    static let id = "test-sample-average"
    static let summary = "per-state sample averages, explored ε-greedily (a test's agent)"
    static var flags: [SettingFlag<NoAgentSettings>] { [] }
    static let sharedSettings: Set<SharedSetting> = [.epsilon]
    static let extraTensorNames: [String] = []
    static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(SampleAverageAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
