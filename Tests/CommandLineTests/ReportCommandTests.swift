import Foundation
import RLTabular
import Testing

/// `rl report` on what a distributed sweep leaves: shards merged into one file, configurations
/// named whatever the order of the files.
@Suite struct ReportCommandTests {
    static func sweep(_ arguments: [String], in folder: String) throws {
        let run = try RL.run(
            ["sweep", "--env", "cliff-walking", "--eval-every", "10", "--eval-episodes", "2", "--quiet"] + arguments,
            in: folder)
        #expect(run.status == 0, "\(run.standardError)")
    }

    static func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    }

    /// Two shards, each in its own folder, concatenated into a file in the folder above: each line
    /// names its curve relative to its shard's folder, and the report finds it there.
    @Test func mergedShardsInSubfoldersDrawTheirCurves() throws {
        let folder = temporaryFolder()
        for (index, name) in ["a", "b"].enumerated() {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
            try Self.sweep(
                ["--seeds", "1-4", "--episodes", "20", "--shard", "\(index)/2", "--out", "shard.jsonl"], in: folder + "/" + name)
        }
        let merged = try Self.lines(folder + "/a/shard.jsonl") + Self.lines(folder + "/b/shard.jsonl")
        #expect(merged.count == 4)
        try (merged.joined(separator: "\n") + "\n").write(toFile: folder + "/merged.jsonl", atomically: true, encoding: .utf8)
        let run = try RL.run(["report", "merged.jsonl", "--replicates", "1000", "--window", "5", "--curves", "c.png"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("4 runs"), "\(run.standardOutput)")
        let size = try FileManager.default.attributesOfItem(atPath: folder + "/c.png")[.size] as? Int
        #expect((size ?? 0) > 1000)
        // A shard's curve gone is still a missing file (66), not a curve taken from elsewhere.
        try FileManager.default.removeItem(atPath: folder + "/b/shard.runs")
        let missing = try RL.run(["report", "merged.jsonl", "--window", "5", "--curves", "c.png"], in: folder)
        #expect(missing.status == 66 && missing.errorLines.count == 1, "\(missing.standardError)")
    }

    /// Table numbers follow the order of the files; ids and labels do not. A name that fits none
    /// or several configurations is one line and exit 64.
    @Test func compareTakesIdsAndLabels() throws {
        let folder = temporaryFolder()
        try Self.sweep(["--seeds", "1-2", "--episodes", "20", "--set", "learning-rate=0.1,0.5", "--out", "s.jsonl"], in: folder)
        try Self.sweep(["--seeds", "1-2", "--episodes", "30", "--set", "learning-rate=0.1", "--out", "t.jsonl"], in: folder)
        let table = try RL.run(["report", "s.jsonl", "t.jsonl", "--replicates", "1000"], in: folder)
        #expect(table.status == 0, "\(table.standardError)")
        // `1. cliff-walking q-learning learning-rate=0.1 (id 0123abcd, 20 episodes, 2 runs): ...`
        let rows = table.standardOutput.split(separator: "\n").filter { $0.first?.isNumber == true }
        #expect(rows.count == 3, "\(table.standardOutput)")
        let parts = rows.map { row in row.split(separator: " (id ", maxSplits: 1) }
        let ids: [String] = parts.map { String($0[1].prefix(8)) }
        let labels: [String] = parts.map { String($0[0].drop { $0 != " " }.dropFirst()) }
        #expect(Set(ids).count == 3 && labels[0] == "cliff-walking q-learning learning-rate=0.1", "\(ids) \(labels)")

        // The files the other way round: other numbers, the same ids, the same comparison.
        let byID = try RL.run(["report", "t.jsonl", "s.jsonl", "--replicates", "1000", "--compare", ids[1], ids[2]], in: folder)
        #expect(byID.status == 0, "\(byID.standardError)")
        #expect(
            byID.standardOutput.contains("P(cliff-walking q-learning learning-rate=0.5 > cliff-walking q-learning learning-rate=0.1) = "))
        let byNumber = try RL.run(["report", "s.jsonl", "t.jsonl", "--replicates", "1000", "--compare", "2", "3"], in: folder)
        #expect(byNumber.standardOutput.split(separator: "\n").last == byID.standardOutput.split(separator: "\n").last)
        let byLabel = try RL.run(["report", "s.jsonl", "--replicates", "1000", "--compare", labels[1], ids[0]], in: folder)
        #expect(byLabel.status == 0, "\(byLabel.standardError)")

        let refusals: [([String], String)] = [
            ([labels[0], ids[1]], "names 2 configurations"),  // 20 and 30 episodes share the label
            (["0000zzzz", ids[1]], "no configuration '0000zzzz'"), (["4", ids[1]], "no configuration '4'"),
        ]
        for (names, why) in refusals {
            let refused = try RL.run(["report", "s.jsonl", "t.jsonl", "--replicates", "1000", "--compare"] + names, in: folder)
            #expect(refused.status == 64 && refused.errorLines.count == 1, "\(refused.standardError)")
            #expect(refused.standardError.contains(why), "\(refused.standardError)")
        }
    }
}

/// `rl sweep --steps`: each run trains by environment steps, as `rl train --steps`, and `rl
/// report` groups its runs by the steps they were given, whatever episodes each seed played.
@Suite struct SweepByStepsTests {
    @Test func runsBySteps() throws {
        let folder = temporaryFolder()
        let sweep = try RL.run(
            [
                "sweep", "--env", "cliff-walking", "--agent", "q-learning", "--agent", "sarsa", "--steps", "2500", "--seeds", "1-3",
                "--eval-episodes", "2", "--out", "r.jsonl", "--quiet",
            ], in: folder)
        #expect(sweep.status == 0, "\(sweep.standardError)")
        let results = try ReportCommandTests.lines(folder + "/r.jsonl").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(results.count == 6)
        for result in results {
            // Whole episodes until the budget is spent: at least 2500 steps, less than one more episode.
            let steps = result["steps"] as! Int
            #expect(result["steps_requested"] as? Int == 2500 && steps >= 2500 && steps < 2500 + 200, "\(result)")
        }
        // The seeds played different episode counts, and still make one configuration each.
        #expect(Set(results.prefix(3).map { $0["episodes"] as! Int }).count > 1)
        // The same run trained alone with `rl train --steps` holds the same bytes.
        let train = try RL.run(
            ["train", "--env", "cliff-walking", "--agent", "sarsa", "--steps", "2500", "--seed", "2", "--out", "alone.safetensors"],
            in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let runPolicy = try #require(results.first { $0["agent"] as? String == "sarsa" && $0["seed"] as? Int == 2 }?["policy"] as? String)
        let swept = try Policy.load(from: folder + "/" + runPolicy).table
        #expect(swept == (try Policy.load(from: folder + "/alone.safetensors").table))

        let report = try RL.run(["report", "r.jsonl", "--replicates", "1000"], in: folder)
        #expect(report.status == 0, "\(report.standardError)")
        #expect(report.standardOutput.contains("cliff-walking q-learning (id"), "\(report.standardOutput)")
        #expect(report.standardOutput.components(separatedBy: "2,500 steps, 3 runs").count == 3, "\(report.standardOutput)")

        let bad = try RL.run(["sweep", "--env", "cliff-walking", "--steps", "0", "--out", "x.jsonl"], in: folder)
        #expect(bad.status == 64 && bad.errorLines.count == 1, "\(bad.standardError)")
    }
}
