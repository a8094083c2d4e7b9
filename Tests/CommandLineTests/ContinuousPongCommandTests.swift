import Foundation
import RLRender
import RLSDL
import RLTestSupport
import Testing

/// `rl train --env pong --observation continuous`: Pong without bins, learned by linear agents,
/// through the `rl` binary.
@Suite struct ContinuousPongCommandTests {
    @Test func pongWithoutBinsTrainsEvaluatesAndInspects() throws {
        let folder = temporaryFolder()
        let train = try RL.run(
            [
                "train", "--env", "pong", "--observation", "continuous", "--episodes", "30", "--seed", "2", "--json", "--out",
                "p.safetensors",
            ],
            in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let eval = try RL.run(["eval", "p.safetensors", "--episodes", "5", "--json"], in: folder)
        #expect(eval.status == 0, "\(eval.standardError)")
        let json = try #require(eval.json)
        #expect(json["environment"] as? String == "pong")
        let metrics = try #require(json["metrics"] as? [[String: Any]])
        #expect(metrics.compactMap { $0["name"] as? String } == ["hits", "misses", "avoidable_misses", "won"], "\(json)")
        let inspect = try RL.run(["inspect", "p.safetensors", "--summary-only"], in: folder)
        #expect(inspect.status == 0, "\(inspect.standardError)")
        // The defaults: 8 tilings of 12 tiles over the five coordinates, hashed into 2^18 features.
        #expect(inspect.standardOutput.contains("continuous observation, 8 tilings of 12 tiles, hashed into 262144"))
        #expect(inspect.standardOutput.contains("262144 × 2 = 524,288 weights"), "\(inspect.standardOutput)")
        // The file's configuration is binned Pong's, with the continuous observation and the features.
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/p.safetensors"))
        let header = String(decoding: bytes.prefix(4096), as: UTF8.self)
        #expect(header.contains(#"observation\":\"continuous"#) && header.contains(#"court_width\":50"#), "\(header.prefix(800))")
    }

    @Test func theFeatureFlagsApplyOnlyWithTheContinuousObservation() throws {
        let folder = temporaryFolder()
        let binned = try RL.run(["train", "--env", "pong", "--tilings", "4", "--episodes", "2"], in: folder)
        #expect(binned.status == 64 && binned.errorLines.count == 1, "\(binned.standardError)")
        #expect(binned.standardError.contains("--tilings applies to world pong only with its real coordinates (--observation continuous)"))
        let chosen = try RL.run(
            [
                "train", "--env", "pong", "--observation", "continuous", "--tilings", "4", "--tiles", "6", "--hash-size", "5000",
                "--stay", "--episodes", "2", "--quiet", "--out", "p.safetensors",
            ], in: folder)
        #expect(chosen.status == 0, "\(chosen.standardError)")
        let summary = try RL.run(["inspect", "p.safetensors", "--summary-only"], in: folder)
        #expect(summary.standardOutput.contains("5000 × 3 = 15,000 weights"), "\(summary.standardOutput)")
        #expect(summary.standardOutput.contains("actions up, down, stay"), "\(summary.standardOutput)")
    }

    @Test func tableAgentsArePointedAtTheLinearOnes() throws {
        for agent in ["double-q-learning", "dyna-q"] {
            let run = try RL.run(["train", "--env", "pong", "--observation", "continuous", "--agent", agent, "--episodes", "2"])
            #expect(run.status == 64 && run.errorLines.count == 1, "\(agent): \(run.standardError)")
            #expect(run.standardError.contains("learns only tables, and pong has real coordinates: use one of q-learning"))
        }
        // The binned court still takes every agent.
        let binned = try RL.run([
            "train", "--env", "pong", "--agent", "dyna-q", "--episodes", "2", "--out", temporaryFolder() + "/d.safetensors",
        ])
        #expect(binned.status == 0, "\(binned.standardError)")
    }

    @Test func aStoppedRunResumesToTheSameBytesAsARunLeftAlone() throws {
        let folder = temporaryFolder()
        let arguments = [
            "train", "--env", "pong", "--observation", "continuous", "--agent", "expected-sarsa", "--tilings", "4", "--tiles", "6",
            "--hash-size", "4096", "--episodes", "800", "--seed", "4",
        ]
        let (aloneStatus, stoppedStatus, resumed) = try RL.trainStoppedAndResumed(arguments, in: folder)
        #expect(aloneStatus == 0)
        #expect(stoppedStatus == 143)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(
            FileManager.default.contents(atPath: folder + "/alone.safetensors")
                == FileManager.default.contents(atPath: folder + "/stopped.safetensors"))
    }

    @Test func aSweepSetsTheObservationAndTheFeatures() throws {
        let folder = temporaryFolder()
        let run = try RL.run(
            [
                "sweep", "--env", "pong", "--set", "observation=continuous", "--set", "tiles=6,8", "--seeds", "1", "--episodes", "5",
                "--out", "results.jsonl",
            ], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let lines = try String(contentsOfFile: folder + "/results.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains(#"observation\":\"continuous"#) || $0.contains(#""observation":"continuous"#) }, "\(lines)")
    }

    @Test func watchDrawsTheCourtAndInspectLooksWhereTheBallComesIn() throws {
        let folder = temporaryFolder()
        let train = try RL.run(
            ["train", "--env", "pong", "--observation", "continuous", "--episodes", "5", "--quiet", "--out", "p.safetensors"], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let shot = try RL.run(["watch", "p.safetensors", "--screenshot", "shot.png", "--at", "10"], in: folder)
        #expect(shot.status == 0, "\(shot.standardError)")
        let image = try PNGFile.read(folder + "/shot.png")
        #expect(image.width == 777 && image.height == 640)
        // The court is most of the picture; the ball and the paddle are on it.
        #expect(image.pixels.count { $0 == RGBA(20, 70, 48) } > image.width * image.height / 3)
        #expect(image.pixels.count { $0 == RGBA(255, 204, 0) } > 100)
        #expect(image.pixels.count { $0 == RGBA(235, 235, 235) } > 100)
        let terminal = try RL.run(["watch", "p.safetensors", "--renderer", "terminal", "--frames", "20", "--fps", "1000"], in: folder)
        #expect(terminal.status == 0 && terminal.standardOutput.contains("EPISODE 1"), "\(terminal.standardError)")
        // Unless told, inspect draws the paddle against the ball's height, with the ball coming in.
        let inspect = try RL.run(["inspect", "p.safetensors"], in: folder)
        #expect(
            inspect.standardOutput.contains(
                "Greedy action over ballY (left to right, -3 to 43) and paddleY (top to bottom, 30 to -3), at ballX=12, ballVelocityX=-3, ballVelocityY=3:"
            ), "\(inspect.standardOutput)")
    }
}
