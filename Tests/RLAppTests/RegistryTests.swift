import Foundation
import RLCore
import RLMaximizationBias
import RLTabular
import Testing

@testable import RLApp

@Suite struct ResumeTests {
    /// Trains `agent` on `world`, stopped after `stop` episodes when given, and returns the file's bytes.
    func train(
        _ world: String, agent: String, settings: String = "{}", episodes: Int, stoppingAfter stop: Int? = nil,
        in folder: String, name: String
    ) throws -> String {
        let registered = try #require(Registry.world(world))
        var options = TrainingOptions(
            world: world, configuration: try registered.configure().configuration, agent: agent, agentSettings: settings,
            episodes: episodes, seed: 11, hyperparameters: registered.defaultHyperparameters(forAgent: agent),
            outputPath: folder + "/" + name)
        options.reportInterval = 25
        var played = 0
        let outcome = try runTraining(
            options,
            shouldStop: {
                played += 1; return stop.map { played >= $0 } ?? false
            })
        #expect(outcome.interrupted == (stop != nil))
        return outcome.policy
    }

    func resume(_ path: String, stoppingAfter stop: Int? = nil) throws -> TrainingOutcome {
        var options = try TrainingOptions(resuming: try Policy.load(from: path), outputPath: path)
        options.evaluationInterval = 7  // evaluations never change the run
        var played = 0
        return try runTraining(
            options,
            shouldStop: {
                played += 1; return stop.map { played >= $0 } ?? false
            })
    }

    /// Every registered world with every registered agent, at the agent's default settings, and
    /// each agent with flags once more with every flag given (so settings other than the defaults
    /// travel through a resume too). rl's own worlds: others registered by tests come and go.
    static let resumeCases: [(world: String, agent: String, settings: String)] = {
        var cases: [(world: String, agent: String, settings: String)] = []
        // A deep agent's runs resume too: DeepResumeTests, with settings small enough for a test.
        let resumable = Registry.builtInAgents.filter { !Registry.isDeep($0.id) }
        for world in Registry.builtInWorlds {
            for agent in resumable where Registry.canLearn(agent.id, on: try! world.configure()) {
                cases.append((world.id, agent.id, try! agent.settings([])))
            }
        }
        // On Cliff Walking, or the first world the agent learns (the bandit methods: bandit).
        for agent in resumable where !agent.flagHelp.isEmpty {
            let world =
                Registry.canLearn(agent.id, on: Registry.world("cliff-walking")!)
                ? "cliff-walking" : Registry.builtInWorlds.first { Registry.canLearn(agent.id, on: $0) }!.id
            cases.append((world, agent.id, try! agent.settings(agent.flagHelp.map { ($0.name, otherValue(of: $0, agent)) })))
        }
        return cases
    }()

    /// A value of an agent's flag that the agent accepts and that is not the default: another of
    /// its `a|b` choices, or a small number inside its `low...high` range; a switch is just given.
    static func otherValue(of flag: (name: String, valueName: String?, help: String), _ agent: AgentDescription) -> String? {
        guard let valueName = flag.valueName else { return nil }
        let bounds = valueName.components(separatedBy: "...").compactMap(Double.init)
        let candidates =
            valueName.contains("|")
            ? valueName.split(separator: "|").map(String.init)
            : bounds.count == 2 ? ["2", String(bounds[0] + 0.4 * (bounds[1] - bounds[0]))] : []
        let defaults = try! agent.settings([])
        guard let value = candidates.first(where: { (try? agent.settings([(flag.name, $0)])).map { $0 != defaults } ?? false }) else {
            preconditionFailure("--\(flag.name) <\(valueName)> of \(agent.id): say here how to pick another value for it")
        }
        return value
    }

