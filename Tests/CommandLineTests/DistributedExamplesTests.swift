import Foundation
import Testing

/// The examples in examples/ run for real: the SLURM scripts (with the array's variables set by
/// hand, as SLURM would), the Ray script on a local Ray instance, and the Optuna study.
@Suite(.serialized) struct DistributedExamplesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A tiny grid: 2 agents × 5 seeds of maximization-bias, 100 episodes each.
    static func writeSpec(in folder: String) throws -> String {
        let path = folder + "/spec.json"
        try
            #"{"env": "maximization-bias", "agent": ["q-learning", "double-q-learning"], "seeds": "1-5", "episodes": 100, "eval_episodes": 10}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:], in folder: String) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// A virtual environment with Ray and Optuna, made once under .build (measured: 30 s and 395 MB
    /// the first time); `nil`, with why, when they cannot be installed (no network, no venv module).
    static let python: (path: String?, why: String) = {
        let venv = repository.appendingPathComponent(".build/python-examples").path
        let python = venv + "/bin/python"
        if let check = try? run(python, ["-c", "import ray, optuna"], in: "/"), check.status == 0 { return (python, "") }
        guard let made = try? run("/usr/bin/env", ["python3", "-m", "venv", "--clear", venv], in: "/"), made.status == 0 else {
            return (nil, "python3 -m venv failed")
        }
        guard let installed = try? run(python, ["-m", "pip", "install", "-q", "ray", "optuna"], in: "/"), installed.status == 0 else {
            return (nil, "pip install ray optuna failed")
        }
        return (python, "")
    }()

    static func pythonOrSkip() -> String? {
        if python.path == nil { print("skipped: Ray and Optuna cannot be installed (\(python.why))") }
        return python.path
    }

    @Test func slurmArrayTasksAndTheMergeGiveTheWholeSweep() throws {
        let folder = temporaryFolder()
        let spec = try Self.writeSpec(in: folder)
        let scripts = Self.repository.appendingPathComponent("examples/slurm").path
        let environment = [
            "RL": RL.executable.path, "SPEC": spec, "RESULTS": folder + "/results", "SLURM_ARRAY_TASK_COUNT": "3",
            "SLURM_ARRAY_TASK_MIN": "0", "SLURM_CPUS_PER_TASK": "1",
        ]
        for task in 0..<3 {
            let run = try Self.run(
                "/bin/bash", [scripts + "/sweep.sbatch"], environment: environment.merging(["SLURM_ARRAY_TASK_ID": "\(task)"]) { $1 },
                in: folder)
            #expect(run.status == 0, "\(run.output)")
        }
        let merge = try Self.run("/bin/bash", [scripts + "/merge.sbatch"], environment: environment, in: folder)
        #expect(merge.status == 0, "\(merge.output)")
        let merged = try String(contentsOfFile: folder + "/results/sweep.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(merged.count == 10)
        let whole = try RL.run(["sweep", "--spec", spec, "--out", "whole.jsonl", "--quiet"], in: folder)
        #expect(whole.status == 0)
        func ids(_ lines: [Substring]) -> [String] {
            lines.map { (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["id"] as! String }.sorted()
        }
        #expect(ids(merged) == ids(try String(contentsOfFile: folder + "/whole.jsonl", encoding: .utf8).split(separator: "\n")))
        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/results/report.json")))
            as? [String: Any]
        #expect((report?["configurations"] as? [Any])?.count == 2)
        #expect(FileManager.default.fileExists(atPath: folder + "/results/curves.png"))
    }

    @Test func rayRunsTheShardsAndCollectsTheResults() throws {
        guard let python = Self.pythonOrSkip() else { return }
        let folder = temporaryFolder()
        let spec = try Self.writeSpec(in: folder)
        let run = try Self.run(
            python,
            [
                Self.repository.appendingPathComponent("examples/ray/ray_sweep.py").path, "--rl", RL.executable.path,
                "--spec", spec, "--shards", "3", "--out", "merged.jsonl", "--work", folder + "/work",
            ],
            environment: ["RAY_DISABLE_USAGE_STATS": "1"], in: folder)
        #expect(run.status == 0, "\(run.output)")
        let lines = try String(contentsOfFile: folder + "/merged.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 10)
        let report = try RL.run(["report", "merged.jsonl", "--json", "--replicates", "1000"], in: folder)
        #expect(report.status == 0, "\(report.standardError)")
        // The runs' files came back from the tasks beside the merged file (not only in --work, which
        // a cluster's driver does not see), and its curves draw.
        for line in lines {
            let run = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["curve", "policy"] {
                let path = try #require(run[key] as? String)
                #expect(path.hasPrefix("merged.runs/") && FileManager.default.fileExists(atPath: folder + "/" + path), "\(path)")
            }
        }
        let curves = try RL.run(["report", "merged.jsonl", "--replicates", "1000", "--curves", "curves.png"], in: folder)
        #expect(curves.status == 0, "\(curves.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder + "/curves.png"))
    }

    @Test func optunaTunesAndPrunesOnTheProgressStream() throws {
        guard let python = Self.pythonOrSkip() else { return }
        let folder = temporaryFolder()
        let run = try Self.run(
            python,
            [
                Self.repository.appendingPathComponent("examples/optuna/tune.py").path, "--rl", RL.executable.path,
                "--env", "pong", "--episodes", "600", "--eval-every", "100", "--trials", "8",
            ], in: folder)
        #expect(run.status == 0, "\(run.output)")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(run.output.split(separator: "\n").last!.utf8)) as? [String: Any])
        #expect((summary["complete"] as? Int ?? 0) >= 3)
        #expect((summary["pruned"] as? Int ?? -1) + (summary["complete"] as? Int ?? 0) == 8)
        #expect(summary["best_params"] as? [String: Double] != nil)
    }

    /// Without `rl` on PATH the examples find this checkout's build; a binary that is not there is
    /// one line, not a Python traceback.
    @Test func theExamplesFindTheBuiltBinaryOrSaySoInOneLine() throws {
        let folder = temporaryFolder()
        let examples = Self.repository.appendingPathComponent("examples").path
        let probe = "import sys; sys.path.insert(0, '\(examples)'); from rl_binary import find_rl; print(find_rl(sys.argv[1] or None))"
        let path = "/usr/bin:/bin"
        let found = try Self.run("/usr/bin/env", ["python3", "-c", probe, ""], environment: ["PATH": path, "RL_BIN": ""], in: folder)
        #expect(found.status == 0, "\(found.output)")
        let binary = found.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(binary.hasPrefix(Self.repository.appendingPathComponent(".build").path) && binary.hasSuffix("/rl"), "\(binary)")
        for (environment, argument, words) in [
            (["RL_BIN": "/nonexistent/rl"], "", "RL_BIN /nonexistent/rl: no such executable"),
            (["RL_BIN": ""], "/nonexistent/rl", "--rl /nonexistent/rl: no such executable"),
        ] {
            let refused = try Self.run(
                "/usr/bin/env", ["python3", "-c", probe, argument], environment: environment.merging(["PATH": path]) { $1 }, in: folder)
            let lines = refused.output.split(separator: "\n")
            #expect(refused.status == 1 && lines.count == 1 && lines[0].contains(words), "\(refused.output)")
        }
        guard let python = Self.pythonOrSkip() else { return }
        for (script, more) in [("optuna/tune.py", [String]()), ("ray/ray_sweep.py", ["--spec", "x.json"])] {
            let run = try Self.run(
                python, [examples + "/" + script, "--rl", "/nonexistent/rl"] + more, environment: ["PATH": path], in: folder)
            #expect(run.status == 1 && !run.output.contains("Traceback"), "\(script): \(run.output)")
        }
    }
}
