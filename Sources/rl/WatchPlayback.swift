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

/// Paces a session in real time: one step every 1/speed seconds, the banner held for a while
/// at the end of each episode, nothing while paused. Shared by the window and the terminal.
struct Pacer {
    var nextStep: Int
    /// Set while an episode's banner is shown: when to move on.
    var bannerEnd: Int?

    init(now: Int) { nextStep = now }

    /// Advances the session when its time has come. Returns whether it did.
    mutating func advanceIfDue(_ session: inout WatchSession, controls: WatchControls, now: Int) -> Bool {
        guard !controls.isPaused else { nextStep = now; return false }
        if session.outcome != nil {
            if bannerEnd == nil { bannerEnd = now + bannerMilliseconds }
            guard now >= bannerEnd! else { return false }
        }
        guard now >= nextStep else { return false }
        session.advance()
        bannerEnd = nil
        let interval = 1000 / controls.stepsPerSecond
        // Never try to catch up after a stall (a dragged window, a paused terminal): just go on.
        nextStep = max(nextStep + interval, now - interval)
        return true
    }

    /// Whether an episode limit was reached and its last banner has been up long enough.
    func isFinished(_ session: WatchSession, limits: WatchLimits, now: Int) -> Bool {
        if let frames = limits.frames, session.frameCount >= frames { return true }
        if let episodes = limits.episodes, session.episodesFinished >= episodes {
            return bannerEnd.map { now >= $0 } ?? false
        }
        return false
    }

    /// Milliseconds to wait before anything is due (capped, so input stays responsive).
    func waitTime(now: Int, cap: Int) -> Int {
        min(cap, max(0, min(nextStep, bannerEnd ?? nextStep) - now))
    }
}

extension WatchCommand {
    func playInWindow(_ session: inout WatchSession, title: String, stepsPerSecond: Int, scale: Int, limits: WatchLimits) throws {
        let layout = PongLayout(configuration: session.environment.configuration)
        let window: SceneWindow
        do {
            window = try SceneWindow(title: title, width: Int(layout.sceneWidth) * scale, height: Int(layout.sceneHeight) * scale)
        } catch let error as NoDisplayError {
            throw CommandError("no display available (\(error.reason)); try --renderer terminal or --record DIR")
        } catch {
            throw CommandError("\(error)")
        }
        catchInterrupts()
        var controls = WatchControls(stepsPerSecond: stepsPerSecond)
        var pacer = Pacer(now: monotonicMilliseconds())
        while !wasInterrupted {
            for input in window.pendingInput() {
                guard let request = Self.request(for: input) else { continue }
                switch request {
                case .quit:
                    return
                case .nextEpisode:
                    session.skipEpisode()
                    pacer = Pacer(now: monotonicMilliseconds())
                case .screenshot:
                    let frame = session.frame()
                    let path = "rl-watch-episode\(frame.episode)-step\(frame.state.stepCount).png"
                    try writePNG(frame.scene(), to: path)
                    ConsoleStream.standardOutput.writeLine("Saved \(path)")
                default:
                    controls.apply(request)
                }
            }
            window.show(session.frame(status: controls.status, showingAgentView: controls.showsAgentView).scene())
            let now = monotonicMilliseconds()
            _ = pacer.advanceIfDue(&session, controls: controls, now: now)
            if pacer.isFinished(session, limits: limits, now: now) {
                window.show(session.frame(status: controls.status, showingAgentView: controls.showsAgentView).scene())
                return
            }
            sleepMilliseconds(pacer.waitTime(now: monotonicMilliseconds(), cap: 16))
        }
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

    func playInTerminal(_ session: inout WatchSession, stepsPerSecond: Int, limits: WatchLimits) throws {
        let layout = PongLayout(configuration: session.environment.configuration)
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
        var pacer = Pacer(now: monotonicMilliseconds())
        var shown: (frame: Int, controls: WatchControls)?
        while !wasInterrupted {
            for request in WatchRequest.requests(fromTerminalInput: keyboard?.pendingBytes() ?? []) {
                switch request {
                case .quit:
                    return
                case .nextEpisode:
                    session.skipEpisode()
                    pacer = Pacer(now: monotonicMilliseconds())
                case .screenshot:
                    let frame = session.frame()
                    try writePNG(frame.scene(), to: "rl-watch-episode\(frame.episode)-step\(frame.state.stepCount).png")
                default:
                    controls.apply(request)
                }
            }
            if shown?.frame != session.frameCount || shown?.controls != controls {
                let picture = TerminalPicture(region: layout.playArea, unitsPerColumn: Self.terminalUnitsPerColumn(for: layout))
                let lines = picture.lines(for: session.frame(status: controls.status, showingAgentView: controls.showsAgentView).scene())
                output.write("\u{1B}[H" + lines.joined(separator: "\u{1B}[K\r\n") + "\u{1B}[K\u{1B}[J")
                shown = (session.frameCount, controls)
            }
            let now = monotonicMilliseconds()
            if pacer.isFinished(session, limits: limits, now: now) { return }
            _ = pacer.advanceIfDue(&session, controls: controls, now: now)
            sleepMilliseconds(pacer.waitTime(now: monotonicMilliseconds(), cap: 50))
        }
    }

    /// Shrinks the picture to fit the terminal when it is smaller than one column per court pixel.
    static func terminalUnitsPerColumn(for layout: PongLayout) -> Double {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 3 else { return 1 }
        let headerLines = 2.0
        return max(1, layout.playArea.width / Double(size.ws_col),
                   layout.playArea.height / (2 * (Double(size.ws_row) - headerLines - 1)))
    }
}