    @Test func theResumeCasesCoverTheRegistryAndGiveFlagsOtherValues() throws {
        let pairs = Set(Self.resumeCases.map { "\($0.world) \($0.agent)" })
        let resumable = Registry.builtInAgents.filter { !Registry.isDeep($0.id) }
        let learnable = Registry.builtInWorlds.map { world in resumable.filter { Registry.canLearn($0.id, on: world) }.count }
        #expect(pairs.count == learnable.reduce(0, +))
        for agent in resumable where !agent.flagHelp.isEmpty {
            let given = try #require(Self.resumeCases.last { $0.agent == agent.id }).settings
            #expect(given != (try agent.settings([])), "\(agent.id): \(given)")
            try agent.checkSettings(given)
        }
    }

    @Test(arguments: resumeCases)
    func anInterruptedRunResumedIsByteIdenticalToTheRunLeftAlone(world: String, agent: String, settings: String) throws {
        let folder = temporaryFolder()
        let episodes = world.hasPrefix("pong") || Registry.world(world)!.capabilities.contains(.continuous) ? 60 : 150
        let whole = try train(world, agent: agent, settings: settings, episodes: episodes, in: folder, name: "whole.safetensors")
        // Stopped twice, at uneven points, and resumed each time.
        let pieces = try train(
            world, agent: agent, settings: settings, episodes: episodes, stoppingAfter: 17, in: folder, name: "pieces.safetensors")
        let middle = try resume(pieces, stoppingAfter: 9)
        #expect(middle.interrupted && middle.episodes == 26 && middle.resumed)
        let last = try resume(pieces)
        #expect(!last.interrupted && last.episodes == episodes && last.episodesThisRun == episodes - 26)
        #expect(try AtomicFile.read(whole) == (try AtomicFile.read(pieces)), "\(world), \(agent)")
    }

    @Test func filesThatCannotBeResumedAreRefusedInOneLine() throws {
        let folder = temporaryFolder()
        let path = try train("cliff-walking", agent: "sarsa", episodes: 20, in: folder, name: "done.safetensors")
        let complete = try Policy.load(from: path)
        #expect(throws: PolicyFileError.self) { try TrainingOptions(resuming: complete, outputPath: path) }
        var old = complete
        old.metadata.formatVersion = 1
        old.metadata.trainingState = nil
        do {
            _ = try TrainingOptions(resuming: old, outputPath: path)
            Issue.record("an old file was accepted")
        } catch {
            #expect(error.message.contains("older rl") && !error.message.contains("\n"))
        }
        // A file that names an agent this rl does not know: refused before training.
        let interrupted = try train("cliff-walking", agent: "sarsa", episodes: 20, stoppingAfter: 5, in: folder, name: "cut.safetensors")
        var stranger = try Policy.load(from: interrupted)
        stranger.metadata.agent = "alpha-zero"
        try stranger.save(to: folder + "/stranger.safetensors")
        #expect(throws: PolicyFileError.self) {
            _ = try runTraining(
                try TrainingOptions(
                    resuming: try Policy.load(from: folder + "/stranger.safetensors"), outputPath: folder + "/x.safetensors"))
        }
        // A table of another agent's layout (Double Q-learning's tensors missing) is refused too.
        var wrongAgent = try Policy.load(from: interrupted)
        wrongAgent.metadata.agent = "double-q-learning"
        try wrongAgent.save(to: folder + "/wrong.safetensors")
        do {
            _ = try runTraining(
                try TrainingOptions(resuming: try Policy.load(from: folder + "/wrong.safetensors"), outputPath: folder + "/y.safetensors"))
            Issue.record("a SARSA file resumed as Double Q-learning")
        } catch {
            #expect("\(error)".contains("q1"))
        }
    }
}

