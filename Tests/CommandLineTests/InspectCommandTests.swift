import Foundation
import RLTestSupport
import Testing

@Suite struct InspectCommandTests {
    /// A folder with a short-trained default policy at policies/pong.safetensors.
    static func trainedFolder(_ extra: [String] = []) throws -> String {
        let folder = temporaryFolder()
        let run = try RL.run(["train", "--episodes", "200", "--quiet"] + extra, in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        return folder
    }

    @Test func summaryThenGridsThatFitAndNoColourWhenPiped() throws {
        let folder = try Self.trainedFolder()
        let run = try RL.run(["inspect"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let text = run.standardOutput
        for expected in [
            "Policy policies/pong.safetensors", "observation markov", "12 × 16 × 18 × 2 × 2 × 2",
            "seed             1", "200 episodes", "of state-action pairs visited", "greedy action    up ",
        ] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(text.components(separatedBy: "\npaddle ").count - 1 == 48)
        #expect(!text.contains("\u{1B}["))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 120 })
        let one = try RL.run(["inspect", "--paddle", "3", "--direction", "left-down", "--values"], in: folder)
        #expect(one.status == 0)
        #expect(one.standardOutput.components(separatedBy: "\npaddle ").count - 1 == 1)
        #expect(one.standardOutput.contains("paddle 3 (bottom edge at y 6..8), ball moving left (towards the paddle) and down"))
        #expect(one.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 120 })
        let narrow = try RL.run(["inspect", "--paddle", "3", "--values", "--width", "80", "--summary-only"], in: folder)
        #expect(narrow.status == 0 && !narrow.standardOutput.contains("\npaddle "))
        let coloured = try RL.run(["inspect", "--paddle", "0", "--color", "always"], in: folder)
        #expect(coloured.standardOutput.contains("\u{1B}[38;5;"))
    }

    @Test func csvJSONAndNumpyExport() throws {
        let folder = try Self.trainedFolder(["--observation", "classic"])
        let csv = try RL.run(["inspect", "--format", "csv"], in: folder)
        #expect(csv.status == 0)
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines.first == "paddle,ball_y,ball_x,action,value,visits")
        #expect(lines.count == 1 + 12 * 16 * 18 * 2)
        let json = try #require(try RL.run(["inspect", "--format", "json"], in: folder).json)
        #expect(json["shape"] as? [Int] == [12, 16, 18, 2])
        #expect((json["q"] as? [Double])?.count == 12 * 16 * 18 * 2)
        #expect(json["observation"] as? String == "classic")
        #expect((json["configuration"] as? [String: Any])?["court_width"] as? Int == 50)
        #expect((json["summary"] as? [String: Any])?["pair_coverage"] is Double)
        // The CSV and the JSON carry the same numbers.
        let q = try #require(json["q"] as? [Double])
        let csvValues = lines.dropFirst().map { Double($0.split(separator: ",")[4])! }
        let largestDifference = zip(csvValues, q).map { abs($0 - $1) }.max() ?? .infinity
        #expect(csvValues.count == q.count && largestDifference < 1e-12)

        let export = try RL.run(["inspect", "--export", "out/q.npy"], in: folder)
        #expect(export.status == 0 && export.standardOutput.contains("written to out/q.npy"))
        let script =
            "import sys, numpy as np; q = np.load(sys.argv[1]); assert q.shape == (12, 16, 18, 2), q.shape; print(repr(float(q.sum())))"
        let python = try runPython(script, arguments: [folder + "/out/q.npy"])
        let sum = Double(python.output.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(python.status == 0, "\(python.output)")
        #expect(abs((sum ?? .nan) - q.reduce(0, +)) < 1e-6)
    }

    @Test func oneStateInWords() throws {
        let folder = try Self.trainedFolder()
        let run = try RL.run(["inspect", "--state", "3,8,5,0,1"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("State (paddle 3, ball_y 8, ball_x 5, ball_moving_right 0, ball_moving_up 1)"))
        #expect(
            run.standardOutput.contains(
                "The paddle's bottom edge is at y 6 to 8, the ball at x 16 to 18, y 21 to 23, moving left (towards the paddle) and up."))
        #expect(run.standardOutput.contains("  up  ") && run.standardOutput.contains("  down  "))
    }

    @Test(arguments: [
        (["inspect", "missing.safetensors"], "no such file"),
        (["inspect", "garbage.safetensors"], "header length"),
        (["inspect", "--paddle", "12"], "--paddle must be in 0...11"),
        (["inspect", "--paddle", "-1"], "--paddle must be 0 or more"),
        (["inspect", "--state", "1,2,3"], "needs 5 comma-separated numbers"),
        (["inspect", "--state", "1,2,3,0,2"], "ball_moving_up must be in 0...1"),
        (["inspect", "--state", "1,2,a,0,0"], "must be an integer"),
        (["inspect", "--direction", "sideways"], "direction"),
        (["inspect", "--format", "xml"], "format"),
        (["inspect", "--export", "q.txt"], "ending in .npy"),
        (["inspect", "--width", "10"], "--width must be in 40...1000"),
    ])
    func badInputIsOneLine(arguments: [String], expected: String) throws {
        let folder = try Self.trainedFolder()
        _ = FileManager.default.createFile(atPath: folder + "/garbage.safetensors", contents: Data("not a policy".utf8))
        let run = try RL.run(arguments, in: folder)
        #expect(run.status != 0)
        #expect(run.errorLines.count == 1 && run.standardError.hasPrefix("error: "), "\(run.standardError)")
        #expect(run.standardError.contains(expected), "\(run.standardError)")
    }

    @Test func directionIsForMarkovOnly() throws {
        let folder = try Self.trainedFolder(["--observation", "classic"])
        let run = try RL.run(["inspect", "--direction", "left-up"], in: folder)
        #expect(run.status == 64 && run.errorLines.count == 1 && run.standardError.contains("markov policies only"))
    }
}

@Suite struct PlotCommandTests {
    @Test(arguments: [
        (["plot", "missing.csv"], "no such file"),
        (["plot", "columns.csv"], "no column 'return'"),
        (["plot", "numbers.csv"], "is not a number"),
        (["plot", "good.csv", "--out", "curve.jpg"], "ending in .png"),
        (["plot", "good.csv", "--window", "0"], "--window must be in"),
        (["plot"], "Missing expected argument"),
    ])
    func badInputIsOneLine(arguments: [String], expected: String) throws {
        let folder = temporaryFolder()
        _ = FileManager.default.createFile(atPath: folder + "/columns.csv", contents: Data("episode,steps\n1,2\n".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/numbers.csv", contents: Data("episode,return,steps\n1,lots,2\n".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/good.csv", contents: Data("episode,return,steps\n1,3,2\n".utf8))
        let run = try RL.run(arguments, in: folder)
        #expect(run.status != 0)
        #expect(
            run.errorLines.count == 1 && run.standardError.hasPrefix("error: ") && run.standardError.contains(expected),
            "\(run.standardError)")
    }
}

/// The width and height of a PNG file, from its IHDR chunk; `nil` if it is not a PNG.
func pngSize(_ path: String) -> (width: Int, height: Int)? {
    guard let data = FileManager.default.contents(atPath: path), data.count > 24,
        Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    else { return nil }
    let bytes = Array(data)
    func word(_ offset: Int) -> Int { bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (word(16), word(20))
}

@Suite struct PictureCommandTests {
    @Test func plotAndHeatmapWritePNGFiles() throws {
        let folder = temporaryFolder()
        #expect(
            try RL.run(
                ["train", "--episodes", "200", "--eval-every", "50", "--eval-episodes", "2", "--log", "run.csv", "--quiet"], in: folder
            ).status == 0)
        let plot = try RL.run(["plot", "run.csv", "--out", "curve.png", "--window", "20", "--width", "640", "--height", "480"], in: folder)
        #expect(plot.status == 0, "\(plot.standardError)")
        #expect(plot.standardOutput == "Learning curve of 200 episodes written to curve.png.\n")
        #expect(pngSize(folder + "/curve.png").map { [$0.width, $0.height] } == [640, 480])
        let heatmap = try RL.run(["inspect", "--heatmap", "heat.png", "--direction", "left-down"], in: folder)
        #expect(heatmap.status == 0, "\(heatmap.standardError)")
        #expect(heatmap.standardOutput == "Heatmap of 12 panels written to heat.png.\n")
        #expect(pngSize(folder + "/heat.png") != nil)
        // No temporary files are left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.hasSuffix(".tmp") })
        let bad = try RL.run(["inspect", "--heatmap", "heat.gif"], in: folder)
        #expect(bad.status != 0 && bad.errorLines.count == 1 && bad.standardError.contains("ending in .png"))
    }
}

/// pong-duel's table has 648 ball-position grids: too many for one picture, so a user picks
/// slices, as `--paddle` does for Pong.
@Suite struct SlicedHeatmapTests {
    @Test func aDuelHeatmapIsSlicedOrRefusedInOneLine() throws {
        let folder = temporaryFolder()
        let policy = ScriptsTests.root.appendingPathComponent("policies/pretrained/pong-duel.safetensors").path
        let whole = try RL.run(["inspect", policy, "--heatmap", "all.png"], in: folder)
        #expect(whole.status == 64 && whole.errorLines.count == 1, "\(whole.standardError)")
        #expect(whole.standardError.contains("648 panels") && whole.standardError.contains("--slice"), "\(whole.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/all.png"))
        let sliced = try RL.run(["inspect", policy, "--heatmap", "duel.png", "--slice", "paddle=2,opponent_paddle=3"], in: folder)
        #expect(sliced.status == 0, "\(sliced.standardError)")
        #expect(sliced.standardOutput == "Heatmap of 18 panels written to duel.png.\n")
        let text = try RL.run(
            ["inspect", policy, "--slice", "paddle=0,opponent_paddle=5,ball_moving_away=1,ball_vertical_speed=4"], in: folder)
        #expect(text.status == 0 && text.standardOutput.contains("paddle 0, opponent_paddle 5, ball_moving_away 1, ball_vertical_speed 4"))
        for (slice, words) in [
            ("paddle=9", "--slice paddle must be in 0...5, got 9"), ("ball=1", "--slice takes one of paddle, opponent_paddle"),
            ("paddle", "--slice takes NAME=VALUE pairs"),
        ] {
            let refused = try RL.run(["inspect", policy, "--slice", slice], in: folder)
            #expect(
                refused.status == 64 && refused.errorLines.count == 1 && refused.standardError.contains(words), "\(refused.standardError)")
        }
        let pong = try RL.run(
            ["inspect", ScriptsTests.root.appendingPathComponent("policies/pretrained/pong.safetensors").path, "--slice", "paddle=1"],
            in: folder)
        #expect(pong.status == 64 && pong.standardError.contains("--paddle and --direction"), "\(pong.standardError)")
    }
}

@Suite struct InspectAndPlotEdgeTests {
    @Test(arguments: [
        ["inspect", "--export", "q.npy", "--heatmap", "h.png"],
        ["inspect", "--state", "1,1,1,0,0", "--values"],
        ["inspect", "--format", "csv", "--values"],
        ["inspect", "--format", "json", "--color", "always"],
        ["inspect", "--state", "-1,0,0,0,0"],
    ])
    func conflictingOrBadRequestsAreOneLine(arguments: [String]) throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/policies", withIntermediateDirectories: true)
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("policies/pretrained/pong.safetensors")
        try FileManager.default.copyItem(atPath: shipped.path, toPath: folder + "/policies/pong.safetensors")
        let run = try RL.run(arguments, in: folder)
        #expect(run.status != 0)
        #expect(run.errorLines.count == 1 && run.standardError.hasPrefix("error: "), "\(run.standardError)")
    }

    @Test func hugeNumbersInALogAreRejectedNotDrawn() throws {
        let folder = temporaryFolder()
        let log = "episode,return,steps,hits,misses,avoidable_misses,epsilon\n1,1e308,10,0,0,0,1\n2,1e308,10,0,0,0,1\n"
        _ = FileManager.default.createFile(atPath: folder + "/huge.csv", contents: Data(log.utf8))
        let run = try RL.run(["plot", "huge.csv", "--out", "curve.png"], in: folder)
        #expect(run.status != 0 && run.errorLines.count == 1 && run.standardError.contains("out of range"), "\(run.standardError)")
        let episodes = "episode,return,steps,hits,misses,avoidable_misses,epsilon\n1000000000000000000,1,10,0,0,0,1\n"
        _ = FileManager.default.createFile(atPath: folder + "/far.csv", contents: Data(episodes.utf8))
        let far = try RL.run(["plot", "far.csv", "--out", "curve.png"], in: folder)
        #expect(far.status != 0 && far.errorLines.count == 1, "\(far.standardError)")
    }

    @Test func picturesFollowLinksAndCreateFolders() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--episodes", "50", "--quiet", "--log", "run.csv"], in: folder).status == 0)
        _ = FileManager.default.createFile(atPath: folder + "/target.png", contents: Data())
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.png", withDestinationPath: "target.png")
        #expect(try RL.run(["plot", "run.csv", "--out", "link.png"], in: folder).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.png") == "target.png")
        let target = try #require(FileManager.default.contents(atPath: folder + "/target.png"))
        #expect(target.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try RL.run(["inspect", "--heatmap", "new/folder/heat.png"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/new/folder/heat.png"))
    }
}
