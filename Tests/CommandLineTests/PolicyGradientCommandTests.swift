import Foundation
import Testing

/// The policy-gradient agents from the command line: their flags, bad input in one line (exit
/// 64), the same bytes from the same seed, and `rl inspect` reading θ as a soft-max policy.
@Suite struct PolicyGradientCommandTests {
    @Test func badInputIsOneLineAndExit64() throws {
        for (arguments, words) in [
            (["--agent", "reinforce", "--policy-step-size", "0"], "--policy-step-size must be in"),
            (["--agent", "actor-critic", "--policy-step-size", "nan"], "--policy-step-size takes a number"),
            (["--agent", "actor-critic", "--value-step-size", "1e9"], "--value-step-size must be in"),
            (["--agent", "reinforce", "--value-step-size", "0.1"], "unknown option '--value-step-size'"),
            (["--agent", "reinforce-baseline", "--epsilon", "0.2"], "--epsilon is not a setting of agent reinforce-baseline"),
        ] {
            let run = try RL.run(["train", "--env", "short-corridor", "--episodes", "5", "--quiet", "--out", "p.safetensors"] + arguments)
            #expect(
                run.status == 64 && run.errorLines.count == 1 && run.standardError.contains(words), "\(arguments): \(run.standardError)")
        }
    }

    @Test func sameSeedSameBytesAndInspectShowsTheProbabilities() throws {
        let folder = temporaryFolder()
        for name in ["a", "b"] {
            let run = try RL.run(
                [
                    "train", "--env", "short-corridor", "--agent", "actor-critic", "--episodes", "200", "--seed", "3", "--quiet", "--out",
                    "\(name).safetensors",
                ],
                in: folder)
            #expect(run.status == 0, "\(run.standardError)")
        }
        #expect(
            FileManager.default.contents(atPath: folder + "/a.safetensors")
                == FileManager.default.contents(atPath: folder + "/b.safetensors"))
        let summary = try RL.run(["inspect", "a.safetensors", "--summary-only"], in: folder)
        #expect(summary.standardOutput.contains("preferences (0 KiB with visit counts); π(a|s)"), "\(summary.standardOutput)")
        #expect(summary.standardOutput.contains("  most probable    "), "\(summary.standardOutput)")
        let state = try RL.run(["inspect", "a.safetensors", "--state", "1"], in: folder)
        let lines = state.standardOutput.split(separator: "\n")
        #expect(
            state.status == 0 && lines.filter { $0.contains("preference") && $0.contains("π 0.") }.count == 2, "\(state.standardOutput)")
        #expect(state.standardOutput.contains("played greedily (rl eval), it goes"), "\(state.standardOutput)")
    }
}