@Suite struct RegistryTests {
    @Test func everyAgentTrainsOnEveryWorldAndIsEvaluatedGreedily() throws {
        let folder = temporaryFolder()
        for world in Registry.builtInWorlds {
            for agent in Registry.builtInAgents where Registry.canLearn(agent.id, on: world) {
                // A deep agent with small networks and buffers: a large world's one-hot input is slow in debug.
                let small: [(name: String, value: String?)] =
                    agent.id == "dqn"
                    ? [
                        ("hidden", "8"), ("buffer-size", "500"), ("learning-starts", "100"), ("train-frequency", "50"),
                        ("gradient-steps", "2"),
                    ]
                    : agent.id == "ppo" ? [("hidden", "8"), ("envs", "2"), ("n-steps", "32"), ("batch-size", "32"), ("epochs", "2")] : []
                var options = TrainingOptions(
                    world: world.id, configuration: try world.configure().configuration, agent: agent.id,
                    agentSettings: try agent.settings(small),
                    episodes: world.id.hasPrefix("pong") ? 3 : 30, seed: 1,
                    hyperparameters: world.defaultHyperparameters(forAgent: agent.id),
                    outputPath: folder + "/\(world.id)-\(agent.id).safetensors", logPath: folder + "/\(world.id)-\(agent.id).csv")
                // A deep agent's run is counted in steps: a short one, capped by the episodes too.
                if Registry.isDeep(agent.id) { options.steps = 300 }
                options.evaluationInterval = options.episodes
                options.evaluationEpisodes = 2
                let outcome = try runTraining(options)
                let loaded = try LoadedPolicy(path: outcome.policy)
                #expect(loaded.policy.metadata.agent == agent.id)
                // Self-play's league saves its snapshots beside the agent's tensors; a deep agent's are its networks'.
                if Registry.isDeep(agent.id) {
                    #expect(loaded.policy.extraTensors["policy.0.weight"] != nil && loaded.policy.metadata.isNetwork)
                } else {
                    #expect(
                        Set(loaded.policy.extraTensors.keys.filter { !$0.hasPrefix("league.") }) == Set(agent.extraTensorNames),
                        "\(agent.id)")
                }
                let report = try evaluatePolicy(loaded, episodes: 2, seed: 1)
                #expect(report.metrics.map(\.name) == world.metricNames)
                #expect(outcome.lastEvaluation?.metrics.keys.sorted() == world.metricNames.sorted())
                let header = try String(contentsOfFile: options.logPath!, encoding: .utf8).split(separator: "\n")[0]
                #expect(
                    header
                        == (["episode", "return", "steps"] + world.metricNames + ["epsilon", "eval_return", "eval_steps"]
                        + world.metricNames.map { "eval_" + $0 }).joined(separator: ","))
            }
        }
    }

    @Test func everyPlannerSolvesEveryWorldWithAModelAndRefusesTheOthersInOneLine() throws {
        let folder = temporaryFolder()
        var solved = 0
        for world in Registry.builtInWorlds {
            let configuration = try world.configure().configuration
            for planner in Registry.planners {
                let hyperparameters = world.defaultHyperparameters(forAgent: planner.id)
                let options = TrainingOptions(
                    world: world.id, configuration: configuration, agent: planner.id, episodes: 1, seed: 1,
                    hyperparameters: hyperparameters, outputPath: folder + "/\(world.id)-\(planner.id).safetensors")
                let solvable = world.model(configuration) != nil && !(planner.needsDiscountBelowOne && hyperparameters.discount >= 1)
                do {
                    let outcome = try runTraining(options)
                    #expect(solvable, "\(planner.id) solved \(world.id)")
                    #expect(outcome.planning?.converged == true, "\(planner.id) on \(world.id)")
                    let report = try evaluatePolicy(try LoadedPolicy(path: outcome.policy), episodes: 2, seed: 1)
                    #expect(
                        report.metrics.map(\.name) == world.metricNames && report.gap.map { $0 >= -1e-9 } ?? false,
                        "\(planner.id) on \(world.id): gap \(report.gap ?? .nan)")
                    solved += 1
                } catch {
                    #expect(!solvable && !"\(error)".contains("\n"), "\(planner.id) on \(world.id): \(error)")
                }
            }
        }
        #expect(solved > 0)
    }

    @Test func idsAreUniqueAndFlagsDoNotCollide() {
        let worlds = Registry.builtInWorlds.map(\.id), agents = Registry.builtInAgents.map(\.id)
        #expect(Set(worlds).count == worlds.count && Set(agents).count == agents.count)
        #expect(agents.first == "q-learning")
        let common = [
            "env", "agent", "episodes", "seed", "preset", "learning-rate", "learning-rate-end", "discount", "epsilon",
            "epsilon-end", "decay", "out", "log", "eval-every", "eval-episodes", "resume", "quiet", "json", "help",
        ]
        for world in Registry.builtInWorlds {
            for agent in Registry.builtInAgents {
                let names = world.flagHelp.map(\.name) + agent.flagHelp.map(\.name)
                #expect(Set(names).count == names.count && Set(names).isDisjoint(with: common), "\(world.id) × \(agent.id)")
            }
        }
    }

    @Test func worldAndAgentFlagsSetTheirSettingsAndCheckThem() throws {
        let pong = try #require(Registry.world("pong"))
        let configuration = try pong.configure(preset: "tutorial", flags: [("stay", nil)]).configuration
        #expect(configuration.contains(#""allows_stay":true"#) && configuration.contains(#""observation":"classic""#))
        #expect(pong.defaultHyperparameters(forAgent: "sarsa", preset: "tutorial") == .tutorial)
        #expect(throws: SettingError.self) { try pong.configure(flags: [("observation", "pixels")]).configuration }
        #expect(throws: SettingError.self) { try pong.configure(preset: "expert", flags: []).configuration }
        let lambda = try #require(Registry.agent("sarsa-lambda"))
        #expect(try lambda.settings([("lambda", "0.25"), ("traces", "replacing")]) == #"{"lambda":0.25,"traces":"replacing"}"#)
        #expect(throws: SettingError.self) { try lambda.settings([("lambda", "2")]) }
        #expect(throws: SettingError.self) { try lambda.checkSettings(#"{"lambda":-1,"traces":"accumulating"}"#) }
        let cliff = try #require(Registry.world("cliff-walking"))
        // Step caps are bounded (a policy file cannot make an episode run for ever).
        #expect(throws: WorldConfigurationError.self) { try cliff.layoutOf(#"{"max_steps":1000000000}"#) }
    }
}

