import Foundation
import Testing

@testable import RLApp

/// The registry as a user meets it: worlds, agents, resuming, and files of unknown worlds.
@Suite struct RegistryCommandTests {
    @Test func helpListsEveryWorldAndAgentWithTheirFlags() throws {
        let run = try RL.run(["train", "--help"])
        #expect(run.status == 0)
        // rl's own worlds: a test in this process registers its own (ExampleTests' corridor), which the binary does not know.
        let ids = Registry.builtInWorlds.map(\.id) + Registry.builtInAgents.map(\.id) + Registry.planners.map(\.id)
        let flags = (Registry.builtInWorlds.flatMap(\.flagHelp) + Registry.builtInAgents.flatMap(\.flagHelp)).map { "--" + $0.name }
        let presets = Registry.builtInWorlds.flatMap { world in
            world.presets.enumerated().map { ($0.offset == 0 ? "presets: " : "") + $0.element.name }
        }
        #expect(ids.count >= 15 && flags.contains("--lambda") && !presets.isEmpty)
        for text in ids + flags + presets {
            #expect(run.standardOutput.contains(text), "\(text)")
        }
        // Each entry wraps under its own column: within 80 columns, and no line of the worlds and
        // agents starts at column 0 but their headings.
        let registry = (run.standardOutput.components(separatedBy: "WORLDS (--env):").last ?? "").components(separatedBy: "\nUSAGE:")[0]
        for line in registry.split(separator: "\n") {
            #expect(line.count <= 80, "\(line)")
            #expect(line.hasPrefix(" ") || line == "AGENTS (--agent):", "\(line)")
        }
    }

