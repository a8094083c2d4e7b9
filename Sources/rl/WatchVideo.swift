import Foundation
import RLApp
import RLRender
import RLSDL
import RLTabular

/// `rl watch --video FILE.gif|FILE.mp4`: the frames `--record` would write, as one video file.
/// GIF is written by our own encoder (``GIFAnimation``); MP4 by ffmpeg's libx264, fed raw RGB.
enum VideoFormat {
    case gif, mp4

    /// The format a file name asks for, by its extension (any case).
    init(path: String) throws(CommandError) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".gif") {
            self = .gif
        } else if lowered.hasSuffix(".mp4") {
            self = .mp4
        } else {
            throw CommandError.usage("--video writes a .gif or an .mp4 file: give it a name ending in one of them, got \(path)")
        }
    }
}

/// Collects a video's frames and writes the file at the end, atomically: a reader never sees
/// half a video, and a failed recording leaves none (Ctrl-C ends it early, like `--record`).
struct VideoWriter {
    let path: String
    let format: VideoFormat
    let fps: Int
    private var gif: GIFAnimation?
    private var ffmpeg: FFmpegPipe?
    private(set) var frameCount = 0
    /// The first frame's size: every frame has it.
    private var size: (width: Int, height: Int)?

    init(path: String, fps: Int) throws(CommandError) {
        self.path = path
        format = try VideoFormat(path: path)
        self.fps = fps
        do { try AtomicFile.checkWritable(path) } catch { throw CommandError(error) }
        // Without ffmpeg, say so before playing anything.
        if format == .mp4 { _ = try FFmpegPipe.executable() }
    }

    mutating func add(_ scene: Scene, scale: Double) throws(CommandError) {
        let picture: (width: Int, height: Int, rgb: [UInt8])
        do { picture = try PNGFile.rgbBytes(scene, scale: scale) } catch { throw CommandError(error.message) }
        if let size, size != (picture.width, picture.height) {
            throw CommandError("--video: frame \(frameCount) is \(picture.width)×\(picture.height), not \(size.width)×\(size.height)")
        }
        size = (picture.width, picture.height)
        switch format {
        case .gif:
            if gif == nil {
                gif = GIFAnimation(
                    width: picture.width, height: picture.height, delayCentiseconds: GIFAnimation.delay(framesPerSecond: fps))
            }
            gif!.append(rgb: picture.rgb)
        case .mp4:
            if ffmpeg == nil { ffmpeg = try FFmpegPipe(width: picture.width, height: picture.height, fps: fps) }
            try ffmpeg!.write(picture.rgb)
        }
        frameCount += 1
    }

    /// Writes the file (GIF) or lets ffmpeg finish it, then renames it into place.
    func finish() throws(CommandError) {
        switch format {
        case .gif:
            guard let gif else { return }
            do { try AtomicFile.write(gif.encode(), to: path) } catch { throw CommandError(error) }
        case .mp4:
            guard let ffmpeg else { return }
            let bytes = try ffmpeg.finish()
            do { try AtomicFile.write(bytes, to: path) } catch { throw CommandError(error) }
        }
    }

    /// Stops ffmpeg and removes its file, when the recording fails half-way.
    func abandon() { ffmpeg?.abandon() }
}

/// ffmpeg encoding raw RGB frames from its standard input into an H.264 MP4 in a temporary
/// file (ours is renamed into place by ``AtomicFile`` once ffmpeg is done with it).
final class FFmpegPipe {
    let process = Process()
    let input = Pipe()
    let output: String
    let log: String
    let width: Int
    let height: Int
    /// yuv420p halves the colour resolution: H.264 needs even sizes, so odd pictures get one
    /// more column or row, a copy of their last.
    let paddedWidth: Int
    let paddedHeight: Int

