import Foundation
import Testing

/// A small Pong policy trained once for all watch tests, in its own folder.
let watchFolder: String = {
    let folder = temporaryFolder()
    let run = try! RL.run(["train", "--episodes", "300", "--quiet"], in: folder)
    precondition(run.status == 0, run.standardError)
    return folder
}()

/// The court's colour and the paddle's, as `PongPalette` defines them.
let courtColor: (UInt8, UInt8, UInt8) = (20, 70, 48)
let paddleColor: (UInt8, UInt8, UInt8) = (235, 235, 235)

/// Runs `arguments` with a deadline: a watch that never ends fails the test instead of hanging it.
func runWithTimeout(
    _ executable: String, _ arguments: [String], in folder: String, environment: [String: String]? = nil,
    seconds: Double = 120
) throws -> RLRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    if let environment { process.environment = environment }
    let output = Pipe(), error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let timer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    timer.cancel()
    return RLRun(
        status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
        standardError: String(decoding: errorData, as: UTF8.self))
}

/// The environment without any display, so a window cannot open.
var headlessEnvironment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    for name in ["DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"] { environment[name] = nil }
    return environment
}

@Suite(.serialized) struct WatchCommandTests {
    @Test func aScreenshotShowsTheCourtPaddleAndBallWithoutADisplay() throws {
        let run = try runWithTimeout(
            RL.executable.path, ["watch", "--screenshot", "shot.png", "--at", "0", "--seed", "3"],
            in: watchFolder, environment: headlessEnvironment)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Wrote shot.png: frame 0, episode 1, step 0."))
        let data = try #require(FileManager.default.contents(atPath: watchFolder + "/shot.png"))
        // A PNG of 62 × 60 court units at 10 pixels each.
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 620 && height == 600)
    }

    @Test func recordingWritesOnePNGPerFrameAndStops() throws {
        let run = try runWithTimeout(
            RL.executable.path, ["watch", "--record", "frames/", "--frames", "12"],
            in: watchFolder, environment: headlessEnvironment)
        #expect(run.status == 0, "\(run.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: watchFolder + "/frames").sorted()
        #expect(files.count == 12)
        #expect(files.first == "frame-000000.png" && files.last == "frame-000011.png")
    }

    @Test func recordingWithoutALimitRecordsOneEpisodeEndingWithItsBanner() throws {
        let folder = temporaryFolder()
        let run = try runWithTimeout(
            RL.executable.path,
            ["watch", watchFolder + "/policies/pong.safetensors", "--record", "out", "--scale", "1", "--epsilon", "1"],
            in: folder, environment: headlessEnvironment)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("(1 episode finished)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/out")
        #expect(files.count > 10 && files.count < 3002)
    }

    @Test func theTerminalRendererDrawsInPlaceAndRestoresTheCursor() throws {
        let run = try runWithTimeout(
            RL.executable.path, ["watch", "--renderer", "terminal", "--frames", "5", "--fps", "100"],
            in: watchFolder, environment: headlessEnvironment)
        #expect(run.status == 0, "\(run.standardError)")
        let output = run.standardOutput
        #expect(output.hasPrefix("\u{1B}[?25l"))
        #expect(output.hasSuffix("\u{1B}[?25h\n"))
        // Five frames, each from the top left, none scrolling.
        #expect(output.components(separatedBy: "\u{1B}[H").count - 1 == 5)
        #expect(output.contains("SCORE 0") && output.contains("LIVES 3") && output.contains("EPISODE 1"))
        #expect(output.contains("STEP 4"))
    }

    /// `--frames` used to be ignored for pong-duel (and blackjack): the terminal played on forever.
    @Test func framesStopTheTerminalOnEveryWorld() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--env", "blackjack", "--episodes", "50", "--out", "bj.safetensors"], in: folder).status == 0)
        let duel = URL(fileURLWithPath: PolicyFixtures.shippedPath).deletingLastPathComponent().appendingPathComponent(
            "pong-duel.safetensors"
        ).path
        for policy in [folder + "/bj.safetensors", duel] {
            let run = try BoundedRun(
                ["watch", policy, "--renderer", "terminal", "--frames", "12", "--fps", "1000"], in: folder, seconds: 60)
            #expect(run.problem(expectingSuccess: true) == nil, "\(policy): \(run.problem(expectingSuccess: true) ?? "")")
        }
    }

    @Test func ctrlCInTheTerminalQuitsCleanly() throws {
        let (process, output, _) = try RL.start(["watch", "--renderer", "terminal"], in: watchFolder)
        // Whatever happens, the endless watch must not outlive the test.
        let guardTimer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: guardTimer)
        defer { guardTimer.cancel() }
        let reader = output.fileHandleForReading
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("STEP 2") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        process.interrupt()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        seen += reader.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(String(decoding: seen, as: UTF8.self).hasSuffix("\u{1B}[?25h\n"))
    }

    @Test func withoutADisplayTheWindowModeSaysWhatToDoInOneLine() throws {
        let run = try runWithTimeout(RL.executable.path, ["watch", "--frames", "3"], in: watchFolder, environment: headlessEnvironment)
        #expect(run.status != 0)
        #expect(run.errorLines.count == 1, "\(run.standardError)")
        #expect(run.standardError.hasPrefix("error: no display available"))
        #expect(run.standardError.contains("--renderer terminal") && run.standardError.contains("--record"))
    }

    @Test func anOffscreenFallbackIsNotADisplay() throws {
        // A DISPLAY that does not answer: SDL 2.26 would silently fall back to an invisible window.
        var environment = headlessEnvironment
        environment["DISPLAY"] = ":9999"
        let run = try runWithTimeout(RL.executable.path, ["watch", "--frames", "3"], in: watchFolder, environment: environment)
        #expect(run.status != 0)
        #expect(run.errorLines.count == 1 && run.standardError.hasPrefix("error: no display available"), "\(run.standardError)")
        // It names the display that could not be opened, not only SDL's fallback.
        #expect(run.standardError.contains("cannot open X display ':9999' named by DISPLAY"), "\(run.standardError)")
    }

    @Test func aPolicyOfAWorldWithoutAPictureIsOneLine() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--env", "maximization-bias", "--episodes", "20", "--quiet"], in: folder).status == 0)
        let run = try RL.run(["watch", "policies/maximization-bias.safetensors", "--screenshot", "x.png"], in: folder)
        #expect(run.status == 65)
        #expect(
            run.errorLines.count == 1 && run.standardError.contains("is a policy for maximization-bias, which has no picture yet"),
            "\(run.standardError)")
    }

    @Test func aToyTextPolicyIsWatchedAsPNGFiles() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--env", "taxi", "--episodes", "300", "--quiet"], in: folder).status == 0)
        let run = try RL.run(["watch", "policies/taxi.safetensors", "--screenshot", "taxi.png", "--at", "2"], in: folder)
        #expect(run.status == 0 && run.standardOutput.contains("step 2"), "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder + "/taxi.png"))
    }

    @Test func aMissingDefaultPolicySaysHowToMakeOne() throws {
        let run = try RL.run(["watch", "--screenshot", "x.png"])
        #expect(run.status == 66)
        #expect(run.errorLines.count == 1 && run.standardError.contains("train one with 'rl train'"), "\(run.standardError)")
    }

    @Test(arguments: [
        ["watch", "--fps", "0"],
        ["watch", "--fps", "fast"],
        ["watch", "--epsilon", "1.5"],
        ["watch", "--episodes", "0"],
        ["watch", "--scale", "0"],
        ["watch", "--frames", "-2"],
        ["watch", "--renderer", "opengl"],
        ["watch", "--at", "5"],
        ["watch", "--record", "f", "--screenshot", "x.png"],
        ["watch", "--renderer", "terminal", "--record", "f"],
        ["watch", "garbage.safetensors", "--screenshot", "x.png"],
        ["watch", "--screenshot", "/proc/rl-no-such-folder/x.png"],
    ])
    func badInputIsOneLineAndANonZeroExit(arguments: [String]) throws {
        _ = FileManager.default.createFile(atPath: watchFolder + "/garbage.safetensors", contents: Data("not a policy".utf8))
        let run = try runWithTimeout(RL.executable.path, arguments, in: watchFolder, environment: headlessEnvironment)
        #expect(run.status != 0)
        #expect(run.errorLines.count == 1, "\(run.standardError)")
        #expect(run.errorLines.first?.hasPrefix("error: ") == true)
        #expect(!run.standardError.contains("Fatal error"))
    }

    /// The real window, on a virtual X server: the screen must show the court.
    @Test func aRealWindowShowsTheCourtUnderXvfb() throws {
        guard let xvfbRun = ["/usr/bin/xvfb-run", "/usr/local/bin/xvfb-run"].first(where: FileManager.default.isExecutableFile),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/xwd")
        else {
            // CI installs them and sets RL_REQUIRE_XVFB, so there a missing tool is a failure.
            if ProcessInfo.processInfo.environment["RL_REQUIRE_XVFB"] == "1" {
                Issue.record("xvfb-run or xwd is missing, and RL_REQUIRE_XVFB=1")
            }
            print("skipped: xvfb-run or xwd is not installed (scripts/setup --test installs them)")
            return
        }
        let folder = temporaryFolder()
        // Screenshots of the whole X screen every 0.3 s while rl plays 150 frames at 30 steps/s.
        let script = """
            SDL_VIDEODRIVER=x11 '\(RL.executable.path)' watch '\(watchFolder)/policies/pong.safetensors' --frames 150 --fps 30 &
            pid=$!
            i=0
            while kill -0 $pid 2>/dev/null && [ $i -lt 40 ]; do
              sleep 0.3; xwd -root -silent > shot-$i.xwd; i=$((i+1))
            done
            wait $pid
            """
        let run = try runWithTimeout(xvfbRun, ["-a", "-s", "-screen 0 800x600x24", "sh", "-c", script], in: folder, seconds: 90)
        #expect(run.status == 0, "\(run.standardError)")
        let shots = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xwd") }.sorted()
        var found = false
        for shot in shots {
            guard let image = XWDImage(path: folder + "/" + shot) else { continue }
            // The court: a 500 × 400 pixel block of its colour, centred on an 800 × 600 screen.
            guard let box = image.boundingBox(of: courtColor) else { continue }
            if abs(box.width - 500) <= 2 && abs(box.height - 400) <= 2 && image.count(of: paddleColor) > 500 {
                found = true
                break
            }
        }
        #expect(found, "no screenshot of \(shots.count) showed the court")
    }
}

