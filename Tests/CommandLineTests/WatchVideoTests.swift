import Foundation
import RLTestSupport
import Testing

/// `rl watch --video`: a GIF that Pillow reads back to `--record`'s very pixels, an MP4 that
/// ffprobe counts, for a finite world, a continuous one and the duel; and the refusals.
@Suite struct WatchVideoTests {
    static let pong = PolicyFixtures.shippedPath
    static let duel = URL(fileURLWithPath: PolicyFixtures.shippedPath).deletingLastPathComponent()
        .appendingPathComponent("pong-duel.safetensors").path

    /// The worlds' command lines, each with the size of its pictures at `--scale 2` (cart-pole's
    /// is odd, which MP4 must pad).
    static func cases(in folder: String) throws -> [(name: String, arguments: [String], size: (Int, Int), framesFromRecord: Bool)] {
        let cartPole = try RL.run(["train", "--env", "cart-pole", "--episodes", "2", "--out", "cart.safetensors", "--quiet"], in: folder)
        precondition(cartPole.status == 0, cartPole.standardError)
        return [
            ("pong", [pong, "--frames", "12"], (124, 124), true),
            // Default: one episode (a freshly trained cart-pole policy falls in a dozen steps).
            ("cart-pole", ["cart.safetensors"], (155, 104), true),
            ("pong-duel", ["--env", "pong-duel", duel, "--opponent", "tracker", "--frames", "20"], (144, 120), false),
        ]
    }

