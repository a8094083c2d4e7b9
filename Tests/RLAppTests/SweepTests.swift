import Foundation
import RLCore
import RLExperiments
import RLTabular
import Testing

@testable import RLApp

@Suite struct SweepTests {
    /// A grid small enough to run in a test: two worlds, two agents, two values, three seeds.
    let spec = SweepSpec(
        worlds: [PongWorld.id, CliffWalkingWorld.id], agents: [QLearning.id, Sarsa.id],
        settings: [SweepSetting(name: "learning-rate", values: ["0.1", "0.5"])], seeds: [1, 2, 3],
        episodes: 40, evaluationEpisodes: 5)

    @Test func theGridIsWorldsThenAgentsThenSettingsThenSeeds() throws {
        let runs = try spec.runs()
        #expect(runs.count == 24)
        #expect(runs.map(\.index) == Array(0..<24))
        #expect(runs.prefix(3).map(\.seed) == [1, 2, 3])
        #expect(runs[0].settings == ["learning-rate": "0.1"] && runs[3].settings == ["learning-rate": "0.5"])
        #expect(runs[6].agent == Sarsa.id && runs[12].world == CliffWalkingWorld.id)
        #expect(Set(runs.map(\.id)).count == 24)
        #expect(runs.allSatisfy { $0.options.hyperparameters.learningRate.isConstant })
    }

    @Test func idsHashTheResolvedSettingsNotTheirSpelling() throws {
        let a = try SweepSpec(
            worlds: ["pong"], agents: ["q-learning"], settings: [SweepSetting(name: "learning-rate", values: ["0.5"])],
            seeds: [7], episodes: 100
        ).runs()[0]
        let b = try SweepSpec(
            worlds: ["pong"], agents: ["q-learning"], settings: [SweepSetting(name: "learning-rate", values: ["0.50"])],
            seeds: [7], episodes: 100
        ).runs()[0]
        #expect(a.id == b.id)
        #expect(a.id == stableID(a.canonicalForm))
        #expect(a.canonicalForm.hasPrefix("{\"agent\":\"q-learning\",\"agent_settings\":{},\"configuration\":{"))
        #expect(a.canonicalForm.hasSuffix("\"seed\":7}"))
        // Pinned: the canonical form and the hash are documented, so ids must not drift.
        #expect(stableID("") == "f52a15e9a9b5e89b")
        #expect(stableID("a") != stableID("b"))
    }

    @Test func settingsReachTheWorldTheAgentAndTheSchedules() throws {
        let runs = try SweepSpec(
            worlds: ["pong"], agents: ["sarsa-lambda"],
            settings: [
                SweepSetting(name: "stay", values: ["true", "false"]), SweepSetting(name: "lambda", values: ["0.5"]),
                SweepSetting(name: "epsilon", values: ["0.2"]), SweepSetting(name: "epsilon-end", values: ["0.01"]),
            ],
            seeds: [1], episodes: 10
        ).runs()
        #expect(runs.count == 2)
        #expect(runs[0].options.configuration.contains("\"allows_stay\":true"))
        #expect(runs[1].options.configuration.contains("\"allows_stay\":false"))
        #expect(runs[0].options.agentSettings.contains("0.5"))
        #expect(runs[0].options.hyperparameters.epsilon == .linear(from: 0.2, to: 0.01, over: 0.9))
    }

    @Test func badSettingsAreOneClearError() {
        func message(_ settings: [SweepSetting], agents: [String] = ["q-learning"]) -> String? {
            do {
                _ = try SweepSpec(worlds: ["pong"], agents: agents, settings: settings, seeds: [1], episodes: 10).runs(); return nil
            } catch { return error.message }
        }
        #expect(message([SweepSetting(name: "lambda", values: ["0.5"])])?.contains("neither a hyperparameter") == true)
        #expect(message([SweepSetting(name: "learning-rate", values: ["fast"])])?.contains("not a number") == true)
        #expect(message([SweepSetting(name: "stay", values: ["yes"])])?.contains("true or false") == true)
        #expect(message([SweepSetting(name: "learning-rate", values: ["0.1", "0.1"])])?.contains("same settings") == true)
        #expect(message([SweepSetting(name: "discount", values: ["2"])]) != nil)
    }