/// An X Window Dump (`xwd`): a big-endian header of 25 32-bit fields, the window name, a colour
/// map, then the pixels (here TrueColor, 3 or 4 bytes a pixel).
struct XWDImage {
    var width: Int, height: Int
    var pixels: [(UInt8, UInt8, UInt8)]

    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path), data.count >= 100 else { return nil }
        let bytes = [UInt8](data)
        func field(_ index: Int) -> Int { bytes[index * 4..<index * 4 + 4].reduce(0) { $0 << 8 | Int($1) } }
        let headerSize = field(0), width = field(4), height = field(5), byteOrder = field(7)
        let bitsPerPixel = field(11), bytesPerLine = field(12)
        let redMask = field(14), greenMask = field(15), blueMask = field(16), colorCount = field(19)
        // Xvfb's 24-bit screens dump 3 bytes a pixel, with lines padded to `bytesPerLine`.
        guard bitsPerPixel == 24 || bitsPerPixel == 32 else { return nil }
        let bytesPerPixel = bitsPerPixel / 8
        let start = headerSize + colorCount * 12
        guard bytes.count >= start + height * bytesPerLine else { return nil }
        func channel(_ value: Int, _ mask: Int) -> UInt8 { UInt8((value & mask) >> mask.trailingZeroBitCount) }
        var pixels: [(UInt8, UInt8, UInt8)] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width {
                let offset = start + y * bytesPerLine + x * bytesPerPixel
                let word = bytes[offset..<offset + bytesPerPixel]
                // byte order 0: least significant byte first.
                let value = byteOrder == 0 ? word.reversed().reduce(0) { $0 << 8 | Int($1) } : word.reduce(0) { $0 << 8 | Int($1) }
                pixels.append((channel(value, redMask), channel(value, greenMask), channel(value, blueMask)))
            }
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    func boundingBox(of color: (UInt8, UInt8, UInt8)) -> (x: Int, y: Int, width: Int, height: Int)? {
        var left = Int.max, top = Int.max, right = -1, bottom = -1
        for y in 0..<height {
            for x in 0..<width where pixels[y * width + x] == color {
                left = min(left, x); right = max(right, x); top = min(top, y); bottom = max(bottom, y)
            }
        }
        return right < 0 ? nil : (left, top, right - left + 1, bottom - top + 1)
    }

    func count(of color: (UInt8, UInt8, UInt8)) -> Int { pixels.filter { $0 == color }.count }
}

@Suite struct WatchWorldChoiceTests {
    /// `--env` picks the world's policy: `rl watch --env taxi` used to open Pong's.
    @Test func envPicksTheWorldsPolicy() throws {
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--env", "taxi", "--episodes", "5", "--quiet"], in: folder).status == 0)
        let shot = try RL.run(["watch", "--env", "taxi", "--screenshot", "taxi.png"], in: folder)
        #expect(shot.status == 0, "\(shot.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder + "/taxi.png"))
        // A named policy of another world is refused in one line.
        #expect(try RL.run(["train", "--episodes", "5", "--quiet", "--out", "pong.safetensors"], in: folder).status == 0)
        let wrong = try RL.run(["watch", "pong.safetensors", "--env", "taxi", "--screenshot", "x.png"], in: folder)
        #expect(wrong.status == 65 && wrong.errorLines.count == 1 && wrong.standardError.contains("not taxi"), "\(wrong.standardError)")
    }
}
