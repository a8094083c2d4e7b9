import Foundation
import Testing

/// `rl train --checkpoint-every N`: resumable files every N episodes, beside `--out`, in a run
/// whose own file is byte for byte the run without them (Stable-Baselines3's `CheckpointCallback`).
@Suite struct CheckpointTests {
    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func checkpointsResumeToTheRunLeftAlone() throws {
        let folder = temporaryFolder()
        let run = ["train", "--env", "taxi", "--agent", "sarsa", "--episodes", "1000", "--seed", "3", "--quiet"]
        let alone = try RL.run(run + ["--out", "alone.safetensors"], in: folder)
        #expect(alone.status == 0, "\(alone.standardError)")
        let checkpointed = try RL.run(run + ["--out", "c.safetensors", "--checkpoint-every", "300"], in: folder)
        #expect(checkpointed.status == 0, "\(checkpointed.standardError)")
        // Checkpoints at 300, 600 and 900; the end is the run's own file.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("c.") }.sorted()
        #expect(
            files == ["c.checkpoint-300.safetensors", "c.checkpoint-600.safetensors", "c.checkpoint-900.safetensors", "c.safetensors"])
        #expect(try bytes("\(folder)/c.safetensors") == bytes("\(folder)/alone.safetensors"))
        // A checkpoint continues to the same bytes.
        let resumed = try RL.run(
            ["train", "--resume", "c.checkpoint-600.safetensors", "--out", "resumed.safetensors", "--quiet"], in: folder)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try bytes("\(folder)/resumed.safetensors") == bytes("\(folder)/alone.safetensors"))
        let inspected = try RL.run(["inspect", "c.checkpoint-600.safetensors"], in: folder)
        #expect(inspected.status == 0 && inspected.standardOutput.contains("600"), "\(inspected.standardOutput)")
    }

    /// A deep run's checkpoints are what a stopped run saves (the optimiser, the buffers, the
    /// copies of the world mid-episode, the best so far): the run's own file is the run without
    /// them, and a checkpoint resumes to it, byte for byte.
    @Test(arguments: [
        ["--agent", "ppo", "--steps", "12000", "--hidden", "16"],
        // Cart Pole's DQN keeps its best evaluation by default: the checkpoints carry it.
        [
            "--agent", "dqn", "--steps", "5000", "--learning-starts", "200", "--train-frequency", "50", "--gradient-steps", "5", "--hidden",
            "16",
        ],
    ])
    func deepCheckpointsResumeToTheRunLeftAlone(arguments: [String]) throws {
        let folder = temporaryFolder()
        let run = ["train", "--env", "cart-pole", "--seed", "2", "--quiet"] + arguments
        let alone = try RL.run(run + ["--out", "alone.safetensors"], in: folder)
        #expect(alone.status == 0, "\(alone.standardError)")
        let checkpointed = try RL.run(run + ["--out", "c.safetensors", "--checkpoint-every", "150"], in: folder)
        #expect(checkpointed.status == 0, "\(checkpointed.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("c.checkpoint-") }.sorted()
        #expect(files.count >= 2 && files.contains("c.checkpoint-150.safetensors"), "\(files)")
        #expect(try bytes("\(folder)/c.safetensors") == bytes("\(folder)/alone.safetensors"))
        let resumed = try RL.run(
            ["train", "--resume", "c.checkpoint-150.safetensors", "--out", "resumed.safetensors", "--quiet"], in: folder)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try bytes("\(folder)/resumed.safetensors") == bytes("\(folder)/alone.safetensors"))
        let evaluated = try RL.run(["eval", "c.checkpoint-150.safetensors", "--episodes", "2"], in: folder)
        #expect(evaluated.status == 0, "\(evaluated.standardError)")
    }

    /// A table's `--keep-best` writes the best evaluated table beside the run's own file, which
    /// stays the last table (it resumes): `rl eval` of the best, seeded as the evaluations were,
    /// gives the best evaluation's mean exactly.
    @Test func keepBestWritesTheBestTableBesideTheRun() throws {
        let folder = temporaryFolder()
        let run = try RL.run(
            [
                "train", "--env", "frozen-lake", "--episodes", "3000", "--seed", "3", "--eval-every", "250", "--eval-episodes", "50",
                "--keep-best", "--log", "l.csv", "--out", "k.safetensors",
            ], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Kept the table of the best evaluation in k.best.safetensors"), "\(run.standardOutput)")
        let log = try String(contentsOfFile: "\(folder)/l.csv", encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let column = try #require(log.first?.firstIndex(of: "eval_return"))
        let evaluations = log.dropFirst().compactMap { Double($0[column]) }
        #expect(evaluations.count == 12 && Set(evaluations).count > 1, "\(evaluations)")
        let best = try RL.run(["eval", "k.best.safetensors", "--episodes", "50", "--seed", "3", "--json"], in: folder)
        #expect(best.status == 0, "\(best.standardError)")
        #expect(try #require(best.json?["mean_return"] as? Double) == evaluations.max())
        // The run's own file is its last table and still resumes (to nothing more: it is done).
        #expect(try bytes("\(folder)/k.safetensors") != bytes("\(folder)/k.best.safetensors"))
    }

    @Test func checkpointsAreRefusedWhereTheyCannotBeMade() throws {
        let folder = temporaryFolder()
        for (arguments, message) in [
            (["--checkpoint-every", "0"], "--checkpoint-every must be in 1...1000000000, got 0")
        ] {
            let run = try RL.run(["train", "--env", "cart-pole"] + arguments, in: folder)
            #expect(run.status == 64, "\(arguments): \(run.standardError)")
            #expect(run.standardError.contains(message), "\(run.standardError)")
        }
    }
}

/// `rl train --steps N` for an agent that learns by episodes: whole episodes until N steps are
/// spent, schedules over the steps; a stopped run resumes to the bytes of the run left alone.
@Suite struct TrainingByStepsTests {
    @Test func aTableTrainsByStepsAndResumesExactly() throws {
        let folder = temporaryFolder()
        let arguments = ["train", "--env", "taxi", "--agent", "expected-sarsa", "--steps", "300000", "--seed", "2"]
        let run = try RL.run(arguments + ["--json", "--out", "s.safetensors"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let summary = try #require(run.json)
        let steps = try #require(summary["steps"] as? Int)
        // The last episode is played to its end: at most one step cap (200) past the budget.
        #expect(steps >= 300_000 && steps < 300_200, "\(steps)")
        // ε decays over the steps: 1 at the start of the run, 0 by 90% of it, so the table is greedy-good.
        let eval = try RL.run(["eval", "s.safetensors", "--episodes", "1", "--json"], in: folder)
        #expect(try #require(eval.json?["exact_return"] as? Double) > 7.5, "\(eval.standardOutput)")
        // Stopped by SIGTERM after its first report, then resumed: the same bytes.
        let (aloneStatus, stoppedStatus, resumed) = try RL.trainStoppedAndResumed(arguments, in: folder)
        #expect(aloneStatus == 0 && stoppedStatus == 143 && resumed.status == 0, "\(resumed.standardError)")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: "\(folder)/stopped.safetensors"))
                == Data(contentsOf: URL(fileURLWithPath: "\(folder)/alone.safetensors")))
        let again = try RL.run(["train", "--resume", "alone.safetensors"], in: folder)
        #expect(again.status == 65 && again.standardError.contains("steps): nothing to resume"), "\(again.standardError)")
    }
}
