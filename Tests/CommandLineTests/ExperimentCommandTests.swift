import Foundation
import RLTestSupport
import Testing

/// `rl sweep`, `rl report`, and `rl train`'s TensorBoard and progress logs, run as a user would.
@Suite struct ExperimentCommandTests {
    @Test func aSweepWritesOneLinePerRunAndARestartSkipsThem() throws {
        let folder = temporaryFolder()
        let arguments = [
            "sweep", "--env", "cliff-walking", "--agent", "q-learning", "--agent", "sarsa", "--set", "learning-rate=0.2,0.6",
            "--seeds", "1-3", "--episodes", "50", "--eval-episodes", "3", "--out", "s.jsonl", "--jobs", "2",
        ]
        let first = try RL.run(arguments + ["--json"], in: folder)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.json?["finished"] as? Int == 12)
        let lines = try String(contentsOfFile: folder + "/s.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 12)
        let line = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        for key in ["id", "env", "agent", "seed", "settings", "final", "episodes", "steps", "seconds", "curve"] {
            #expect(line[key] != nil, "no \(key) in \(line)")
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/" + (line["curve"] as! String)))
        let second = try RL.run(arguments + ["--json"], in: folder)
        #expect(second.json?["finished"] as? Int == 0 && second.json?["skipped"] as? Int == 12)
        // The dry run lists the same ids.
        let listed = try RL.run(arguments + ["--dry-run"], in: folder).standardOutput.split(separator: "\n").map { $0.prefix(16) }
        let written = lines.map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }.map { $0["id"] as! String }
        #expect(Set(listed.map(String.init)) == Set(written))
    }

