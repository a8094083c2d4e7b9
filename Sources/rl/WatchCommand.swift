import ArgumentParser
import Foundation
import RLApp
import RLPongRender
import RLRender
import RLSDL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `rl watch` shows the game.
enum WatchRenderer: String, ExpressibleByArgument, CaseIterable {
    case window, terminal
}

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch a policy play its world (Pong, the toy-text worlds): in a window, in the terminal, as PNG files or as a video.",
        discussion: """
            Keys (window and terminal): space pauses, left/right or -/+ change the speed, n starts the next episode, \
            s saves a screenshot, v shows what the agent sees (its state and each action's value), \
            q or Esc quits. Without a display, use '--renderer terminal', '--record DIR' or '--video FILE.gif|FILE.mp4'.
            """)

    @Argument(help: "Policy file to watch (default: policies/pong.safetensors, else the shipped policies/pretrained/pong.safetensors).")
    var policy: String?

    @Option(help: "Where to show the game: window or terminal.")
    var renderer: WatchRenderer?

    @OptionGroup var worldOption: WorldOption
    var env: String? { worldOption.id }

    @Option(help: "pong-duel: who plays the right paddle, a script (random, tracker, predictor) or a policy file (default predictor).")
    var opponent: String?

    @Option(parsing: .unconditional, help: "Steps per second at the start (1...1000).")
    var fps = 30

    @Option(parsing: .unconditional, help: "Seed of the episodes: the same seed shows the same games.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Stop after this many episodes (default: endless; 1 with --record or --video).")
    var episodes: Int?

    @Option(parsing: .unconditional, help: "Probability of a random action (0...1), to watch an exploring agent.")
    var epsilon = 0.0

    @Option(parsing: .unconditional, help: "Window pixels per court pixel (1...40); also the size of PNG files.")
    var scale = 10

    @Option(help: "Write one PNG per frame into this folder (empty or new), without any display.")
    var record: String?

    @Option(help: "Write the game as a video, FILE.gif or FILE.mp4 (ffmpeg), without any display (one episode by default).")
    var video: String?

    @Flag(help: "Let --record write into a folder that is not empty, removing its frame-NNNNNN.png files first.")
    var overwrite = false

    @Option(parsing: .unconditional, help: "Stop after this many frames.")
    var frames: Int?

    @Option(help: "Write one frame as a PNG file and exit, without any display.")
    var screenshot: String?

    @Option(parsing: .unconditional, help: "The frame --screenshot writes, counted from 0 (the first serve).")
    var at: Int?

    func validate() throws {
        try requireFlag("fps", fps, in: 1...1000)
        try requireFlag("episodes", episodes, atLeast: 1)
        try requireFlag("epsilon", epsilon, in: 0...1)
        try requireFlag("scale", scale, in: 1...40)
        try requireFlag("frames", frames, atLeast: 1)
        try requireFlag("at", at, in: 0...10_000_000)
        if at != nil && screenshot == nil { throw ValidationError("--at needs --screenshot") }
        if record != nil && screenshot != nil { throw ValidationError("--record and --screenshot cannot be combined") }
        if renderer != nil && (record != nil || screenshot != nil) {
            throw ValidationError("--record and --screenshot write files; they take no --renderer")
        }
        if video != nil && (record != nil || screenshot != nil || renderer != nil) {
            throw ValidationError("--video writes one file; it takes no --record, --screenshot or --renderer")
        }
        if overwrite && record == nil { throw ValidationError("--overwrite applies to --record only") }
        if screenshot != nil && (frames != nil || episodes != nil) {
            throw ValidationError("--screenshot writes one frame; use --at to choose it")
        }
    }

    func run() throws {
        try checkOutputNames()
        if isDuel { return try watchDuel() }
        // --env picks the world's policy, and a named policy must be of that world.
        let world = worldOption.world.id
        let path = policy ?? defaultPolicyPath(world: world)
        let loaded: LoadedPolicy
        do {
            loaded = try LoadedPolicy(path: path, expecting: env)
        } catch {
            throw CommandError(error, hint: policy == nil ? " (train one with 'rl train\(env.map { " --env " + $0 } ?? "")')" : "")
        }
        var session: any WatchableSession
        do {
            session = try makeWatchSession(policy: loaded, seed: seed, epsilon: epsilon)
        } catch {
            throw CommandError(error.message, exitCode: ExitStatus.dataError)
        }
        // A recording without any limit stops after one episode; --frames alone is limit enough.
        let limits = WatchLimits(frames: frames, episodes: episodes ?? ((record != nil || video != nil) && frames == nil ? 1 : nil))
        if let screenshot {
            try writeScreenshot(&session, to: screenshot, frame: at ?? 0)
        } else if video != nil {
            try recordVideo(&session, limits: limits)
        } else if let record {
            try recordFrames(&session, into: record, limits: limits)
        } else if renderer == .terminal {
            try playInTerminal(&session, stepsPerSecond: fps, limits: limits)
        } else {
            try playInWindow(&session, title: "rl watch: \(path)", stepsPerSecond: fps, scale: scale, limits: limits)
        }
    }

    /// Writes the frame with the given index.
    func writeScreenshot(_ session: inout any WatchableSession, to path: String, frame index: Int) throws {
        while session.frameCount - 1 < index { session.advance() }
        try writePNG(session.scene(scale: Double(scale)), to: path)
        ConsoleStream.standardOutput.writeLine(
            "Wrote \(path): frame \(index), episode \(session.episode), step \(session.stepCount).")
    }

    /// Writes `frame-000000.png`, `frame-000001.png`, ... until a limit or Ctrl-C.
    func recordFrames(_ session: inout any WatchableSession, into folder: String, limits: WatchLimits) throws {
        try prepareRecordFolder(folder, overwrite: overwrite)
        catchInterrupts()
        while true {
            let index = session.frameCount - 1
            try writePNG(session.scene(scale: Double(scale)), to: folder + "/" + Self.frameName(index))
            if limits.isReached(by: session) || wasInterrupted { break }
            session.advance()
        }
        ConsoleStream.standardOutput.writeLine(
            "Wrote \(session.frameCount) frame\(session.frameCount == 1 ? "" : "s") to \(folder) (\(session.episodesFinished) episode\(session.episodesFinished == 1 ? "" : "s") finished)."
        )
    }

    static func frameName(_ index: Int) -> String {
        let digits = String(index)
        return "frame-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".png"
    }

    func writePNG(_ scene: Scene, to path: String) throws {
        try savePNG(scene, scale: Double(scale), to: path)
    }
}

/// When watching stops by itself: after a number of frames, or of episodes.
struct WatchLimits {
    var frames: Int?
    var episodes: Int?

    /// Whether the session's current frame is the last one to show.
    func isReached(by session: any WatchableSession) -> Bool {
        if let frames, session.frameCount >= frames { return true }
        if let episodes, session.episodesFinished >= episodes { return true }
        return false
    }
}

/// How long the banner stays up at the end of an episode, in a window or a terminal.
let bannerMilliseconds = 1500