    /// Frames written, from the command's summary line ("Wrote x.gif: 12 frames (…)").
    static func framesWritten(_ output: String) -> Int? {
        guard let range = output.range(of: ": ") else { return nil }
        return Int(output[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func aGIFOfEachWorldDecodesToTheRecordedFrames() throws {
        let folder = temporaryFolder()
        for world in try Self.cases(in: folder) {
            let name = world.name + ".gif"
            let run = try RL.run(["watch"] + world.arguments + ["--video", name, "--scale", "2", "--seed", "3"], in: folder)
            #expect(run.status == 0, "\(world.name): \(run.standardError)")
            let frames = try #require(Self.framesWritten(run.standardOutput), "\(run.standardOutput)")
            #expect(frames == ["pong": 12, "pong-duel": 20, "cart-pole": frames][world.name], "\(world.name): \(frames)")
            var record = ""
            if world.framesFromRecord {
                let recorded = try RL.run(
                    ["watch"] + world.arguments + ["--record", world.name, "--scale", "2", "--seed", "3"], in: folder)
                #expect(recorded.status == 0, "\(recorded.standardError)")
                record = folder + "/" + world.name
            }
            let script = """
                import glob, sys
                try:
                    from PIL import Image
                except ImportError:
                    print("SKIP: Python has no Pillow (scripts/setup --test installs it)"); sys.exit(0)
                image = Image.open(sys.argv[1])
                print("size", image.size[0], image.size[1], "frames", image.n_frames, "loop", image.info.get("loop"))
                pngs = sorted(glob.glob(sys.argv[2] + "/frame-*.png")) if sys.argv[2] else []
                assert not pngs or len(pngs) == image.n_frames, (len(pngs), image.n_frames)
                for index, png in enumerate(pngs):
                    image.seek(index)
                    assert image.convert("RGB").tobytes() == Image.open(png).convert("RGB").tobytes(), png
                print("same", len(pngs))
                """
            let python = try runPython(script, arguments: [folder + "/" + name, record])
            if python.output.hasPrefix("SKIP") {
                print(python.output)
                return
            }
            let (width, height) = world.size
            #expect(python.status == 0, "\(world.name): \(python.output)")
            #expect(python.output.contains("size \(width) \(height) frames \(frames) loop 0"), "\(world.name): \(python.output)")
            if world.framesFromRecord { #expect(python.output.contains("same \(frames)"), "\(world.name): \(python.output)") }
        }
    }

    @Test func anMP4OfEachWorldHasEveryFrame() throws {
        guard ffmpegIsInstalled() else {
            print("SKIP: no ffmpeg (scripts/setup installs it)")
            return
        }
        let folder = temporaryFolder()
        for world in try Self.cases(in: folder) {
            let name = world.name + ".mp4"
            let run = try RL.run(["watch"] + world.arguments + ["--video", name, "--scale", "2", "--seed", "3"], in: folder)
            #expect(run.status == 0, "\(world.name): \(run.standardError)")
            let frames = try #require(Self.framesWritten(run.standardOutput), "\(run.standardOutput)")
            let probe = try runProcess(
                "ffprobe",
                [
                    "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                    "stream=codec_name,width,height,nb_read_frames", "-of", "csv=p=0", folder + "/" + name,
                ])
            // H.264 in yuv420p needs even sizes: cart-pole's 155 columns become 156.
            let (width, height) = (world.size.0 + world.size.0 % 2, world.size.1 + world.size.1 % 2)
            #expect(probe == "h264,\(width),\(height),\(frames)", "\(world.name): \(probe)")
        }
    }

    /// A duel records whole games: the winner's banner ends each, the next serve follows.
    @Test func aDuelVideoRecordsTheGamesAskedFor() throws {
        let folder = temporaryFolder()
        let run = try RL.run(
            ["watch", "--env", "pong-duel", Self.duel, "--opponent", "random", "--episodes", "2", "--scale", "1", "--video", "d.gif"],
            in: folder)
        #expect(run.status == 0 && run.standardOutput.contains("(2 games finished)"), "\(run.standardOutput)\(run.standardError)")
        let frames = try #require(Self.framesWritten(run.standardOutput))
        let python = try runPython(
            """
            import sys
            try:
                from PIL import Image
            except ImportError:
                print("SKIP: Python has no Pillow (scripts/setup --test installs it)"); sys.exit(0)
            print("frames", Image.open(sys.argv[1]).n_frames)
            """, arguments: [folder + "/d.gif"])
        if python.output.hasPrefix("SKIP") { return print(python.output) }
        #expect(python.output.contains("frames \(frames)"), "\(python.output)")
    }

    @Test func otherExtensionsAndOtherOutputsAreRefusedInOneLine() throws {
        let folder = temporaryFolder()
        for (arguments, words) in [
            (["--video", "game.avi"], "ending in one of them"),
            (["--video", "game"], "ending in one of them"),
            (["--video", "game.gif", "--record", "frames"], "--video writes one file"),
            (["--video", "game.gif", "--screenshot", "s.png"], "--video writes one file"),
            (["--video", "game.mp4", "--renderer", "terminal"], "--video writes one file"),
        ] {
            let run = try RL.run(["watch", Self.pong] + arguments, in: folder)
            #expect(run.status == 64 && run.errorLines.count == 1, "\(arguments): \(run.standardError)")
            #expect(run.standardError.contains(words), "\(arguments): \(run.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func withoutFFmpegAnMP4IsRefusedInOneLineAndAGIFStillWorks() throws {
        let folder = temporaryFolder()
        let emptyPath = temporaryFolder()
        let run = try RL.run(["watch", Self.pong, "--frames", "2", "--video", "game.mp4"], in: folder, environment: ["PATH": emptyPath])
        #expect(run.status == 69 && run.errorLines.count == 1, "\(run.standardError)")
        #expect(run.standardError.contains("needs ffmpeg") && run.standardError.contains("scripts/setup"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let gif = try RL.run(
            ["watch", Self.pong, "--frames", "2", "--scale", "1", "--video", "game.gif"], in: folder, environment: ["PATH": emptyPath])
        #expect(gif.status == 0, "\(gif.standardError)")
        // Written atomically: the file, and no temporary beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["game.gif"])
    }

    func ffmpegIsInstalled() -> Bool {
        (try? runProcess("ffprobe", ["-version"]))?.hasPrefix("ffprobe") == true
            && (try? runProcess("ffmpeg", ["-version"]))?.hasPrefix("ffmpeg") == true
    }

    /// Runs a program found on the PATH and returns its standard output, trimmed.
    func runProcess(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
