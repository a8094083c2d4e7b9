import Foundation
import RLRender
import RLSDL
import RLTestSupport
import Testing

/// The classic-control worlds through the `rl` binary: training linear agents with feature
/// flags, evaluating policies and baselines, resuming, and refusing what does not fit.
@Suite struct ContinuousWorldCommandTests {
    @Test(arguments: ["cart-pole", "mountain-car", "acrobot"])
    func aLinearPolicyTrainsAndEvaluates(world: String) throws {
        let folder = temporaryFolder()
        let train = try RL.run(
            ["train", "--env", world, "--episodes", "20", "--seed", "3", "--quiet", "--out", "p.safetensors"], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let eval = try RL.run(["eval", "p.safetensors", "--episodes", "5", "--json"], in: folder)
        #expect(eval.status == 0, "\(eval.standardError)")
        let json = try #require(eval.json)
        #expect(json["environment"] as? String == world)
        #expect(json["episodes"] as? Int == 5)
        let mean = try #require(json["mean_return"] as? Double)
        #expect(world == "cart-pole" ? (1...500).contains(mean) : (-500 ... -1).contains(mean))
    }

    @Test func theFeatureFlagsChooseTheFeaturesAndTheirSize() throws {
        let folder = temporaryFolder()
        for (flags, rows) in [
            (["--tilings", "4", "--tiles", "5"], 4 * 6 * 6),
            (["--features", "aggregation", "--tiles", "7"], 7 * 7),
            (["--features", "fourier", "--order", "3"], 4 * 4),
            (["--hash-size", "100"], 100),
        ] {
            let train = try RL.run(
                ["train", "--env", "mountain-car", "--episodes", "3", "--seed", "1", "--quiet", "--out", "p.safetensors"] + flags,
                in: folder)
            #expect(train.status == 0, "\(flags): \(train.standardError)")
            let summary = try RL.run(["inspect", "p.safetensors", "--summary-only"], in: folder)
            #expect(summary.status == 0, "\(summary.standardError)")
            #expect(summary.standardOutput.contains(" \(rows.formatted()) × 3 = "), "\(flags): \(summary.standardOutput.prefix(400))")
        }
    }

    @Test func featureSettingsOutOfRangeAreRefusedInOneLine() throws {
        let folder = temporaryFolder()
        for (flags, words) in [
            (["--env", "mountain-car", "--tilings", "0"], "--tilings must be in 1...1024"),
            (["--env", "cart-pole", "--tiles", "100", "--tilings", "64"], "weights for 2 actions"),
            (["--env", "acrobot", "--features", "fourier", "--order", "20"], "Fourier basis of order 20"),
            (["--env", "cart-pole", "--features", "wavelets"], "--features must be one of tiles, aggregation, fourier"),
            (["--env", "cart-pole", "--hash-size", "-3"], "--hash-size takes a whole number"),
        ] {
            let run = try RL.run(["train", "--episodes", "2"] + flags, in: folder)
            #expect(run.status == 64, "\(flags): \(run.standardError)")
            #expect(run.errorLines.count == 1 && run.standardError.contains(words), "\(flags): \(run.standardError)")
        }
    }

    @Test func agentsWithoutALinearFormAndPlannersAreRefusedByName() throws {
        for agent in ["double-q-learning", "dyna-q", "value-iteration"] {
            let run = try RL.run(["train", "--env", "cart-pole", "--agent", agent, "--episodes", "2"])
            #expect(run.status == 64, "\(agent): \(run.standardError)")
            #expect(run.errorLines.count == 1, "\(agent): \(run.standardError)")
            #expect(
                run.standardError.contains(
                    agent == "value-iteration" ? "publishes none" : "q-learning, sarsa, expected-sarsa, sarsa-lambda"))
        }
    }

