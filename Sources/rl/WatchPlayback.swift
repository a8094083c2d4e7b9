import RLApp
import RLPongRender
import RLRender
import RLSDL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Milliseconds on a monotonic clock, for pacing.
func monotonicMilliseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Int(time.tv_sec) * 1000 + Int(time.tv_nsec) / 1_000_000
}

func sleepMilliseconds(_ milliseconds: Int) {
    guard milliseconds > 0 else { return }
    var time = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
    nanosleep(&time, nil)
}

/// Paces a session in real time: step k of a run at a steady speed is due at
/// start + k × 1000 / speed milliseconds (so 700 steps/s really is 700, not 1000/1 = 1 ms each),
/// the banner is held for a while at the end of each episode, and nothing moves while paused.
/// Shared by the window and the terminal; the clock is passed in, so tests drive it.
struct Pacer {
    /// When the current run of steps started, and how many steps it has taken.
    private var start: Int
    private var steps = 0
    private var speed: Int
    /// Set while an episode's banner is shown: when to move on.
    private(set) var bannerEnd: Int?
    /// A step later than this behind schedule (a dragged window, a stopped terminal) restarts
    /// the schedule instead of racing to catch up.
    static let stallMilliseconds = 250

    init(now: Int, stepsPerSecond: Int) {
        start = now
        speed = stepsPerSecond
    }

    private var nextDue: Int { start + Int((Double(steps + 1) * 1000 / Double(speed)).rounded(.up)) }

    private mutating func restart(at now: Int, speed: Int) {
        start = now
        steps = 0
        self.speed = speed
    }

    /// Advances the session when its time has come. Returns whether it did.
    mutating func advanceIfDue(_ session: inout any WatchableSession, controls: WatchControls, now: Int) -> Bool {
        if controls.isPaused || controls.stepsPerSecond != speed {
            restart(at: now, speed: controls.stepsPerSecond)
            if controls.isPaused { return false }
        }
        if session.isEpisodeOver {
            if bannerEnd == nil { bannerEnd = now + bannerMilliseconds }
            guard now >= bannerEnd! else { return false }
            // The banner is done: the next episode's serve, on a fresh schedule.
            bannerEnd = nil
            session.advance()
            restart(at: now, speed: speed)
            return true
        }
        guard now >= nextDue else { return false }
        if now - nextDue > Self.stallMilliseconds { restart(at: now, speed: speed) } else { steps += 1 }
        session.advance()
        return true
    }

    /// Whether the session should stop: a frame limit reached, or an episode limit reached and
    /// its last banner up long enough (at once when the episode was skipped, without a banner).
    func isFinished(_ session: any WatchableSession, limits: WatchLimits, now: Int) -> Bool {
        if let frames = limits.frames, session.frameCount >= frames { return true }
        if let episodes = limits.episodes, session.episodesFinished >= episodes {
            guard session.isEpisodeOver else { return true }
            return bannerEnd.map { now >= $0 } ?? false
        }
        return false
    }

    /// Milliseconds to wait before anything is due (capped, so input stays responsive).
    func waitTime(now: Int, controls: WatchControls, cap: Int) -> Int {
        if controls.isPaused { return cap }
        let due = bannerEnd ?? nextDue
        return min(cap, max(0, due - now))
    }

    /// Starts a fresh schedule (after the `n` key).
    mutating func reset(now: Int) {
        bannerEnd = nil
        restart(at: now, speed: speed)
    }
}

extension WatchCommand {
    func playInWindow(_ session: inout any WatchableSession, title: String, stepsPerSecond: Int, scale: Int, limits: WatchLimits) throws {
        // The status line's room depends on the scale, so the window is sized from a scene with one.
        let layout = session.scene(status: "", showingAgentView: false, notice: nil, scale: Double(scale))
        let window = try openWindow(title: title, width: Int(layout.width) * scale, height: Int(layout.height) * scale, withoutDisplay: "try --renderer terminal or --record DIR")
        catchInterrupts()
        var controls = WatchControls(stepsPerSecond: stepsPerSecond)
        var pacer = Pacer(now: monotonicMilliseconds(), stepsPerSecond: stepsPerSecond)
        var notice: ScreenNotice?
        while !wasInterrupted {
            for input in window.pendingInput() {
                guard let request = Self.request(for: input) else { continue }
                guard handle(request, &session, &controls, &pacer, &notice, quietly: false) else { return }
            }
            window.show(session.scene(status: controls.status, showingAgentView: controls.showsAgentView,
                                      notice: notice?.text(at: monotonicMilliseconds()), scale: Double(scale)))
            if pacer.isFinished(session, limits: limits, now: monotonicMilliseconds()) { return }
            _ = pacer.advanceIfDue(&session, controls: controls, now: monotonicMilliseconds())
            sleepMilliseconds(pacer.waitTime(now: monotonicMilliseconds(), controls: controls, cap: 16))
        }
    }

