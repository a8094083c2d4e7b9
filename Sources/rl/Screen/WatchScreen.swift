import RLApp
import RLPongRender
import RLRender
import RLSDL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension WatchCommand {
    func playInWindow(_ session: inout any WatchableSession, title: String, stepsPerSecond: Int, scale: Int, limits: WatchLimits) throws {
        // The status line's room depends on the scale, so the window is sized from a scene with one.
        let layout = session.scene(status: "", showingAgentView: false, notice: nil, scale: Double(scale))
        let window = try openWindow(
            title: title, width: Int(layout.width) * scale, height: Int(layout.height) * scale,
            withoutDisplay: "try --renderer terminal, --record DIR or --video FILE.gif")
        catchInterrupts()
        var controls = WatchControls(stepsPerSecond: stepsPerSecond)
        var pacer = Pacer(now: monotonicMilliseconds(), stepsPerSecond: stepsPerSecond)
        var notice: ScreenNotice?
        while !wasInterrupted {
            for input in window.pendingInput() {
                guard let request = Self.request(for: input) else { continue }
                guard handle(request, &session, &controls, &pacer, &notice, quietly: false) else { return }
            }
            window.show(
                session.scene(
                    status: controls.status, showingAgentView: controls.showsAgentView,
                    notice: notice?.text(at: monotonicMilliseconds()), scale: Double(scale)))
            if pacer.isFinished(session, limits: limits, now: monotonicMilliseconds()) { return }
            _ = pacer.advanceIfDue(&session, controls: controls, now: monotonicMilliseconds())
            sleepMilliseconds(pacer.waitTime(now: monotonicMilliseconds(), controls: controls, cap: 16))
        }
    }

    /// Carries out a request that is not the controls' own. Returns false to quit. A screenshot
    /// says on screen where it was saved (or that it failed) for a moment; one that cannot be
    /// written is reported and the session goes on.
    func handle(
        _ request: WatchRequest, _ session: inout any WatchableSession, _ controls: inout WatchControls, _ pacer: inout Pacer,
        _ notice: inout ScreenNotice?, quietly: Bool
    ) -> Bool {
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

    static func request(for input: WindowInput) -> WatchRequest? { WatchRequest(ScreenKey(input)) }

    func playInTerminal(_ session: inout any WatchableSession, stepsPerSecond: Int, limits: WatchLimits) throws {
        let region = session.terminalRegion
        catchInterrupts()
        // Keys work as in the window when standard input is a terminal.
        let screen = TerminalScreen()
        defer { screen.restore() }
        var controls = WatchControls(stepsPerSecond: stepsPerSecond)
        var pacer = Pacer(now: monotonicMilliseconds(), stepsPerSecond: stepsPerSecond)
        var shown: (frame: Int, controls: WatchControls, notice: String?)?
        var notice: ScreenNotice?
        while !wasInterrupted {
            for request in screen.pendingKeys().compactMap(WatchRequest.init) {
                guard handle(request, &session, &controls, &pacer, &notice, quietly: true) else { return }
            }
            let noticeText = notice?.text(at: monotonicMilliseconds())
            if shown?.frame != session.frameCount || shown?.controls != controls || shown?.notice != noticeText {
                let picture = TerminalPicture(region: region, unitsPerColumn: Self.terminalUnitsPerColumn(for: region))
                let lines = picture.lines(
                    for: session.scene(
                        status: controls.status, showingAgentView: controls.showsAgentView,
                        notice: noticeText, scale: 10))
                screen.show(lines)
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
        return max(
            1, playArea.width / Double(size.ws_col),
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