    @Test func theScriptedBaselinesPlayThroughRlEval() throws {
        let run = try RL.run(["eval", "--env", "cart-pole", "--baseline", "lean", "--baseline", "random", "--episodes", "10", "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let reports = try #require(run.json?["reports"] as? [[String: Any]])
        #expect(reports.map { $0["agent"] as? String } == ["lean", "random"])
        #expect(reports[0]["mean_return"] as? Double == 500)
        #expect((reports[1]["mean_return"] as? Double ?? 500) < 100)
        let car = try RL.run(["eval", "--env", "mountain-car", "--baseline", "energy", "--episodes", "10", "--json"])
        #expect((car.json?["mean_return"] as? Double).map { (-130 ... -100).contains($0) } == true, "\(car.standardOutput)")
    }

    @Test func aStoppedRunResumesToTheSameBytesAsARunLeftAlone() throws {
        let folder = temporaryFolder()
        let arguments = ["train", "--env", "mountain-car", "--agent", "sarsa-lambda", "--episodes", "3000", "--seed", "7"]
        let (aloneStatus, stoppedStatus, resumed) = try RL.trainStoppedAndResumed(arguments, in: folder)
        #expect(aloneStatus == 0)
        #expect(stoppedStatus == 143)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(
            FileManager.default.contents(atPath: folder + "/alone.safetensors")
                == FileManager.default.contents(atPath: folder + "/stopped.safetensors"))
    }

    @Test func aWeightTensorThatDoesNotFitItsFeaturesIsRefused() throws {
        let folder = temporaryFolder()
        #expect(
            try RL.run(["train", "--env", "mountain-car", "--episodes", "2", "--quiet", "--out", "p.safetensors"], in: folder).status == 0)
        // The same file claiming other features: the weights no longer fit them.
        let path = folder + "/p.safetensors"
        var bytes = try #require(FileManager.default.contents(atPath: path))
        let text = String(decoding: bytes, as: UTF8.self)
        let original = #"tilings\":16"#
        let range = try #require(text.range(of: original))
        bytes.replaceSubrange(
            text.utf8.distance(
                from: text.startIndex, to: range.lowerBound)..<text.utf8.distance(from: text.startIndex, to: range.upperBound),
            with: Array(#"tilings\":15"#.utf8))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let run = try RL.run(["eval", "p.safetensors", "--episodes", "1"], in: folder)
        #expect(run.status == 65, "\(run.standardError)")
        #expect(run.errorLines.count == 1 && run.standardError.contains("does not match its world"), "\(run.standardError)")
    }

    @Test func maxStepsCapsTheEpisodes() throws {
        let run = try RL.run(["train", "--env", "mountain-car", "--max-steps", "10", "--episodes", "3", "--json", "--out", "p.safetensors"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.json?["steps"] as? Int == 30)
        let refused = try RL.run(["train", "--env", "mountain-car", "--max-steps", "0"])
        #expect(refused.status == 64 && refused.errorLines.count == 1)
    }

    /// Figure 10.2's shape, small: a sweep over α, then steps-per-episode curves on a log axis.
    @Test func aSweepDrawsStepsPerEpisodeOnALogarithmicAxis() throws {
        let folder = temporaryFolder()
        let sweep = try RL.run(
            [
                "sweep", "--env", "mountain-car", "--agent", "sarsa", "--set", "learning-rate=0.2,0.5", "--set", "tilings=8",
                "--set", "tiles=8", "--set", "max-steps=5000", "--seeds", "1-2", "--episodes", "5", "--out", "s.jsonl",
            ], in: folder)
        #expect(sweep.status == 0, "\(sweep.standardError)")
        let report = try RL.run(
            ["report", "s.jsonl", "--curves", "c.png", "--curve-metric", "steps", "--log-scale", "--window", "1"], in: folder)
        #expect(report.status == 0, "\(report.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder + "/c.png"))
        // Figure 12.10's score: training steps per episode, which each run's line holds.
        let scored = try RL.run(["report", "s.jsonl", "--metric", "steps-per-episode", "--json"], in: folder)
        let means = (scored.json?["configurations"] as? [[String: Any]])?.compactMap { $0["mean"] as? Double } ?? []
        #expect(scored.status == 0 && means.count == 2 && means.allSatisfy { $0 >= 1 && $0 <= 5000 }, "\(scored.standardOutput)")
        // Returns are negative here: no logarithm of them.
        let refused = try RL.run(["report", "s.jsonl", "--curves", "r.png", "--log-scale"], in: folder)
        #expect(refused.status != 0 && refused.errorLines.count == 1 && refused.standardError.contains("--log-scale"))
    }

    /// Figures 12.10 and 12.11's shape, small: a line per λ through the mean over α, with intervals.
    @Test func aParameterStudyDrawsALinePerConfigurationOverTheSweptSetting() throws {
        let folder = temporaryFolder()
        let sweep = try RL.run(
            [
                "sweep", "--env", "mountain-car", "--agent", "sarsa-lambda", "--set", "lambda=0,0.9", "--set", "learning-rate=0.2,0.6",
                "--set", "tilings=4", "--set", "tiles=6", "--set", "max-steps=400", "--seeds", "1-2", "--episodes", "3", "--out", "s.jsonl",
            ], in: folder)
        #expect(sweep.status == 0, "\(sweep.standardError)")
        let report = try RL.run(
            [
                "report", "s.jsonl", "--metric", "steps-per-episode", "--study", "study.png", "--study-x", "learning-rate",
                "--y-range", "0,400",
            ], in: folder)
        #expect(report.status == 0, "\(report.standardError)")
        #expect(report.standardOutput.contains("Parameter study written to study.png."))
        let image = try PNGFile.read(folder + "/study.png")
        #expect(image.width == 1000 && image.height == 700)
        // Two lines (λ = 0 and λ = 0.9), in the chart's first two colours.
        for colour in [RGBA(20, 70, 160), RGBA(220, 90, 20)] {
            #expect(image.pixels.count { $0 == colour } > 50, "\(colour)")
        }
        #expect(image.pixels.count { $0 == RGBA(30, 140, 60) } == 0)
        for (arguments, status, words) in [
            (["--study", "x.png"], 64, "--study and --study-x go together"),
            // A --study-x that names no swept setting is a request that does not fit the results (64).
            (["--study", "x.png", "--study-x", "tiles"], 64, "every configuration has a single value of it"),
            (["--study", "x.png", "--study-x", "gamma"], 64, "does not set it to a number"),
            (["--study", "x.png", "--study-x", "lambda", "--y-range", "5,1"], 64, "--y-range takes LOW,HIGH"),
        ] {
            let refused = try RL.run(["report", "s.jsonl"] + arguments, in: folder)
            #expect(refused.status == Int32(status) && refused.errorLines.count == 1, "\(arguments): \(refused.standardError)")
            #expect(refused.standardError.contains(words), "\(arguments): \(refused.standardError)")
        }
    }

    /// Figure 10.1's view: a linear policy read through its value function, not as a table.
    @Test func inspectReadsALinearPolicyThroughItsValueFunction() throws {
        let folder = temporaryFolder()
        let train = try RL.run(
            ["train", "--env", "mountain-car", "--episodes", "30", "--seed", "2", "--quiet", "--out", "p.safetensors"], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let text = try RL.run(["inspect", "p.safetensors"], in: folder)
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains("  weights          1936 × 3 = 5,808 weights"))
        #expect(text.standardOutput.contains("Greedy action over position (left to right, -1.2 to 0.6) and velocity"))
        let gridRows = text.standardOutput.split(separator: "\n").filter { $0.count == 48 && $0.allSatisfy { "LNR".contains($0) } }
        #expect(gridRows.count == 16)

        let point = try RL.run(["inspect", "p.safetensors", "--state", "-0.5,0.01"], in: folder)
        let lines = point.standardOutput.split(separator: "\n")
        #expect(point.status == 0 && lines.count == 3 && lines.filter { $0.hasSuffix("(greedy)") }.count == 1, "\(point.standardOutput)")

        let picture = try RL.run(["inspect", "p.safetensors", "--heatmap", "cost.png", "--axes", "velocity,position"], in: folder)
        #expect(picture.status == 0, "\(picture.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder + "/cost.png"))

        for (arguments, words) in [
            (["--axes", "position,speed"], "no coordinate 'speed'"),
            (["--axes", "position"], "--axes takes two different coordinates"),
            (["--at", "position"], "--at takes NAME=VALUE pairs"),
            (["--state", "1,nan"], "--state takes 2 numbers"),
        ] {
            let run = try RL.run(["inspect", "p.safetensors"] + arguments, in: folder)
            #expect(
                run.status == 64 && run.errorLines.count == 1 && run.standardError.contains(words), "\(arguments): \(run.standardError)")
        }
        #expect(
            try RL.run(["train", "--env", "cliff-walking", "--episodes", "2", "--quiet", "--out", "t.safetensors"], in: folder).status == 0)
        let table = try RL.run(["inspect", "t.safetensors", "--axes", "0,1"], in: folder)
        #expect(table.status == 64 && table.standardError.contains("holds a table"))
    }

    /// Figure 10.1's panels: copies of the policy after chosen episodes, each a policy of its own.
    @Test func snapshotsSaveThePolicyAfterChosenEpisodes() throws {
        let folder = temporaryFolder()
        let train = try RL.run(
            [
                "train", "--env", "mountain-car", "--episodes", "6", "--seed", "4", "--snapshot-at", "2,6", "--quiet", "--out",
                "mc.safetensors",
            ],
            in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        for episode in [2, 6] { #expect(FileManager.default.fileExists(atPath: folder + "/mc.episode-\(episode).safetensors")) }
        // The last snapshot holds the final weights: it plays exactly as the policy does.
        let final = try RL.run(["eval", "mc.safetensors", "--episodes", "3", "--json"], in: folder)
        let last = try RL.run(["eval", "mc.episode-6.safetensors", "--episodes", "3", "--json"], in: folder)
        #expect(final.json?["mean_return"] as? Double == last.json?["mean_return"] as? Double)
        let early = try RL.run(["inspect", "mc.episode-2.safetensors", "--summary-only"], in: folder)
        #expect(early.standardOutput.contains("trained          2 episodes"), "\(early.standardOutput)")
        for bad in ["0", "7", "2,x"] {
            let run = try RL.run(["train", "--env", "mountain-car", "--episodes", "6", "--snapshot-at", bad], in: folder)
            #expect(
                run.status == 64 && run.errorLines.count == 1 && run.standardError.contains("--snapshot-at"), "\(bad): \(run.standardError)"
            )
        }
        // A snapshot plays but does not resume, and says why in one line.
        let snapshot = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.contains(".episode-") && $0.hasSuffix(".safetensors") })
        let resumed = try RL.run(["train", "--resume", snapshot, "--out", "r.safetensors"], in: folder)
        #expect(resumed.status == 65 && resumed.errorLines.count == 1, "\(resumed.standardError)")
        #expect(resumed.standardError.contains("it is a snapshot (rl train --snapshot-at)"), "\(resumed.standardError)")
    }

