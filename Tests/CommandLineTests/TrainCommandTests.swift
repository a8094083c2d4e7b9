import Foundation
import Testing

@Suite struct TrainCommandTests {
    /// The default file is the world's, whatever the agent: replacing another agent's policy is said.
    @Test func replacingAnotherAgentsPolicyInTheDefaultFileIsSaid() throws {
        let folder = temporaryFolder()
        let first = try RL.run(["train", "--env", "taxi", "--agent", "sarsa", "--episodes", "5", "--quiet"], in: folder)
        #expect(first.status == 0 && first.standardError.isEmpty, "\(first.standardError)")
        let second = try RL.run(["train", "--env", "taxi", "--episodes", "5", "--quiet"], in: folder)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(
            second.standardError
                == "note: policies/taxi.safetensors holds a sarsa policy, which this q-learning run replaces (--out names another file)\n")
        // The same agent again, or a file named with --out: nothing to say.
        let again = try RL.run(["train", "--env", "taxi", "--episodes", "5", "--quiet"], in: folder)
        #expect(again.standardError.isEmpty, "\(again.standardError)")
        let named = try RL.run(
            ["train", "--env", "taxi", "--agent", "sarsa", "--episodes", "5", "--quiet", "--out", "policies/taxi.safetensors"], in: folder)
        #expect(named.status == 0 && named.standardError.isEmpty, "\(named.standardError)")
    }

    @Test func trainingWritesThePolicyAndPrintsJSON() throws {
        let folder = temporaryFolder()
        let run = try RL.run(["train", "--episodes", "200", "--seed", "5", "--json", "--log", "run.csv"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let json = try #require(run.json, "stdout: \(run.standardOutput)")
        #expect(json["episodes"] as? Int == 200)
        #expect((json["steps"] as? Int ?? 0) > 200)
        #expect((json["steps_per_second"] as? Double ?? 0) > 0)
        #expect(json["policy"] as? String == "policies/pong.safetensors")
        #expect(FileManager.default.fileExists(atPath: folder + "/policies/pong.safetensors"))
        let log = try String(contentsOfFile: folder + "/run.csv", encoding: .utf8)
        #expect(log.split(separator: "\n").count == 201)
        // Progress and the summary went to stderr, so stdout is only the JSON object.
        #expect(run.standardError.contains("Policy saved to policies/pong.safetensors"))
    }

    @Test func humanOutputHasTheReportLinesAndASummary() throws {
        let run = try RL.run(["train", "--episodes", "1000", "--out", "p.safetensors"])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("episodes 500: average return") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("episodes 1000: average return") }.count == 1)
        #expect(run.standardOutput.contains("steps/s"))
        #expect(run.standardOutput.contains("Policy saved to p.safetensors."))
    }

    @Test func theSameSeedGivesTheSameFileThroughTheCommand() throws {
        let folder = temporaryFolder()
        for name in ["a", "b"] {
            #expect(
                try RL.run(["train", "--episodes", "100", "--seed", "9", "--quiet", "--out", "\(name).safetensors"], in: folder).status == 0
            )
        }
        #expect(
            FileManager.default.contents(atPath: folder + "/a.safetensors")
                == FileManager.default.contents(atPath: folder + "/b.safetensors"))
    }

    @Test(arguments: [
        ["train", "--episodes", "-1"],
        ["train", "--episodes", "0"],
        ["train", "--epsilon", "2"],
        ["train", "--learning-rate", "0"],
        ["train", "--discount", "-0.5"],
        ["train", "--unknown-flag"],
        ["train", "--observation", "pixels"],
        ["train", "--env", "chess"],
        ["train", "--episodes", "many"],
        ["train", "--env", "cliff-walking", "--observation", "classic"],
        ["train", "--out", "/"],
        ["train", "--log", "/"],
        ["train", "--epsilon", "nan"],
        ["eval", ""],
        ["train", "--out", "same.safetensors", "--log", "same.safetensors"],
        ["train", "--out", "missing-folder/"],
        ["train", "--log", "/dev/null"],
        ["eval", "--episodes", "0"],
        ["bench", "--repeats", "100"],
        ["fly"],
    ])
    func badInputIsOneLineAndANonZeroExit(arguments: [String]) throws {
        let run = try RL.run(arguments)
        #expect(run.status != 0)
        #expect(run.errorLines.count == 1, "\(run.standardError)")
        #expect(run.errorLines.first?.hasPrefix("error: ") == true)
        #expect(!run.standardError.contains("Fatal error") && !run.standardError.contains("Backtrace"))
    }

    /// The README promises that `rl train --seed 1` remakes the shipped policy byte for byte.
    @Test func seedOneRemakesTheShippedPolicy() throws {
        let folder = temporaryFolder()
        let run = try RL.run(["train", "--seed", "1", "--quiet", "--out", "remade.safetensors"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("policies/pretrained/pong.safetensors")
        let remade = try #require(FileManager.default.contents(atPath: folder + "/remade.safetensors"))
        #expect(FileManager.default.contents(atPath: shipped.path) == remade)
    }

    @Test func helpIsNotAnError() throws {
        let run = try RL.run(["train", "--help"])
        #expect(run.status == 0 && run.standardOutput.contains("--learning-rate"))
    }

    @Test func ctrlCStopsCleanlyAndKeepsThePolicy() throws {
        let folder = temporaryFolder()
        let (process, output, errors) = try RL.start(["train", "--episodes", "10000000", "--out", "p.safetensors"], in: folder)
        // Wait for the first report line: training (and the signal handler) has started.
        RL.read(until: "episodes 500:", from: output)
        process.interrupt()
        // A run that ignores Ctrl-C must fail the test, not hang it.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        let rest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        #expect(rest.contains("Interrupted after"))
        // Stopping on request is not an error: nothing on stderr.
        #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "")
        let run = try RL.run(["eval", "p.safetensors", "--episodes", "2", "--json"], in: folder)
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/p.safetensors"))
    }
}

@Suite struct TrainEvaluationCommandTests {
    @Test func evalEveryPrintsAndLogsGreedyEvaluations() throws {
        let folder = temporaryFolder()
        let run = try RL.run(
            ["train", "--episodes", "200", "--eval-every", "100", "--eval-episodes", "3", "--log", "run.csv", "--json"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("episodes 100: greedy evaluation over 3 episodes: average return"))
        let json = try #require(run.json)
        #expect((json["last_evaluation"] as? [String: Any])?["episodes"] as? Int == 200)
        let log = try String(contentsOfFile: folder + "/run.csv", encoding: .utf8).split(separator: "\n")
        #expect(
            log[0]
                == "episode,return,steps,hits,misses,avoidable_misses,won,epsilon,eval_return,eval_steps,eval_hits,eval_misses,eval_avoidable_misses,eval_won"
        )
        for arguments in [["train", "--eval-every", "0"], ["train", "--eval-every", "-5"], ["train", "--eval-episodes", "0"]] {
            let bad = try RL.run(arguments, in: folder)
            #expect(bad.status != 0 && bad.errorLines.count == 1 && bad.standardError.hasPrefix("error: --eval-"), "\(bad.standardError)")
        }
    }
}
