import Foundation
import RLApp
import Testing

/// A metric's entry in an evaluation report's JSON, by name.
func metric(_ json: [String: Any], _ name: String) -> [String: Any]? {
    (json["metrics"] as? [[String: Any]])?.first { $0["name"] as? String == name }
}

@Suite struct EvalCommandTests {
    @Test func evalReportsTheAgreedJSONKeys() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--episodes", "300", "--quiet"], in: folder).status == 0)
        let run = try RL.run(["eval", "--episodes", "20", "--seed", "2", "--json"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let json = try #require(run.json)
        #expect(json["episodes"] as? Int == 20)
        for key in ["mean_return", "mean_steps", "terminated_share", "truncated_share"] {
            #expect(json[key] is Double, "\(key)")
        }
        for name in ["hits", "misses", "avoidable_misses", "won"] {
            #expect(metric(json, name)?["mean"] is Double, "\(name)")
        }
        let share = try #require(metric(json, "avoidable_misses")?["zero_share"] as? Double)
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
        #expect(metric(json, "hits") == nil && metric(json, "falls")?["mean"] as? Double == 0)
    }

    @Test func brokenPolicyFilesAreOneLineErrors() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--episodes", "50", "--quiet", "--out", "good.safetensors"], in: folder).status == 0)
        let good = try #require(FileManager.default.contents(atPath: folder + "/good.safetensors"))
        _ = FileManager.default.createFile(atPath: folder + "/truncated.safetensors", contents: good.prefix(good.count / 2))
        _ = FileManager.default.createFile(atPath: folder + "/garbage.safetensors", contents: Data("not a policy at all".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/empty.safetensors", contents: Data())
        for (file, expected, status) in [
            ("missing.safetensors", "no such file", Int32(66)), ("truncated.safetensors", "truncated", 65),
            ("garbage.safetensors", "header length", 65), ("empty.safetensors", "truncated", 65),
        ] {
            let run = try RL.run(["eval", file], in: folder)
            #expect(run.status == status, "\(file)")
            #expect(run.errorLines.count == 1 && run.standardError.contains(expected), "\(file): \(run.standardError)")
        }
        let wrongEnvironment = try RL.run(["eval", "good.safetensors", "--env", "cliff-walking"], in: folder)
        #expect(wrongEnvironment.status == 65 && wrongEnvironment.standardError.contains("is a policy for pong"))
    }
}

@Suite struct BenchCommandTests {
    @Test func benchReportsItsFiguresAsJSON() throws {
        let run = try RL.run(["bench", "--env-steps", "100000", "--episodes", "20", "--repeats", "1", "--json"])
        #expect(run.status == 0)
        let json = try #require(run.json, "\(run.standardOutput)")
        for key in ["env_steps_per_second", "train_steps_per_second", "train_seconds"] {
            #expect((json[key] as? Double ?? 0) > 0, "\(key)")
        }
        #expect(
            json["train_episodes"] as? Int == 20 && json["environment"] as? String == "pong" && json["agent"] as? String == "q-learning")
    }

    /// A run whose values grow without bound (Sarsa(λ) on Cliff Walking over 50,000 episodes)
    /// is still measured: the bench used to trap converting an infinite value to Int.
    @Test func benchMeasuresARunWhoseValuesDiverge() throws {
        let run = try RL.run([
            "bench", "--env", "cliff-walking", "--agent", "sarsa-lambda", "--episodes", "50000", "--env-steps", "10",
            "--repeats", "1", "--json",
        ])
        #expect(run.status == 0, "\(run.standardError.prefix(300))")
    }

    /// Every world and agent can be measured: the world's random actions are drawn among those
    /// each state allows (the maximisation-bias world used to stop on an illegal action in A).
    @Test func benchMeasuresEveryWorldWithEveryAgent() throws {
        for world in Registry.builtInWorlds {
            // rl bench times a deep agent with its defaults (a replay buffer of 100,000 one-hot
            // states does not fit every world): a continuous world and a finite one.
            for agent in Registry.builtInAgents
            where Registry.canLearn(agent.id, on: try world.configure())
                && (!Registry.isDeep(agent.id) || ["cart-pole", "frozen-lake"].contains(world.id))
            {
                let run = try RL.run(
                    [
                        "bench", "--env", world.id, "--agent", agent.id, "--env-steps", "2000", "--episodes", "3",
                        "--repeats", "1", "--json",
                    ] + (Registry.isDeep(agent.id) ? ["--steps", "300"] : []))
                #expect(run.status == 0, "\(world.id) \(agent.id): \(run.standardError.prefix(300))")
            }
        }
    }
}

@Suite struct EvalComparisonTests {
    @Test func baselinesAloneNeedNoPolicy() throws {
        let run = try RL.run(["eval", "--baseline", "oracle", "--episodes", "30", "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let json = try #require(run.json)
        #expect(json["agent"] as? String == "oracle")
        #expect(metric(json, "avoidable_misses")?["mean"] as? Double == 0)
        for key in [
            "median_return", "min_return", "max_return", "mean_return_low", "mean_return_high", "return_standard_deviation",
            "terminated_share", "truncated_share",
        ] {
            #expect(json[key] is Double, "\(key)")
        }
        #expect(metric(json, "misses")?["zero_share"] is Double && metric(json, "won")?["is_share"] as? Bool == true)
    }

    @Test func policiesAndBaselinesSideBySide() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--episodes", "100", "--quiet", "--out", "a.safetensors"], in: folder).status == 0)
        #expect(try RL.run(["train", "--episodes", "200", "--quiet", "--out", "b.safetensors", "--seed", "2"], in: folder).status == 0)
        let arguments = [
            "eval", "a.safetensors", "--compare", "b.safetensors", "--baseline", "random", "--baseline", "tracker", "--episodes", "20",
        ]
        let run = try RL.run(arguments, in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[1].hasPrefix("agent") && lines[2].hasPrefix("a.safetensors") && lines[3].hasPrefix("b.safetensors"))
        #expect(lines[4].hasPrefix("random") && lines[5].hasPrefix("tracker"))
        #expect(lines.allSatisfy { $0.count <= 120 })
        let json = try #require(try RL.run(arguments + ["--json"], in: folder).json)
        let reports = try #require(json["reports"] as? [[String: Any]])
        #expect(reports.map { $0["agent"] as? String } == ["a.safetensors", "b.safetensors", "random", "tracker"])
        // The table and the single reports agree: the same seed gives each agent the same episodes.
        let single = try #require(try RL.run(["eval", "--baseline", "tracker", "--episodes", "20", "--json"], in: folder).json)
        #expect(single["mean_return"] as? Double == reports[3]["mean_return"] as? Double)
    }

    @Test func mixedEnvironmentsAreOneLineErrors() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--episodes", "20", "--quiet"], in: folder).status == 0)
        #expect(try RL.run(["train", "--env", "cliff-walking", "--episodes", "20", "--quiet"], in: folder).status == 0)
        for arguments in [
            ["eval", "policies/pong.safetensors", "--compare", "policies/cliff-walking.safetensors"],
            ["eval", "policies/cliff-walking.safetensors", "--baseline", "random"],
            ["eval", "--env", "cliff-walking", "--baseline", "oracle"],
            ["eval", "--baseline", "perfect"],
        ] {
            let run = try RL.run(arguments, in: folder)
            #expect(
                run.status != 0 && run.errorLines.count == 1 && run.standardError.hasPrefix("error: "), "\(arguments): \(run.standardError)"
            )
        }
    }
}