    /// Gymnasium's window at a tenth of its pixels (600 × 400, Acrobot's 500 × 500) under the HUD,
    /// 10 pixels per unit: the PNG's size in pixels.
    @Test(arguments: [("cart-pole", 777, 520), ("mountain-car", 777, 520), ("acrobot", 777, 620)])
    func rlWatchDrawsEachWorldWithoutADisplay(world: String, width: Int, height: Int) throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--env", world, "--episodes", "5", "--quiet", "--out", "p.safetensors"], in: folder).status == 0)
        let shot = try RL.run(["watch", "p.safetensors", "--screenshot", "shot.png", "--at", "10"], in: folder)
        #expect(shot.status == 0, "\(shot.standardError)")
        let image = try PNGFile.read(folder + "/shot.png")
        #expect(image.width == width && image.height == height)
        // Gymnasium's white window is most of the picture.
        #expect(image.pixels.count { $0 == .white } > width * height / 2)
        let terminal = try RL.run(["watch", "p.safetensors", "--renderer", "terminal", "--frames", "20", "--fps", "1000"], in: folder)
        #expect(terminal.status == 0, "\(terminal.standardError)")
        #expect(terminal.standardOutput.contains("EPISODE 1"))
        let record = try RL.run(["watch", "p.safetensors", "--record", "frames", "--frames", "4", "--scale", "2"], in: folder)
        #expect(record.status == 0, "\(record.standardError)")
        let frames = try FileManager.default.contentsOfDirectory(atPath: folder + "/frames").sorted()
        #expect(frames == ["frame-000000.png", "frame-000001.png", "frame-000002.png", "frame-000003.png"])
    }
}
