import Foundation
import RLCore
import RLPong
import RLTabular
import Testing

@testable import RLApp

func temporaryFolder() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rl-tests-\(UUID().uuidString)").path
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite struct TrainingTests {
    func options(_ folder: String, name: String = "p.safetensors", seed: UInt64 = 3, episodes: Int = 300) -> TrainingOptions {
        var options = TrainingOptions(
            PongWorld.self, episodes: episodes, seed: seed, outputPath: folder + "/" + name, logPath: folder + "/" + name + ".csv")
        options.reportInterval = 100
        return options
    }

    @Test func theSameSeedGivesAByteIdenticalPolicyFile() throws {
        let folder = temporaryFolder()
        _ = try runTraining(options(folder, name: "a.safetensors"))
        _ = try runTraining(options(folder, name: "b.safetensors"))
        _ = try runTraining(options(folder, name: "c.safetensors", seed: 4))
        let a = try AtomicFile.read(folder + "/a.safetensors")
        #expect(a == (try AtomicFile.read(folder + "/b.safetensors")))
        #expect(a != (try AtomicFile.read(folder + "/c.safetensors")))
    }

    @Test func trainingReportsProgressAndWritesPolicyAndLog() throws {
        let folder = temporaryFolder()
        var reports: [IntervalReport] = []
        var lastProgress = 0
        let outcome = try runTraining(options(folder)) { event in
            switch event {
            case .report(let report): reports.append(report)
            case .progress(let episodes, _, _, _): lastProgress = episodes
            case .evaluation: Issue.record("no evaluation was asked for")
            case .note(let line): Issue.record("pong has no training companion, yet it said: \(line)")
            case .stepProgress: Issue.record("a table's run counts episodes, not steps")
            }
        }
        #expect(outcome.episodes == 300 && !outcome.interrupted && lastProgress == 300)
        #expect(reports.map(\.episodes) == [100, 200, 300])
        let loaded = try LoadedPolicy(path: outcome.policy, expecting: "pong")
        #expect(loaded.world?.id == "pong" && loaded.policy.metadata.configuration == JSONText.encode(PongConfiguration()))
        #expect(loaded.policy.metadata.agent == "q-learning" && loaded.policy.metadata.formatVersion == 2)
        #expect(loaded.policy.metadata.summary.episodes == 300 && loaded.policy.metadata.summary.steps == outcome.steps)
        #expect(loaded.policy.metadata.actions == ["up", "down"])
        #expect(loaded.policy.metadata.stateDimensions == ["paddle", "ball_y", "ball_x", "ball_moving_right", "ball_moving_up"])
        #expect(loaded.policy.table.visits.reduce(0, +) == Int64(outcome.steps))

        let log = try String(contentsOfFile: folder + "/p.safetensors.csv", encoding: .utf8).split(separator: "\n")
        #expect(log.first == "episode,return,steps,hits,misses,avoidable_misses,won,epsilon")
        #expect(log.count == 301)
        let rows = log.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.reduce(0) { $0 + Int($1[2])! } == outcome.steps)
        #expect(rows.allSatisfy { Double($0[1])! == 10 * (Double($0[3])! - Double($0[4])!) })
        #expect(rows.allSatisfy { Int($0[4])! <= 3 })
        #expect(rows.allSatisfy { $0[6] == "0" || $0[6] == "1" })
        #expect(Double(rows[0][7]) == Hyperparameters.pongDefault.epsilon.start)
    }

    @Test func stoppingEarlySavesWhatWasLearned() throws {
        let folder = temporaryFolder()
        var count = 0
        let outcome = try runTraining(
            options(folder),
            shouldStop: {
                count += 1; return count >= 42
            })
        #expect(outcome.interrupted && outcome.episodes == 42)
        let loaded = try LoadedPolicy(path: outcome.policy)
        #expect(loaded.policy.metadata.summary.interrupted && loaded.policy.metadata.summary.episodes == 42)
    }

    @Test func aPolicyForAnotherShapeOrEnvironmentIsRejected() throws {
        let folder = temporaryFolder()
        let outcome = try runTraining(options(folder, episodes: 5))
        #expect(throws: PolicyFileError.self) { try LoadedPolicy(path: outcome.policy, expecting: "cliff-walking") }
        var policy = try Policy.load(from: outcome.policy)
        policy.metadata.configuration = JSONText.encode(PongConfiguration(observation: .classic))
        try policy.save(to: folder + "/mismatch.safetensors")
        do {
            _ = try LoadedPolicy(path: folder + "/mismatch.safetensors")
            Issue.record("a table of the wrong shape was accepted")
        } catch {
            #expect(error.message.contains("does not match its world"))
        }
        // A world this rl does not know still opens, but cannot be played.
        policy.metadata.environment = "chess"
        try policy.save(to: folder + "/chess.safetensors")
        let chess = try LoadedPolicy(path: folder + "/chess.safetensors")
        #expect(chess.world == nil)
        #expect(throws: PolicyFileError.self) { try evaluatePolicy(chess, episodes: 1, seed: 1) }
    }

    @Test func cliffWalkingTrainsThroughTheSameCommandPath() throws {
        let folder = temporaryFolder()
        var options = TrainingOptions(
            CliffWalkingWorld.self, episodes: 500, seed: 1, outputPath: folder + "/cliff.safetensors",
            logPath: folder + "/cliff.csv")
        options.reportInterval = 500
        let outcome = try runTraining(options)
        let report = try evaluatePolicy(try LoadedPolicy(path: outcome.policy), episodes: 3, seed: 1)
        #expect(report.meanReturn == -13 && report.metrics.map(\.name) == ["falls"])
        #expect(report.metric("falls")?.mean == 0 && report.metric("falls")?.zeroShare == 1)
        // The log shows Cliff Walking's own metric, and no Pong column.
        let log = try String(contentsOfFile: folder + "/cliff.csv", encoding: .utf8).split(separator: "\n")
        #expect(log.first == "episode,return,steps,falls,epsilon")
        let falls = log.dropFirst().map { Int($0.split(separator: ",")[3])! }
        let returns = log.dropFirst().map { Double($0.split(separator: ",")[1])! }
        let steps = log.dropFirst().map { Int($0.split(separator: ",")[2])! }
        // Each step costs 1 and each fall 100 more (−100 instead of −1): the columns agree.
        #expect(zip(zip(returns, steps), falls).allSatisfy { $0.0 == -Double($0.1) - 99 * Double($1) })
        #expect(falls.reduce(0, +) > 0)
    }
}

