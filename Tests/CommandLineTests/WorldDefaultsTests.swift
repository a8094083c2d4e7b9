import Foundation
import Testing

@testable import RLApp

/// A world's defaults for an agent end near the optimum: `rl train` with only `--seed`, then
/// `rl eval --json`'s exact return against value iteration's policy on the same world, within
/// 2% (or 0.01). The cases are those a new user found failing (issue 18): each ended far off
/// before the world chose the agent's settings. The whole table is in docs/WORLDS.md
/// (`scripts/default-gaps` redraws it).
@Suite struct WorldDefaultsTests {
    /// The exact return of the greedy policy `rl train` leaves with `arguments`.
    func exactReturn(_ arguments: [String], in folder: String) throws -> Double {
        let trained = try RL.run(["train"] + arguments + ["--out", "p.safetensors", "--quiet"], in: folder)
        #expect(trained.status == 0, "\(arguments): \(trained.standardError)")
        let evaluated = try RL.run(["eval", "p.safetensors", "--episodes", "1", "--json"], in: folder)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(evaluated.standardOutput.utf8)) as? [String: Any], "\(evaluated.standardError)")
        return try #require(report["exact_return"] as? Double)
    }

    @Test(arguments: [
        // Sarsa took the safe path (−17) with the book's ε 0.1; Sarsa(λ) λ 0.9 never reached the goal on seed 2.
        (["--env", "cliff-walking"], "sarsa"),
        (["--env", "cliff-walking"], "sarsa-lambda"),
        (["--env", "cliff-walking"], "double-q-learning"),
        // Sarsa(λ) ended at −16.27 on Taxi.
        (["--env", "taxi"], "sarsa-lambda"),
        (["--env", "taxi"], "true-online-sarsa-lambda"),
        // Dyna-Q's deterministic model ended at 0.6559 on seed 2 (value iteration 0.7402); its
        // sample model is the default on a slippery lake.
        (["--env", "frozen-lake"], "dyna-q"),
    ])
    func defaultsEndWithinTwoPercentOfValueIteration(world: [String], agent: String) throws {
        let folder = temporaryFolder()
        let optimum = try exactReturn(world + ["--agent", "value-iteration"], in: folder)
        for seed in ["1", "2"] {
            let learned = try exactReturn(world + ["--agent", agent, "--seed", seed], in: folder)
            #expect(optimum - learned <= max(0.02 * abs(optimum), 0.01), "\(world) \(agent) seed \(seed): \(learned) against \(optimum)")
        }
    }

    /// The book's settings stay one flag away, and a tabular agent's settings from the world
    /// come before the user's own.
    @Test func theBookPresetAndTheUsersFlagsComeFirst() throws {
        let folder = temporaryFolder()
        // With the book's ε 0.1 Sarsa learns the safe path, as in Figure 6.4.
        #expect(try exactReturn(["--env", "cliff-walking", "--agent", "sarsa", "--preset", "book"], in: folder) == -17)
        let flags = try #require(Registry.world("taxi")).configure(preset: nil, flags: []).defaultSettings(forAgent: "sarsa-lambda")
        #expect(flags.map(\.name) == ["lambda"])
        let run = try RL.run(
            [
                "train", "--env", "taxi", "--agent", "sarsa-lambda", "--lambda", "0.7", "--episodes", "10", "--out", "l.safetensors",
                "--quiet",
            ],
            in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let inspected = try RL.run(["inspect", "l.safetensors"], in: folder)
        #expect(inspected.standardOutput.contains("0.7"), "\(inspected.standardOutput)")
    }
}