    @Test func anAgentWithItsOwnFlagsTrainsAndItsFileSaysSo() throws {
        let folder = temporaryFolder()
        let train = try RL.run(
            [
                "train", "--env", "cliff-walking", "--agent", "sarsa-lambda", "--lambda", "0.5", "--traces=replacing",
                "--episodes", "100", "--quiet", "--log", "run.csv",
            ], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        #expect(train.standardOutput.contains("Trained 100 episodes of cliff-walking with sarsa-lambda"))
        let inspect = try RL.run(["inspect", "policies/cliff-walking.safetensors", "--summary-only"], in: folder)
        #expect(
            inspect.standardOutput.contains(#"agent            sarsa-lambda {"lambda":0.5,"traces":"replacing"}"#),
            "\(inspect.standardOutput)")
        let log = try String(contentsOfFile: folder + "/run.csv", encoding: .utf8)
        #expect(log.hasPrefix("episode,return,steps,falls,epsilon\n"))
        let eval = try RL.run(["eval", "--env", "cliff-walking", "--episodes", "3", "--json"], in: folder)
        let report = try #require(eval.json)
        #expect(eval.status == 0 && metric(report, "falls") != nil)
    }

    @Test(arguments: [
        (["train", "--agent", "alpha-zero"], "unknown agent 'alpha-zero'"),
        (["train", "--env", "chess"], "unknown world 'chess'"),
        (["train", "--lambda", "0.5"], "unknown option '--lambda' for world pong and agent q-learning"),
        (["train", "--agent", "sarsa-lambda", "--lambda", "1.5"], "--lambda must be in 0...1"),
        (["train", "--agent", "dyna-q", "--planning-steps"], "missing value for '--planning-steps'"),
        (
            ["train", "--env", "pong-duel", "--bins", "1", "--agent", "dyna-q", "--sample-model", "--model-outcomes", "64"],
            "Dyna-Q's sample model of 142251714 state-action pairs × 64 outcomes would not fit in memory"
        ),
        (["train", "--stay=yes"], "'--stay' takes no value"),
        (["train", "--env", "cliff-walking", "--max-steps", "1000000000"], "--max-steps must be in 1...100000"),
        (["train", "--env", "cliff-walking", "--preset", "tutorial"], "world cliff-walking has no preset 'tutorial' (it has book)"),
        (["train", "--env", "taxi", "--preset", "tutorial"], "world taxi has no presets"),
        (["train", "--out", "policy.txt"], "ending in .safetensors"),
        (["train", "--log", "run.txt"], "ending in .csv"),
        (["train", "--learning-rate", "5e-324"], "--learning-rate must be in 1e-12...1"),
        (["train", "--resume", "p.safetensors", "--episodes", "10"], "--resume takes every setting from the policy file: drop --episodes"),
        (["bench", "--agent", "alpha-zero"], "unknown agent 'alpha-zero'"),
    ])
    func badRequestsAreOneLineUsageErrors(arguments: [String], expected: String) throws {
        let run = try RL.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.standardError)")
        #expect(
            run.errorLines.count == 1 && run.standardError.hasPrefix("error: ") && run.standardError.contains(expected),
            "\(arguments): \(run.standardError)")
    }

    /// The default schedule given flag by flag is the default schedule: one decay rule.
    @Test func theDefaultScheduleGivenExplicitlyTrainsTheSamePolicy() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--episodes", "150", "--quiet", "--out", "a.safetensors"], in: folder).status == 0)
        #expect(
            try RL.run(
                [
                    "train", "--episodes", "150", "--quiet", "--out", "b.safetensors", "--epsilon", "0.3", "--epsilon-end", "0",
                    "--learning-rate", "1", "--learning-rate-end", "0.01",
                ], in: folder
            ).status == 0)
        #expect(
            FileManager.default.contents(atPath: folder + "/a.safetensors")
                == FileManager.default.contents(atPath: folder + "/b.safetensors"))
    }

    @Test func aRunStoppedByASignalResumesToTheSameBytesAsARunLeftAlone() throws {
        let folder = temporaryFolder()
        let arguments = ["train", "--episodes", "2500", "--seed", "7", "--agent", "expected-sarsa"]
        #expect(try RL.run(arguments + ["--quiet", "--out", "alone.safetensors"], in: folder).status == 0)
        let (process, output, _) = try RL.start(arguments + ["--out", "stopped.safetensors"], in: folder)
        RL.read(until: "episodes 500:", from: output)
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        let summary = try RL.run(["inspect", "stopped.safetensors", "--summary-only"], in: folder)
        #expect(summary.standardOutput.contains("(interrupted)"), "\(summary.standardOutput)")
        let resumed = try RL.run(["train", "--resume", "stopped.safetensors", "--quiet"], in: folder)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput.contains("Resumed and trained to 2500 episodes of pong with expected-sarsa"))
        #expect(
            FileManager.default.contents(atPath: folder + "/alone.safetensors")
                == FileManager.default.contents(atPath: folder + "/stopped.safetensors"))
        // A finished run has nothing to resume; an old file has no state to resume from.
        let again = try RL.run(["train", "--resume", "stopped.safetensors"], in: folder)
        #expect(again.status == 65 && again.errorLines.count == 1 && again.standardError.contains("nothing to resume"))
        let old = PolicyFixtures.editingHeader { header in
            var metadata = header["__metadata__"] as! [String: String]
            metadata["format_version"] = "1"
            header["__metadata__"] = metadata
        }
        _ = FileManager.default.createFile(atPath: folder + "/old.safetensors", contents: Data(old))
        let refused = try RL.run(["train", "--resume", "old.safetensors"], in: folder)
        #expect(
            refused.status == 65 && refused.errorLines.count == 1 && refused.standardError.contains("older rl"), "\(refused.standardError)")
    }

    @Test func aPolicyOfAnUnknownWorldStillOpensButCannotBePlayed() throws {
        let folder = temporaryFolder()
        let chess = PolicyFixtures.editingHeader { header in
            var metadata = header["__metadata__"] as! [String: String]
            metadata["environment"] = "chess"
            metadata["configuration"] = #"{"board":8}"#
            header["__metadata__"] = metadata
        }
        _ = FileManager.default.createFile(atPath: folder + "/chess.safetensors", contents: Data(chess))
        let summary = try RL.run(["inspect", "chess.safetensors"], in: folder)
        #expect(summary.status == 0, "\(summary.standardError)")
        #expect(summary.standardOutput.contains("a world this rl does not know"))
        let csv = try RL.run(["inspect", "chess.safetensors", "--format", "csv"], in: folder)
        #expect(
            csv.status == 0 && csv.standardOutput.hasPrefix("paddle,ball_y,ball_x,ball_moving_right,ball_moving_up,action,value,visits\n"))
        let json = try #require(try RL.run(["inspect", "chess.safetensors", "--format", "json"], in: folder).json)
        #expect(json["environment"] as? String == "chess" && (json["configuration"] as? [String: Any])?["board"] as? Int == 8)
        #expect(try RL.run(["inspect", "chess.safetensors", "--export", "q.npy"], in: folder).status == 0)
        for arguments in [
            ["eval", "chess.safetensors"], ["watch", "chess.safetensors", "--screenshot", "x.png"],
            ["train", "--resume", "chess.safetensors"],
        ] {
            let run = try RL.run(arguments, in: folder)
            #expect(
                run.status == 65 && run.errorLines.count == 1 && run.standardError.contains("'chess'"), "\(arguments): \(run.standardError)"
            )
        }
    }
}

@Suite struct EvalInterruptionTests {
    /// Ctrl-C in a long evaluation prints the report of the episodes played, marked as such.
    @Test func ctrlCPrintsTheEpisodesPlayedSoFar() throws {
        let (process, output, errors) = try RL.start(["eval", PolicyFixtures.shippedPath, "--episodes", "1000000"], in: temporaryFolder())
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(report.contains("of 1000000 episodes (interrupted)") && report.contains("return           mean"), "\(report)")
        #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "")
    }
}
