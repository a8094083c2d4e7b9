import Foundation
import Testing

/// The book's worlds registered from `rl book`'s modules (issue 16 §3): each trains with its
/// defaults and `rl eval` reports its exact return beside the optimum; bad settings are one line
/// and exit 64.
@Suite struct BookWorldsCommandTests {
    /// `rl eval --json`'s report on the policy `rl train` leaves with `arguments`.
    func evaluate(_ arguments: [String]) throws -> [String: Any] {
        let folder = temporaryFolder()
        let trained = try RL.run(["train"] + arguments + ["--out", "p.safetensors", "--quiet"], in: folder)
        #expect(trained.status == 0, "\(arguments): \(trained.standardError)")
        let evaluated = try RL.run(["eval", "p.safetensors", "--episodes", "3", "--json"], in: folder)
        #expect(evaluated.status == 0, "\(arguments): \(evaluated.standardError)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(evaluated.standardOutput.utf8)) as? [String: Any], "\(evaluated.standardError)")
    }

    /// With only a seed, the agent walks right (+1) on the book's walks, takes a shortest walk to
    /// a corner on the gridworld, and finds the best arm of the bandit's problem: its exact
    /// return is the optimum.
    @Test(arguments: [
        ["--env", "random-walk", "--agent", "q-learning"],
        ["--env", "random-walk", "--agent", "sarsa", "--preset", "example-6.2"],
        // Example 9.1's walk, smaller: its exact evaluation takes seconds in a debug build.
        ["--env", "random-walk", "--agent", "expected-sarsa", "--states", "100", "--jump", "10"],
        ["--env", "gridworld", "--agent", "q-learning"],
        ["--env", "gridworld", "--agent", "value-iteration"],
        ["--env", "baird", "--agent", "q-learning"],
        ["--env", "bandit", "--agent", "q-learning"],
    ])
    func defaultsReachTheOptimum(arguments: [String]) throws {
        let report = try evaluate(arguments + ["--seed", "1"])
        let exact = try #require(report["exact_return"] as? Double), optimal = try #require(report["optimal_return"] as? Double)
        #expect(optimal - exact <= max(0.02 * abs(optimal), 0.01), "\(arguments): \(exact) against \(optimal)")
    }

    @Test func theWalksPayTheBooksRewards() throws {
        // Walking left from the start of Example 6.2's walk ends at 0; §7.1's at −1.
        let five = try evaluate(["--env", "random-walk", "--preset", "example-6.2", "--agent", "q-learning", "--episodes", "300"])
        #expect(five["optimal_return"] as? Double == 1)
        let folder = temporaryFolder()
        let inspected = try RL.run(
            ["train", "--env", "random-walk", "--states", "5", "--episodes", "1", "--out", "w.safetensors"], in: folder)
        #expect(inspected.status == 0, "\(inspected.standardError)")
        let described = try RL.run(["inspect", "w.safetensors", "--summary-only"], in: folder)
        #expect(described.standardOutput.contains("left end 0"), "\(described.standardOutput)")
        let nineteen = try RL.run(["train", "--env", "random-walk", "--episodes", "1", "--out", "n.safetensors"], in: folder)
        #expect(nineteen.status == 0)
        #expect(try RL.run(["inspect", "n.safetensors", "--summary-only"], in: folder).standardOutput.contains("left end -1"))
    }

    /// The nonstationary testbed has no model: `rl eval` samples it, and reports the share of
    /// pulls of the best arm.
    @Test func theNonstationaryBanditIsSampled() throws {
        let report = try evaluate(["--env", "bandit", "--nonstationary", "--episodes", "3", "--steps", "200"])
        #expect(report["exact_return"] == nil)
        #expect(String(describing: report).contains("optimal_pulls"), "\(report)")
    }

    @Test(arguments: [
        ["--env", "random-walk", "--states", "0"],
        ["--env", "random-walk", "--states", "4"],
        ["--env", "random-walk", "--states", "1000000000000"],
        ["--env", "random-walk", "--jump", "nan"],
        ["--env", "random-walk", "--states", "10000", "--jump", "1000"],
        ["--env", "random-walk", "--left-reward", "1"],
        ["--env", "gridworld", "--max-steps", "0"],
        ["--env", "baird", "--max-steps", "nan"],
        ["--env", "bandit", "--arms", "1"],
        ["--env", "bandit", "--steps", "99999999999999999999"],
        ["--env", "bandit", "--problem", "-1"],
        ["--env", "jacks-car-rental", "--max-cars", "0"],
        ["--env", "jacks-car-rental", "--max-move", "nan"],
        ["--env", "jacks-car-rental", "--days", "1e9"],
        ["--env", "access-control", "--servers", "0"],
        ["--env", "access-control", "--free-probability", "nan"],
        ["--env", "access-control", "--free-probability", "0"],
        ["--env", "access-control", "--payments", "1,2,4"],
        ["--env", "access-control", "--payments", "1,2,4,1e9"],
        ["--env", "access-control", "--steps-per-episode", "0"],
    ])
    func badSettingsAreOneLineAndExit64(arguments: [String]) throws {
        let run = try RL.run(["train"] + arguments + ["--episodes", "1", "--out", "p.safetensors"], in: temporaryFolder())
        #expect(run.status == 64, "\(arguments): \(run.standardError)")
        #expect(run.errorLines.count == 1, "\(arguments): \(run.standardError)")
    }
}