    /// Ctrl-C: the runs in flight are dropped, the file holds only whole lines, exit 130, and the
    /// same command finishes the sweep.
    @Test func ctrlCStopsCleanlyAndARestartFinishes() throws {
        let folder = temporaryFolder()
        let arguments = [
            "sweep", "--env", "cliff-walking", "--seeds", "1-6", "--episodes", "40000", "--eval-episodes", "5",
            "--out", "s.jsonl", "--jobs", "2", "--quiet",
        ]
        let (process, output, error) = try RL.start(arguments, in: folder)
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(message)")
        let text = (try? String(contentsOfFile: folder + "/s.jsonl", encoding: .utf8)) ?? ""
        #expect(text.isEmpty || text.hasSuffix("\n"))
        let done = text.split(separator: "\n").count
        #expect(done < 6)
        let again = try RL.run(arguments + ["--json"], in: folder)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.json?["skipped"] as? Int == done && again.json?["finished"] as? Int == 6 - done)
    }

    /// Two sweeps on the same results used to both run everything: the second is refused in one
    /// line while the first holds the lock beside the file, and runs once the first is done.
    @Test func aSecondSweepOnTheSameResultsIsRefused() throws {
        let folder = temporaryFolder()
        let arguments = [
            "sweep", "--env", "cliff-walking", "--seeds", "1-2", "--episodes", "10000000", "--eval-episodes", "1",
            "--out", "s.jsonl", "--jobs", "1", "--quiet",
        ]
        let (process, output, error) = try RL.start(arguments, in: folder)
        // The first sweep holds the lock once its runs folder exists.
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: folder + "/s.runs") && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let second = try RL.run(arguments, in: folder)
        process.interrupt()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        _ = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(second.status == 1 && second.errorLines.count == 1, "\(second.standardError)")
        #expect(second.standardError.contains("another rl sweep is writing s.jsonl"), "\(second.standardError)")
        #expect(process.terminationStatus == 130)
        // The lock goes with the first sweep.
        let third = try RL.run(["sweep", "--env", "cliff-walking", "--episodes", "10", "--out", "s.jsonl", "--quiet"], in: folder)
        #expect(third.status == 0, "\(third.standardError)")
    }

    @Test func aShardComesFromSLURMsArrayVariables() throws {
        let folder = temporaryFolder()
        let process = Process()
        process.executableURL = RL.executable
        process.arguments = ["sweep", "--env", "maximization-bias", "--seeds", "1-10", "--episodes", "20", "--dry-run"]
        process.environment = ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Runs 1, 5 and 9 of the grid: seeds 2, 6 and 10.
        #expect(text.split(separator: "\n").map { $0.split(separator: " ").last! } == ["2", "6", "10"])
    }

    @Test func badSweepsAreOneLine() throws {
        let unknown = try RL.run(["sweep", "--env", "pong", "--set", "gamma=0.5", "--dry-run"])
        #expect(unknown.status == 64 && unknown.errorLines.count == 1)
        #expect(unknown.standardError.contains("neither a hyperparameter"))
        let noEnv = try RL.run(["sweep", "--dry-run"])
        #expect(noEnv.status != 0 && noEnv.errorLines.count == 1)
        let shard = try RL.run(["sweep", "--env", "pong", "--shard", "3/3", "--dry-run"])
        #expect(shard.status == 64 && shard.errorLines.count == 1)
    }

    /// The issue's check: `rl report --json` on made-up results gives SciPy's interquartile mean
    /// and NumPy's mean exactly, and intervals that SciPy's own bootstrap agrees with.
    @Test func reportMatchesSciPy() throws {
        let folder = temporaryFolder()
        var generator = SystemRandomNumberGenerator()
        let a = (0..<30).map { _ in Double(Int.random(in: 0...1000, using: &generator)) / 10 }
        let b = (0..<20).map { _ in Double(Int.random(in: 300...1300, using: &generator)) / 10 }
        var text = ""
        for (name, scores) in [("0.1", a), ("0.5", b)] {
            for (seed, score) in scores.enumerated() {
                text +=
                    #"{"agent":"q-learning","curve":"none.csv","env":"pong","episodes":100,"evaluation":{"return":\#(score)},"final":\#(score),"id":"\#(name)-\#(seed)","metric":"return","policy":"none","resolved":{},"seconds":1,"training_seconds":1,"seed":\#(seed),"settings":{"learning-rate":"\#(name)"},"steps":10}"#
                    + "\n"
            }
        }
        try text.write(toFile: folder + "/r.jsonl", atomically: true, encoding: .utf8)
        let replicates = 20_000
        let run = try RL.run(["report", "r.jsonl", "--json", "--replicates", "\(replicates)", "--compare", "1", "2"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let document = try #require(run.json)
        let configurations = try #require(document["configurations"] as? [[String: Any]])
        #expect(configurations.count == 2)
        #expect(configurations[0]["runs"] as? Int == 30)
        let reference = try runPython(
            """
            import json, sys
            import numpy as np
            from scipy.stats import bootstrap, trim_mean
            x = np.array(json.loads(sys.argv[1]))
            def iqm(s, axis=-1): return trim_mean(s, 0.25, axis=axis)
            r = bootstrap((x,), iqm, method="percentile", n_resamples=\(replicates), confidence_level=0.95,
                          vectorized=True, rng=np.random.default_rng(0))
            m = bootstrap((x,), np.mean, method="percentile", n_resamples=\(replicates), confidence_level=0.95,
                          vectorized=True, rng=np.random.default_rng(1))
            print(json.dumps({"iqm": float(trim_mean(x, 0.25)), "mean": float(np.mean(x)), "median": float(np.median(x)),
                              "iqm_ci": [r.confidence_interval.low, r.confidence_interval.high], "iqm_se": r.standard_error,
                              "mean_ci": [m.confidence_interval.low, m.confidence_interval.high], "mean_se": m.standard_error}))
            """, arguments: [String(decoding: try JSONEncoder().encode(a), as: UTF8.self)])
        #expect(reference.status == 0, "\(reference.output)")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(reference.output.split(separator: "\n").last!.utf8)) as? [String: Any])
        let ours = configurations[0]
        func number(_ value: Any?) -> Double { (value as? Double) ?? Double((value as? Int) ?? -1) }
        #expect(abs(number(ours["iqm"]) - number(expected["iqm"])) < 1e-9)
        #expect(abs(number(ours["mean"]) - number(expected["mean"])) < 1e-9)
        #expect(abs(number(ours["median"]) - number(expected["median"])) < 1e-9)
        // Monte Carlo error of each end at 20,000 resamples is about 2% of the standard error on
        // each side; 15% is far below what a wrong method would move them (see StratifiedBootstrapTests).
        for (key, error) in [("iqm_ci", "iqm_se"), ("mean_ci", "mean_se")] {
            let interval = try #require(ours[key] as? [Double]), reference = try #require(expected[key] as? [Double])
            let tolerance = 0.15 * number(expected[error])
            #expect(
                abs(interval[0] - reference[0]) < tolerance && abs(interval[1] - reference[1]) < tolerance,
                "\(key): \(interval) vs SciPy's \(reference)")
        }
        let comparison = try #require(document["comparison"] as? [String: Any])
        let probability = number(comparison["probability"])
        // The exact probability: pairs where a beats b, ties half.
        let pairs = a.flatMap { x in b.map { y in x > y ? 1.0 : (x == y ? 0.5 : 0) } }
        #expect(abs(probability - pairs.reduce(0, +) / Double(pairs.count)) < 1e-12)
    }

    @Test func trainWritesTensorBoardEventsThatTensorBoardReads() throws {
        let folder = temporaryFolder()
        let run = try RL.run(
            [
                "train", "--env", "pong", "--episodes", "400", "--eval-every", "200", "--out", "p.safetensors",
                "--log", "run.csv", "--tensorboard", "tb", "--progress-jsonl", "progress.jsonl", "--quiet",
            ], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let reader = try runPython(
            """
            import json, sys
            from tensorboard.backend.event_processing import event_accumulator
            acc = event_accumulator.EventAccumulator(sys.argv[1], size_guidance={event_accumulator.SCALARS: 0})
            acc.Reload()
            print(json.dumps({tag: [[e.step, e.value] for e in acc.Scalars(tag)] for tag in acc.Tags()["scalars"]}))
            """, arguments: [folder + "/tb"])
        #expect(reader.status == 0, "\(reader.output)")
        let scalars = try #require(
            try JSONSerialization.jsonObject(with: Data(reader.output.split(separator: "\n").last!.utf8)) as? [String: [[Double]]])
        for tag in [
            "episode/return", "episode/length", "episode/epsilon", "episode/learning_rate", "episode/hits", "episode/won",
            "report/mean_return", "report/steps_per_second", "eval/return", "eval/hits",
        ] {
            #expect(scalars[tag] != nil, "no \(tag) in \(scalars.keys.sorted())")
        }
        // Each episode's return and length are the CSV log's (as 32-bit floats).
        let rows = try String(contentsOfFile: folder + "/run.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let returns = try #require(scalars["episode/return"])
        #expect(returns.count == 400)
        for (row, point) in zip(rows, returns) {
            #expect(Double(row[0]) == point[0] && Float(Double(row[1])!) == Float(point[1]))
        }
        #expect(scalars["episode/length"]!.map { $0[1] } == rows.map { Double($0[2])! })
        #expect(scalars["eval/return"]!.map { $0[0] } == [200, 400])
        #expect(scalars["episode/epsilon"]!.first![1] == Double(Float(0.3)))
        // The progress stream: one line per report interval (the run's 400 episodes: one) and per evaluation.
        let progress = try String(contentsOfFile: folder + "/progress.jsonl", encoding: .utf8).split(separator: "\n")
            .map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(progress.map { $0["event"] as! String } == ["evaluation", "report", "evaluation"])
        #expect(progress.map { $0["episodes"] as! Int } == [200, 400, 400])
        #expect(Float(progress[0]["mean_return"] as! Double) == Float(scalars["eval/return"]![0][1]))
    }

    @Test func theProgressStreamCanShareStdoutWithTheSummary() throws {
        let run = try RL.run(["train", "--episodes", "1000", "--out", "p.safetensors", "--progress-jsonl", "-", "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(lines.count == 3)
        #expect(lines[0]["event"] as? String == "report" && lines[1]["episodes"] as? Int == 1000)
        #expect(lines[2]["policy"] as? String == "p.safetensors")
        #expect(run.standardError.contains("Policy saved to p.safetensors"))
    }

    @Test func aSweepWritesATensorBoardFolderPerRun() throws {
        let folder = temporaryFolder()
        let run = try RL.run(
            [
                "sweep", "--env", "maximization-bias", "--seeds", "1-3", "--episodes", "30", "--out", "s.jsonl",
                "--tensorboard", "tb", "--quiet",
            ], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: folder + "/tb")
        #expect(runs.count == 3)
        #expect(runs.allSatisfy { $0.hasPrefix("maximization-bias,q-learning,seed") })
    }
}