    /// ffmpeg on the PATH, or the one-line error (EX_UNAVAILABLE) that says how to get it.
    static func executable() throws(CommandError) -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/ffmpeg"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw CommandError(
            "--video FILE.mp4 needs ffmpeg, which is not installed: run scripts/setup (or apt-get install ffmpeg), or write a .gif",
            exitCode: ExitStatus.unavailable)
    }

    init(width: Int, height: Int, fps: Int) throws(CommandError) {
        self.width = width
        self.height = height
        paddedWidth = width + width % 2
        paddedHeight = height + height % 2
        let base = NSTemporaryDirectory() + "/rl-video-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        output = base + ".mp4"
        log = base + ".log"
        let executable = try Self.executable()
        guard FileManager.default.createFile(atPath: log, contents: nil), let logHandle = FileHandle(forWritingAtPath: log) else {
            throw CommandError("cannot create \(log)", exitCode: ExitStatus.inputOutputError)
        }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "\(paddedWidth)x\(paddedHeight)", "-r", "\(fps)", "-i", "-",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-f", "mp4", output,
        ]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = logHandle
        do { try process.run() } catch { throw CommandError("cannot start \(executable): \(error.localizedDescription)") }
        try? logHandle.close()
    }

    /// Sends one frame, as rgb24 (`width × height × 3` bytes), padded to the even size.
    func write(_ rgb: [UInt8]) throws(CommandError) {
        var bytes = rgb
        if paddedWidth != width || paddedHeight != height {
            bytes = []
            bytes.reserveCapacity(paddedWidth * paddedHeight * 3)
            for row in 0..<paddedHeight {
                let start = min(row, height - 1) * width * 3
                bytes += rgb[start..<(start + width * 3)]
                if paddedWidth != width { bytes += rgb[(start + width * 3 - 3)..<(start + width * 3)] }
            }
        }
        do {
            try input.fileHandleForWriting.write(contentsOf: bytes)
        } catch {
            // ffmpeg stopped reading: it said why in its log.
            throw CommandError("ffmpeg failed: \(finishLog())")
        }
    }

    /// Closes ffmpeg's input, waits for it, and returns the MP4's bytes.
    func finish() throws(CommandError) -> [UInt8] {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        defer { unlink(output) }
        guard process.terminationStatus == 0 else { throw CommandError("ffmpeg failed: \(finishLog())") }
        _ = finishLog()
        guard let data = FileManager.default.contents(atPath: output) else {
            throw CommandError("ffmpeg wrote no \(output)", exitCode: ExitStatus.inputOutputError)
        }
        return [UInt8](data)
    }

    func abandon() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        unlink(output)
        _ = finishLog()
    }

    /// ffmpeg's last complaint, on one line; the log file is removed.
    private func finishLog() -> String {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        unlink(log)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.last ?? "exit status \(process.isRunning ? 0 : process.terminationStatus)"
    }
}

extension WatchCommand {
    /// Plays a session into `--video`'s file, frame by frame like `--record`, until a limit
    /// or Ctrl-C.
    /// - Parameter next: moves to the next frame and returns its picture, or `nil` when done.
    func writeVideo(first: Scene, next: () -> Scene?) throws(CommandError) -> Int {
        guard let video else { return 0 }
        var writer = try VideoWriter(path: video, fps: fps)
        catchInterrupts()
        do {
            try writer.add(first, scale: Double(scale))
            while !wasInterrupted, let scene = next() { try writer.add(scene, scale: Double(scale)) }
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
        return writer.frameCount
    }

    /// `--video` for a one-player world's session.
    func recordVideo(_ session: inout any WatchableSession, limits: WatchLimits) throws {
        let frames = try writeVideo(first: session.scene(scale: Double(scale))) {
            if limits.isReached(by: session) { return nil }
            session.advance()
            return session.scene(scale: Double(scale))
        }
        ConsoleStream.standardOutput.writeLine(
            "Wrote \(video ?? ""): \(frames) frame\(frames == 1 ? "" : "s") (\(session.episodesFinished) episode\(session.episodesFinished == 1 ? "" : "s") finished)."
        )
    }
}