@Suite struct EvaluationReportTests {
    func record(_ reward: Double, steps: Int, hits: Int, misses: Int, avoidable: Int, terminated: Bool, won: Bool = false) -> EpisodeRecord<
        PongCounters
    > {
        var counters = PongCounters()
        counters.hits = hits
        counters.misses = misses
        counters.avoidableMisses = avoidable
        counters.won = won
        return EpisodeRecord(
            episode: 0, totalReward: reward, steps: steps, terminated: terminated, truncated: !terminated, counters: counters)
    }

    @Test func theReportMatchesHandComputedFigures() {
        let records = [
            record(100, steps: 3000, hits: 10, misses: 0, avoidable: 0, terminated: false),
            record(-30, steps: 200, hits: 0, misses: 3, avoidable: 2, terminated: true),
            record(1010, steps: 2900, hits: 101, misses: 0, avoidable: 0, terminated: true, won: true),
            record(50, steps: 3000, hits: 6, misses: 1, avoidable: 1, terminated: false),
        ]
        let report = EvaluationReport(environment: "pong", agent: "test", seed: 1, records: records, metrics: PongWorld.metrics)
        #expect(report.episodes == 4)
        #expect(report.meanReturn == 282.5 && report.medianReturn == 75 && report.minReturn == -30 && report.maxReturn == 1010)
        #expect(report.meanSteps == 2275)
        #expect(report.metricValues == ["hits": 29.25, "misses": 1, "avoidable_misses": 0.75, "won": 0.25])
        #expect(report.metric("avoidable_misses")?.zeroShare == 0.5 && report.metric("misses")?.zeroShare == 0.5)
        #expect(report.terminatedShare == 0.5 && report.truncatedShare == 0.5)
        let spread = SampleSummary(records.map(\.totalReward))!.confidenceHalfWidth95
        #expect(abs(report.meanReturnHigh - report.meanReturnLow - 2 * spread) < 1e-9)
    }

