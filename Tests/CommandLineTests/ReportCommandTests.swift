import Foundation
import Testing

/// `rl report` on what a distributed sweep leaves: shards merged into one file.
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
}