    /// What `final` reads must be a figure every evaluation has: a world added to the registry
    /// with a misspelt main metric fails here, not in the middle of a sweep.
    @Test func everyWorldsMainMetricIsAFigureOfItsEvaluation() {
        for world in Registry.builtInWorlds {
            #expect((["return", "steps"] + world.metricNames).contains(world.mainMetric), "\(world.id): \(world.mainMetric)")
        }
    }

    @Test func seedsAndShardsParse() throws {
        #expect(try parseSeeds("1-3,7,10-11") == [1, 2, 3, 7, 10, 11])
        #expect(throws: SettingError.self) { try parseSeeds("3-1") }
        #expect(try Shard(parsing: "2/5") == Shard(index: 2, count: 5))
        #expect(throws: SettingError.self) { try Shard(parsing: "5/5") }
        #expect(try Shard.fromSLURM(["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"]) == Shard(index: 3, count: 4))
        #expect(
            try Shard.fromSLURM(["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1"])
                == Shard(index: 3, count: 4))
        #expect(try Shard.fromSLURM([:]) == nil)
    }

    @Test func aSpecFileGivesTheSameGridAsTheFlags() throws {
        let fromFile = try SweepSpec(
            json: """
                {"env": ["pong", "cliff-walking"], "agent": ["q-learning", "sarsa"], "set": {"learning-rate": [0.1, 0.5]},
                 "seeds": "1-3", "episodes": 40, "eval_episodes": 5}
                """)
        #expect(fromFile == spec)
        #expect(throws: SettingError.self) { try SweepSpec(json: "{\"env\": \"pong\", \"seed\": 3}") }
        let switches = try SweepSpec(json: "{\"env\": \"pong\", \"set\": {\"stay\": [true, false]}, \"seeds\": [4, 5]}")
        #expect(switches.settings == [SweepSetting(name: "stay", values: ["true", "false"])])
        #expect(switches.seeds == [4, 5])
    }

    /// Without `--episodes`, each world plays as many as `rl train` would: FrozenLake's 8×8 map
    /// is not cut to Pong's 6000.
    @Test func eachWorldPlaysItsOwnEpisodesUnlessTold() throws {
        #expect(try SweepSpec(json: "{\"env\": [\"pong\", \"frozen-lake\"]}").runs().map(\.options.episodes) == [6000, 20_000])
        let large = try SweepSpec(json: "{\"env\": \"frozen-lake\", \"set\": {\"map\": [\"4x4\", \"8x8\"]}}").runs()
        #expect(large.map(\.options.episodes) == [20_000, 200_000])
        #expect(try SweepSpec(json: "{\"env\": \"frozen-lake\", \"episodes\": 10}").runs().map(\.options.episodes) == [10])
    }

    /// The test: the shards' results, concatenated and sorted, are the unsharded sweep's,
    /// timing aside; and a restarted sweep skips what is done.
    @Test func shardsTogetherGiveTheUnshardedSweep() throws {
        let runs = try spec.runs()
        let folder = temporaryFolder()
        let whole = try runSweep(runs, options: SweepOptions(resultsPath: folder + "/whole.jsonl", jobs: 2))
        #expect(whole.finished == 24 && whole.failures.isEmpty)
        var shardLines: [SweepResult] = []
        for index in 0..<3 {
            let path = folder + "/shard\(index).jsonl"
            let summary = try runSweep(runs, options: SweepOptions(resultsPath: path, jobs: 2, shard: try Shard(index: index, count: 3)))
            #expect(summary.runs == 8)
            shardLines += try JSONLines.read(SweepResult.self, from: path).values
        }
        let wholeLines = try JSONLines.read(SweepResult.self, from: folder + "/whole.jsonl").values
        func comparable(_ lines: [SweepResult]) -> [SweepResult] {
            lines.map { line in
                var line = line
                line.seconds = 0
                line.trainingSeconds = 0
                // Each shard's runs sit beside its own results file.
                line.curve = line.curve.split(separator: "/").last.map(String.init)!
                line.policy = line.policy.split(separator: "/").last.map(String.init)!
                return line
            }.sorted { $0.id < $1.id }
        }
        #expect(comparable(shardLines) == comparable(wholeLines))
        // The curves are the same files too.
        let one = wholeLines[5]
        #expect(
            try AtomicFile.read(folder + "/" + one.curve)
                == (try AtomicFile.read(folder + "/shard\(runs.first { $0.id == one.id }!.index % 3).runs/\(one.id).csv")))
    }

    @Test func aRestartRunsOnlyWhatIsMissing() throws {
        let runs = try Array(spec.runs().prefix(6))
        let folder = temporaryFolder()
        let path = folder + "/sweep.jsonl"
        _ = try runSweep(runs, options: SweepOptions(resultsPath: path, jobs: 2))
        // Keep four whole lines and half of the fifth, as a crash would.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        try (lines.prefix(4).joined(separator: "\n") + "\n" + lines[4].prefix(30)).write(toFile: path, atomically: true, encoding: .utf8)
        let again = try runSweep(runs, options: SweepOptions(resultsPath: path, jobs: 2))
        #expect(again.skipped == 4 && again.finished == 2)
        let results = try JSONLines.read(SweepResult.self, from: path)
        #expect(results.tornBytes == 0)
        #expect(Set(results.values.map(\.id)) == Set(runs.map(\.id)))
        #expect(try runSweep(runs, options: SweepOptions(resultsPath: path, jobs: 2)).finished == 0)
    }

    @Test func finalIsTheMainMetricOfAnEvaluationAsRLEvalWouldMakeIt() throws {
        let run = try SweepSpec(worlds: ["pong"], agents: ["q-learning"], seeds: [4], episodes: 200, evaluationEpisodes: 10).runs()[0]
        let folder = temporaryFolder()
        _ = try runSweep([run], options: SweepOptions(resultsPath: folder + "/s.jsonl", jobs: 1))
        let result = try #require(try JSONLines.read(SweepResult.self, from: folder + "/s.jsonl").values.first)
        #expect(result.metric == "return" && result.episodes == 200 && result.steps > 200)
        let report = try evaluatePolicy(LoadedPolicy(path: folder + "/" + result.policy), episodes: 10, seed: 4)
        #expect(result.final == report.meanReturn)
        #expect(result.evaluation["hits"] == report.metricValues["hits"])
    }

    @Test func aPlannerRunHasNoCurveAndItsPolicyIsEvaluatedAsRLEvalWould() throws {
        let run = try SweepSpec(worlds: ["frozen-lake"], agents: ["value-iteration"], seeds: [3], episodes: 10, evaluationEpisodes: 50)
            .runs()[0]
        let folder = temporaryFolder()
        let summary = try runSweep([run], options: SweepOptions(resultsPath: folder + "/s.jsonl", jobs: 1))
        #expect(summary.finished == 1, "\(summary.failures)")
        let result = try #require(try JSONLines.read(SweepResult.self, from: folder + "/s.jsonl").values.first)
        #expect(result.curve.isEmpty)
        let report = try evaluatePolicy(LoadedPolicy(path: folder + "/" + result.policy), episodes: 50, seed: 3)
        #expect(result.final == report.meanReturn)
    }

    @Test func anInterruptedSweepWritesNoRun() throws {
        let runs = try Array(spec.runs().prefix(4))
        let folder = temporaryFolder()
        let summary = try runSweep(runs, options: SweepOptions(resultsPath: folder + "/s.jsonl", jobs: 2), shouldStop: { true })
        #expect(summary.finished == 0 && summary.interrupted)
    }

    @Test func logsChangeNoPolicyByte() throws {
        let folder = temporaryFolder()
        var options = TrainingOptions(PongWorld.self, episodes: 300, seed: 9, outputPath: folder + "/a.safetensors")
        options.evaluationInterval = 100
        _ = try runTraining(options)
        options.outputPath = folder + "/b.safetensors"
        let logs = try RunLogs(tensorBoard: folder + "/tb", progressPath: folder + "/progress.jsonl")
        _ = try runTraining(options, observe: logs.handle, observeEpisodes: logs.episode)
        #expect(logs.finish() == nil)
        #expect(try AtomicFile.read(folder + "/a.safetensors") == (try AtomicFile.read(folder + "/b.safetensors")))
    }
}