    @Test func theJSONUsesSnakeCaseKeys() throws {
        let report = EvaluationReport(
            environment: "pong", agent: "x", seed: 1,
            records: [record(10, steps: 5, hits: 1, misses: 0, avoidable: 0, terminated: false)],
            metrics: PongWorld.metrics)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONText.encode(report).utf8)) as? [String: Any])
        for key in ["episodes", "episodes_requested", "interrupted", "mean_return", "mean_steps", "metrics"] {
            #expect(object[key] != nil, "\(key)")
        }
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        #expect(metrics.compactMap { $0["name"] as? String } == ["hits", "misses", "avoidable_misses", "won"])
        #expect(metrics[2]["zero_share"] as? Double == 1 && metrics[2]["zero_share_words"] as? String == "with no avoidable miss")
    }
}

@Suite struct TrainingEvaluationTests {
    @Test func periodicEvaluationsAreLoggedAndLeaveTrainingUntouched() throws {
        let folder = temporaryFolder()
        var plain = TrainingOptions(
            PongWorld.self, episodes: 300, seed: 4,
            outputPath: folder + "/plain.safetensors", logPath: folder + "/plain.csv")
        plain.reportInterval = 100
        var evaluated = plain
        evaluated.outputPath = folder + "/evaluated.safetensors"
        evaluated.logPath = folder + "/evaluated.csv"
        evaluated.evaluationInterval = 100
        evaluated.evaluationEpisodes = 5
        _ = try runTraining(plain)
        var points: [EvaluationPoint] = []
        let outcome = try runTraining(evaluated) { event in
            if case .evaluation(let point) = event { points.append(point) }
        }
        #expect(try AtomicFile.read(plain.outputPath) == (try AtomicFile.read(evaluated.outputPath)))
        #expect(points.map(\.episodes) == [100, 200, 300] && points.allSatisfy { $0.evaluationEpisodes == 5 })
        #expect(outcome.lastEvaluation == points.last)

        let plainRows = try String(contentsOfFile: plain.logPath!, encoding: .utf8).split(separator: "\n")
        let rows = try String(contentsOfFile: evaluated.logPath!, encoding: .utf8).split(separator: "\n")
        #expect(rows[0] == plainRows[0] + ",eval_return,eval_steps,eval_hits,eval_misses,eval_avoidable_misses,eval_won")
        // The first eight columns are the plain log's, unchanged.
        #expect(zip(rows, plainRows).dropFirst().allSatisfy { $0.hasPrefix($1 + ",") })
        let filled = rows.dropFirst().filter { !$0.hasSuffix(",,,,,,") }
        #expect(filled.count == 3 && filled[0].hasPrefix("100,"))
        let fields = filled[2].split(separator: ",", omittingEmptySubsequences: false)
        #expect(Double(fields[8]) == points[2].meanReturn && Double(fields[9]) == points[2].meanSteps)
        #expect(Double(fields[12]) == points[2].metrics["avoidable_misses"])

        // The same evaluation by hand: a greedy copy of the saved agent on the evaluation seeds.
        let loaded = try LoadedPolicy(path: evaluated.outputPath)
        let report = try evaluatePolicy(loaded, episodes: 5, seed: 4)
        #expect(report.meanReturn == points[2].meanReturn)
    }
}