@Suite struct MaximizationBiasTests {
    /// The share of episodes that went left from A, over the first 100, averaged over seeds.
    func leftShare(agent: String, seeds: ClosedRange<UInt64>) throws -> Double {
        let folder = temporaryFolder()
        var total = 0.0
        for seed in seeds {
            var options = TrainingOptions(
                MaximizationBiasWorld.self, agent: agent, episodes: 100, seed: seed,
                outputPath: folder + "/m.safetensors", logPath: folder + "/m.csv")
            options.reportInterval = 100
            _ = try runTraining(options)
            let rows = try String(contentsOfFile: folder + "/m.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            total += rows.map { Double($0.split(separator: ",")[3])! }.reduce(0, +) / 100
        }
        return total / Double(seeds.count)
    }

    @Test func doubleQLearningGoesLeftFarLessThanQLearning() throws {
        // Figure 6.5: Q-learning's maximisation bias drags it left early on; Double Q-learning's does not.
        let q = try leftShare(agent: "q-learning", seeds: 1...40)
        let double = try leftShare(agent: "double-q-learning", seeds: 1...40)
        #expect(q > 0.5 && double < 0.3 && double < q / 2, "q-learning \(q), double \(double)")
    }

    @Test func stateAHasTwoActionsAndBHasTen() throws {
        let space = MaximizationBiasWorld.makeWorld(MaximizationBiasConfiguration()).observationSpace
        var table = QTable(observationSpace: space, actionSpace: Discrete(10))
        #expect(table.legalActionCount(in: 0) == 2 && table.legalActionCount(in: 1) == 10 && table.legalActionCount(in: 2) == 1)
        table[0, 5] = 100  // an action A does not have: never chosen, never the maximum
        var generator = Xoshiro256StarStar(seed: 1)
        #expect(table.maxValue(in: 0) == 0)
        #expect((0..<200).allSatisfy { _ in table.epsilonGreedyAction(in: 0, epsilon: 1, exploring: true, using: &generator) < 2 })
    }
}