    /// Carries out a request that is not the controls' own. Returns false to quit. A screenshot
    /// says on screen where it was saved (or that it failed) for a moment; one that cannot be
    /// written is reported and the session goes on.
    func handle(_ request: WatchRequest, _ session: inout any WatchableSession, _ controls: inout WatchControls, _ pacer: inout Pacer,
                _ notice: inout ScreenNotice?, quietly: Bool) -> Bool {
        switch request {
        case .quit:
            return false
        case .nextEpisode:
            session.skipEpisode()
            pacer.reset(now: monotonicMilliseconds())
        case .screenshot:
            let path = "rl-watch-episode\(session.episode)-step\(session.stepCount).png"
            do {
                try writePNG(session.scene(scale: Double(scale)), to: path)
                notice = ScreenNotice("SAVED \(path)", now: monotonicMilliseconds())
                if !quietly { ConsoleStream.standardOutput.writeLine("Saved \(path)") }
            } catch {
                notice = ScreenNotice("SCREENSHOT FAILED", now: monotonicMilliseconds())
                // The terminal picture would scroll away under a message on stdout.
                if !quietly { ConsoleStream.standardError.writeLine("warning: \(error)") }
            }
        default:
            controls.apply(request)
        }
        return true
    }

    static func request(for input: WindowInput) -> WatchRequest? {
        switch input {
        case .closed, .escape, .character("q"): .quit
        case .space: .togglePause
        case .right, .plus: .faster
        case .left, .minus: .slower
        case .character("n"): .nextEpisode
        case .character("s"): .screenshot
        case .character("v"): .toggleAgentView
        case .character: nil
        }
    }

    func playInTerminal(_ session: inout any WatchableSession, stepsPerSecond: Int, limits: WatchLimits) throws {
        let region = session.terminalRegion
        let output = ConsoleStream.standardOutput
        catchInterrupts()
        // Keys work as in the window when standard input is a terminal.
        let keyboard = TerminalKeyboard()
        // Hide the cursor and clear once; every frame then redraws in place from the top left.
        output.write("\u{1B}[?25l\u{1B}[2J")
        defer {
            keyboard?.restore()
            output.write("\u{1B}[0m\u{1B}[?25h\n")
        }
        var controls = WatchControls(stepsPerSecond: stepsPerSecond)
        var pacer = Pacer(now: monotonicMilliseconds(), stepsPerSecond: stepsPerSecond)
        var shown: (frame: Int, controls: WatchControls, notice: String?)?
        var notice: ScreenNotice?
        while !wasInterrupted {
            for request in WatchRequest.requests(fromTerminalInput: keyboard?.pendingBytes() ?? []) {
                guard handle(request, &session, &controls, &pacer, &notice, quietly: true) else { return }
            }
            let noticeText = notice?.text(at: monotonicMilliseconds())
            if shown?.frame != session.frameCount || shown?.controls != controls || shown?.notice != noticeText {
                let picture = TerminalPicture(region: region, unitsPerColumn: Self.terminalUnitsPerColumn(for: region))
                let lines = picture.lines(for: session.scene(status: controls.status, showingAgentView: controls.showsAgentView,
                                                             notice: noticeText, scale: 10))
                output.write("\u{1B}[H" + lines.joined(separator: "\u{1B}[K\r\n") + "\u{1B}[K\u{1B}[J")
                shown = (session.frameCount, controls, noticeText)
            }
            if pacer.isFinished(session, limits: limits, now: monotonicMilliseconds()) { return }
            _ = pacer.advanceIfDue(&session, controls: controls, now: monotonicMilliseconds())
            sleepMilliseconds(pacer.waitTime(now: monotonicMilliseconds(), controls: controls, cap: 50))
        }
    }

    /// Shrinks the picture to fit the terminal when it is smaller than one column per court pixel.
    static func terminalUnitsPerColumn(for playArea: Rect) -> Double {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 3 else { return 1 }
        let headerLines = 2.0
        return max(1, playArea.width / Double(size.ws_col),
                   playArea.height / (2 * (Double(size.ws_row) - headerLines - 1)))
    }
}

/// A message shown on the picture for a moment (where a screenshot went).
struct ScreenNotice {
    /// How long a notice stays up.
    static let milliseconds = 2500
    let message: String
    let until: Int

    init(_ message: String, now: Int) {
        self.message = message
        until = now + Self.milliseconds
    }

    /// The message while it is up, nil after.
    func text(at now: Int) -> String? { now < until ? message : nil }
}

/// Opens an SDL window, or says in one line that there is no display and what to try instead.
func openWindow(title: String, width: Int, height: Int, withoutDisplay advice: String) throws -> SceneWindow {
    do {
        return try SceneWindow(title: title, width: width, height: height)
    } catch let error as NoDisplayError {
        throw CommandError("no display available (\(error.reason)); \(advice)")
    } catch {
        throw CommandError("\(error)")
    }
}
