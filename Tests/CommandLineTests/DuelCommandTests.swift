import Foundation
import RLApp
import Testing

@testable import rl

/// `pong-duel` through the command line: train, eval against opponents, watch in a terminal.
@Suite struct DuelCommandTests {
    @Test func trainEvalAndWatchADuel() throws {
        let folder = temporaryFolder()
        let train = try RL.run(
            [
                "train", "--env", "pong-duel", "--opponent", "tracker", "--points", "3", "--episodes", "30",
                "--out", "duel.safetensors", "--quiet",
            ], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let eval = try RL.run(
            [
                "eval", "--env", "pong-duel", "duel.safetensors", "--opponent", "tracker", "--opponent", "random",
                "--episodes", "4", "--json",
            ], in: folder)
        #expect(eval.status == 0, "\(eval.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(eval.standardOutput.utf8)) as? [String: Any])
        let rows = try #require(report["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["opponent"] as? String } == ["tracker", "random"])
        #expect(rows.allSatisfy { ($0["games"] as? Int) == 4 && $0["win_rate_low"] != nil && $0["point_share_high"] != nil })
        // Without --opponent, a pong-duel policy meets the three scripts.
        let scripts = try RL.run(["eval", "duel.safetensors", "--episodes", "2"], in: folder)
        #expect(scripts.status == 0 && scripts.standardOutput.contains("predictor"), "\(scripts.standardError)")
        let watch = try runWithTimeout(
            RL.executable.path,
            [
                "watch", "--env", "pong-duel", "duel.safetensors", "--opponent", "random",
                "--renderer", "terminal", "--episodes", "1", "--fps", "240",
            ],
            in: folder, seconds: 120)
        #expect(watch.status == 0, "\(watch.standardError)")
        #expect(
            watch.standardOutput.contains("RANDOM") && watch.standardOutput.contains("WINS") || watch.standardOutput.contains("TIME UP"))
        // An opponent file of another world is refused in one line.
        let pong = try RL.run(["train", "--episodes", "5", "--out", "pong.safetensors", "--quiet"], in: folder)
        #expect(pong.status == 0)
        let refused = try RL.run(["train", "--env", "pong-duel", "--opponent", "pong.safetensors"], in: folder)
        #expect(refused.status != 0 && refused.standardError.contains("not pong-duel"))
    }

    @Test func terminalBytesBecomeTheScreensKeys() {
        #expect(
            ScreenKey.keys(inTerminalInput: Array("\u{1B}[A\u{1B}[BwS q".utf8))
                == [.up, .down, .character("w"), .character("s"), .space, .character("q")])
        #expect(ScreenKey.keys(inTerminalInput: [0x1B]) == [.escape])
        #expect(ScreenKey.keys(inTerminalInput: Array("\u{1B}OA\u{1B}[C\u{1B}[D+_".utf8)) == [.up, .right, .left, .plus, .minus])
    }

    /// A two-player world has no baselines: asking for one is a usage error in one line (it used
    /// to stop on a precondition, exit 132), pointing at --opponent.
    @Test func baselinesOfATwoPlayerWorldAreRefusedInOneLine() throws {
        let run = try RL.run(["eval", "--env", "pong-duel", "--baseline", "tracker"])
        #expect(run.status == 64, "\(run.standardError)")
        #expect(run.errorLines.count == 1 && run.standardError.contains("has no baselines") && run.standardError.contains("--opponent"))
    }
}
