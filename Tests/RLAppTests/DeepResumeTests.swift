import Foundation
import RLCore
import RLTabular
import Testing

@testable import RLApp

/// A deep agent's run stopped and resumed is the run left alone, byte for byte: DQN with its
/// replay buffer and Adam's moments, PPO with its rollout half collected and every copy of the
/// world replayed to where it stood.
@Suite struct DeepResumeTests {
    /// Small settings that still learn, so that the runs take a second in a debug build.
    static let cases: [(world: String, agent: String, flags: [(String, String?)], steps: Int)] = [
        ("cart-pole", "dqn", [("learning-starts", "200"), ("train-frequency", "50"), ("gradient-steps", "5"), ("hidden", "32,32")], 2500),
        ("cliff-walking", "dqn", [("learning-starts", "100"), ("train-frequency", "16"), ("gradient-steps", "2"), ("hidden", "16")], 2000),
        ("cart-pole", "ppo", [], 3000),
        // Mountain Car's default PPO normalises observations and rewards, and its time limit
        // cuts episodes: the bootstrap from the cut observation is part of what resumes.
        ("mountain-car", "ppo", [("normalize", nil), ("envs", "4"), ("n-steps", "32"), ("batch-size", "64"), ("hidden", "16,16")], 2600),
        ("cliff-walking", "ppo", [("envs", "3"), ("n-steps", "20"), ("hidden", "16")], 2500),
    ]

    func options(_ world: String, _ agent: String, flags: [(String, String?)], steps: Int, path: String) throws -> TrainingOptions {
        let registered = try #require(Registry.world(world))
        let description = try #require(Registry.agent(agent))
        var options = TrainingOptions(
            world: world, configuration: try registered.configure().configuration, agent: agent,
            agentSettings: try description.settings(flags), episodes: 10_000_000, seed: 5,
            hyperparameters: registered.defaultHyperparameters(forAgent: agent), outputPath: path)
        options.steps = steps
        options.reportInterval = 10
        return options
    }

    func run(_ options: TrainingOptions, stoppingAfter stop: Int?) throws -> TrainingOutcome {
        var played = 0
        return try runTraining(
            options,
            shouldStop: {
                played += 1; return stop.map { played >= $0 } ?? false
            })
    }

    @Test(arguments: 0..<cases.count)
    func anInterruptedDeepRunResumedIsByteIdenticalToTheRunLeftAlone(index: Int) throws {
        let (world, agent, flags, steps) = Self.cases[index]
        let folder = temporaryFolder()
        let whole = try run(try options(world, agent, flags: flags, steps: steps, path: folder + "/whole.safetensors"), stoppingAfter: nil)
        #expect(!whole.interrupted && whole.steps >= steps)
        // Stopped twice, the first time after learning has begun.
        let firstStop = max(2, whole.episodes * 2 / 5), secondStop = max(1, whole.episodes / 4)
        #expect(whole.episodes > firstStop + secondStop, "\(world) \(agent): \(whole.episodes) episodes, too few to stop twice")
        let piecesPath = folder + "/pieces.safetensors"
        let first = try run(try options(world, agent, flags: flags, steps: steps, path: piecesPath), stoppingAfter: firstStop)
        #expect(first.interrupted && first.episodes == firstStop)
        let saved = try Policy.load(from: piecesPath)
        #expect(saved.extraTensors.keys.contains { $0.hasPrefix(agent + ".") && $0.contains("adam") })
        let middle = try run(try TrainingOptions(resuming: saved, outputPath: piecesPath), stoppingAfter: secondStop)
        #expect(middle.interrupted && middle.resumed && middle.episodes == firstStop + secondStop)
        let last = try run(try TrainingOptions(resuming: try Policy.load(from: piecesPath), outputPath: piecesPath), stoppingAfter: nil)
        #expect(!last.interrupted && last.episodes == whole.episodes && last.steps == whole.steps)
        #expect(try AtomicFile.read(whole.policy) == (try AtomicFile.read(piecesPath)), "\(world) \(agent)")
        // The finished file keeps no buffers, and says it is complete.
        let finished = try Policy.load(from: piecesPath)
        #expect(!finished.extraTensors.keys.contains { $0.contains("adam") })
        #expect(throws: PolicyFileError.self) { try TrainingOptions(resuming: finished, outputPath: piecesPath) }
    }

    /// A budget that ends before any episode does still saves a file (JSON has no infinity for
    /// the best return of no episodes), and that file is complete.
    @Test(arguments: ["dqn", "ppo"])
    func aRunWithNoEpisodeSavesACompleteFile(agent: String) throws {
        let folder = temporaryFolder()
        let flags: [(String, String?)] =
            agent == "dqn" ? [("learning-starts", "10"), ("hidden", "8")] : [("envs", "2"), ("n-steps", "16"), ("hidden", "8")]
        let outcome = try run(
            try options("mountain-car", agent, flags: flags, steps: 64, path: folder + "/p.safetensors"), stoppingAfter: nil)
        #expect(outcome.episodes == 0 && !outcome.interrupted)
        let saved = try Policy.load(from: outcome.policy)
        #expect(saved.metadata.trainingState?.episodesDone == 0)
        #expect(throws: PolicyFileError.self) { try TrainingOptions(resuming: saved, outputPath: folder + "/q.safetensors") }
    }

    /// What a stopped file holds for resuming is untrusted like the rest: each damage is refused
    /// in one line naming the tensor, before anything trains.
    @Test(arguments: ["dqn", "ppo"])
    func damagedTrainingTensorsAreRefusedInOneLine(agent: String) throws {
        let folder = temporaryFolder()
        let path = folder + "/stopped.safetensors"
        let (world, _, flags, steps) = try #require(Self.cases.first { $0.world == "cart-pole" && $0.agent == agent })
        _ = try run(try options(world, agent, flags: flags, steps: steps, path: path), stoppingAfter: 60)
        let stopped = try Policy.load(from: path)
        let counts = agent + ".counts"
        let generator = agent == "dqn" ? "dqn.world_generator" : "ppo.world.0.generators"
        let actions = agent == "dqn" ? "dqn.world_generator" : "ppo.world.0.actions"
        let moment = try #require(stopped.extraTensors.keys.first { $0.hasPrefix(agent + ".adam.exp_avg_sq.") })
        let damages: [(String, (inout [String: Tensor]) -> Void)] = [
            (counts, { $0[counts] = nil }),
            (counts, { $0[counts] = Tensor(shape: [2], integers: [1, 2]) }),
            (generator, { $0[generator] = Tensor(shape: [4], integers: [0, 0, 0, 0]) }),
            (actions, { $0[actions] = Tensor(shape: [1], integers: [7]) }),
            (moment, { $0[moment] = Tensor(shape: [1], floats: [-1]) }),
        ]
        for (name, damage) in damages {
            var damaged = stopped
            damage(&damaged.extraTensors)
            do {
                _ = try runTraining(try TrainingOptions(resuming: damaged, outputPath: folder + "/out.safetensors"))
                Issue.record("\(agent): a damaged '\(name)' was resumed")
            } catch {
                let message = (error as? RunError)?.message ?? (error as? PolicyFileError)?.message ?? "\(error)"
                #expect(message.contains(name) && !message.contains("\n"), "\(agent): \(message)")
            }
        }
    }
}
