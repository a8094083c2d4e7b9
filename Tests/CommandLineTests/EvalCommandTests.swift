import Foundation
import Testing

@Suite struct EvalCommandTests {
    @Test func evalReportsTheAgreedJSONKeys() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--episodes", "300", "--quiet"], in: folder).status == 0)
        let run = try RL.run(["eval", "--episodes", "20", "--seed", "2", "--json"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let json = try #require(run.json)
        #expect(json["episodes"] as? Int == 20)
        for key in ["mean_return", "mean_steps", "mean_hits", "avoidable_misses_per_episode", "no_avoidable_miss_share"] {
            #expect(json[key] is Double, "\(key)")
        }
        let share = try #require(json["no_avoidable_miss_share"] as? Double)
        #expect(share >= 0 && share <= 1)
        // The same seed gives the same report.
        #expect(try RL.run(["eval", "--episodes", "20", "--seed", "2", "--json"], in: folder).standardOutput == run.standardOutput)
    }

    @Test func evalPrintsAReadableReport() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--env", "cliff-walking", "--episodes", "500", "--quiet"], in: folder).status == 0)
        let run = try RL.run(["eval", "--env", "cliff-walking", "--episodes", "5"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("mean -13.00"))
        let json = try #require(try RL.run(["eval", "policies/cliff-walking.safetensors", "--episodes", "5", "--json"], in: folder).json)
        #expect(json["mean_return"] as? Double == -13)
        #expect(json["mean_hits"] == nil)
    }

    @Test func brokenPolicyFilesAreOneLineErrors() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--episodes", "50", "--quiet", "--out", "good.safetensors"], in: folder).status == 0)
        let good = try #require(FileManager.default.contents(atPath: folder + "/good.safetensors"))
        _ = FileManager.default.createFile(atPath: folder + "/truncated.safetensors", contents: good.prefix(good.count / 2))
        _ = FileManager.default.createFile(atPath: folder + "/garbage.safetensors", contents: Data("not a policy at all".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/empty.safetensors", contents: Data())
        for (file, expected) in [("missing.safetensors", "no such file"), ("truncated.safetensors", "truncated"),
                                 ("garbage.safetensors", "header length"), ("empty.safetensors", "truncated")] {
            let run = try RL.run(["eval", file], in: folder)
            #expect(run.status == 1, "\(file)")
            #expect(run.errorLines.count == 1 && run.standardError.contains(expected), "\(file): \(run.standardError)")
        }
        let wrongEnvironment = try RL.run(["eval", "good.safetensors", "--env", "cliff-walking"], in: folder)
        #expect(wrongEnvironment.status == 1 && wrongEnvironment.standardError.contains("is a policy for pong"))
    }
}

@Suite struct BenchCommandTests {
    @Test func benchReportsItsFiguresAsJSON() throws {
        let run = try RL.run(["bench", "--env-steps", "100000", "--episodes", "20", "--repeats", "1", "--json"])
        #expect(run.status == 0)
        let json = try #require(run.json, "\(run.standardOutput)")
        for key in ["env_steps_per_second", "train_steps_per_second", "train_6000_seconds"] {
            #expect((json[key] as? Double ?? 0) > 0, "\(key)")
        }
    }
}
