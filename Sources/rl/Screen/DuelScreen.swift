import RLApp
import RLCore
import RLPongDuel
import RLPongDuelRender
import RLRender
import RLSDL

/// Shows a duel in a window or a terminal at a steady speed: with a human on the right
/// (`rl play`), or two agents (`rl watch --env pong-duel`).
struct DuelScreen {
    var fps: Int
    var scale: Int
    var names: Pair<String>
    /// Watching: stop after this many games (`nil`: until quit).
    var games: Int?
    /// Watching: stop after this many frames (`--frames`; `nil`: until quit). The first frame
    /// is the serve; each step and each new game makes another.
    var frames: Int? = nil

    /// Frames shown so far: the first, then one per step of any game and per new game.
    static func frameCount(_ session: DuelPlaySession, stepsBefore: Int) -> Int {
        1 + stepsBefore + session.steps + (session.gamesStarted - 1)
    }

    /// The picture of the session now; with `showingAgentView`, the `v` overlay of what each
    /// table sees and values.
    func frame(_ session: DuelPlaySession, paused: Bool, showingAgentView: Bool = false) -> DuelFrame {
        var banner: String?
        if session.isOver {
            if session.hasHuman {
                banner = session.winner == .right ? "YOU WIN" : (session.winner == .left ? "YOU LOSE" : "TIME UP")
            } else {
                banner = session.winner.map { "\(names[$0]) WINS" } ?? "TIME UP"
            }
        }
        let status: String?
        if paused {
            status = "PAUSED"
        } else if session.isWaitingForPlayer {
            status = "UP/DOWN: MOVE  SPACE: START"
        } else if session.isOver {
            status = session.hasHuman ? "SPACE: NEW GAME  ESC: QUIT" : nil
        } else {
            // Watching two agents: where in the run we are.
            status = session.hasHuman ? nil : "GAME \(session.gamesStarted)  STEP \(session.steps)"
        }
        var picture = DuelFrame(
            configuration: session.configuration, state: session.state, names: names,
            status: status,
            banner: banner, bannerIsWin: session.hasHuman ? session.winner == .right : true)
        if showingAgentView { picture.agentView = session.agentView }
        return picture
    }

    /// After a game, when watching: the next game once the banner has been up long enough.
    /// Returns false when the games asked for are done.
    func moveOn(_ session: inout DuelPlaySession, overSince: inout Int?, now: Int) -> Bool {
        guard !session.hasHuman, session.isOver else { overSince = nil; return true }
        let since = overSince ?? now
        overSince = since
        guard now - since >= bannerMilliseconds else { return true }
        if let games, session.gamesStarted >= games { return false }
        session.newGame()
        overSince = nil
        return true
    }

    func playInWindow(_ session: inout DuelPlaySession, title: String) throws {
        let first = frame(session, paused: false)
        let window = try openWindow(
            title: title, width: Int(first.sceneWidth) * scale, height: Int(first.sceneHeight) * scale,
            withoutDisplay: "try --renderer terminal")
        catchInterrupts()
        var paused = false
        var showingAgentView = false
        var overSince: Int?
        var clock = StepClock(now: monotonicMilliseconds(), stepsPerSecond: fps)
        var stepsBefore = 0
        while !wasInterrupted {
            for input in window.pendingInput() {
                switch ScreenKey(input) {
                case .closed, .escape, .character("q"): return
                case .character("v"): showingAgentView.toggle()
                case .space:
                    if session.isWaitingForPlayer {
                        session.start()
                    } else if session.isOver && session.hasHuman {
                        session.newGame()
                    } else {
                        paused.toggle()
                    }
                    clock.restart(at: monotonicMilliseconds())
                default: continue
                }
            }
            let held = window.heldDirection
            if session.isWaitingForPlayer && (held.up || held.down) {
                session.start()
                clock.restart(at: monotonicMilliseconds())
            }
            let now = monotonicMilliseconds()
            if !paused && !session.isOver && clock.isDue(now) {
                session.step(human: DuelPlaySession.move(upHeld: held.up, downHeld: held.down))
            }
            let steps = session.steps
            guard moveOn(&session, overSince: &overSince, now: now) else { return }
            if session.steps < steps { stepsBefore += steps }
            window.show(frame(session, paused: paused, showingAgentView: showingAgentView).scene())
            if let frames, Self.frameCount(session, stepsBefore: stepsBefore) >= frames { return }
            sleepMilliseconds(min(16, clock.wait(now: monotonicMilliseconds())))
        }
    }

    /// The terminal prints the overlay as lines of text: its blocks are too coarse for the bitmap font.
    func withoutOverlay(_ picture: DuelFrame) -> DuelFrame {
        var picture = picture
        picture.agentView = nil
        return picture
    }

    /// Terminals report presses, not releases: each press steers the paddle for this many steps.
    static let terminalPressSteps = 4

    func playInTerminal(_ session: inout DuelPlaySession) throws {
        catchInterrupts()
        let screen = TerminalScreen()
        defer { screen.restore() }
        var paused = false
        var showingAgentView = false
        var overSince: Int?
        var steering: (action: PongDuelAction, steps: Int) = (.stay, 0)
        var clock = StepClock(now: monotonicMilliseconds(), stepsPerSecond: fps)
        var shown: (steps: Int, paused: Bool, over: Bool, games: Int, waiting: Bool, view: Bool)?
        // Without a keyboard (standard input is not a terminal) nobody can press a key to start.
        if !screen.hasKeyboard { session.start() }
        var stepsBefore = 0
        while !wasInterrupted {
            for key in screen.pendingKeys() {
                switch key {
                case .escape, .character("q"): return
                case .character("v"): showingAgentView.toggle()
                case .space:
                    if session.isWaitingForPlayer {
                        session.start()
                    } else if session.isOver && session.hasHuman {
                        session.newGame()
                    } else {
                        paused.toggle()
                    }
                    clock.restart(at: monotonicMilliseconds())
                case .up, .character("w"):
                    steering = (.up, Self.terminalPressSteps)
                    session.start()
                case .down, .character("s"):
                    steering = (.down, Self.terminalPressSteps)
                    session.start()
                default: continue
                }
            }
            let now = monotonicMilliseconds()
            if !paused && !session.isOver && clock.isDue(now) {
                session.step(human: steering.steps > 0 ? steering.action : .stay)
                steering.steps = max(0, steering.steps - 1)
            }
            let steps = session.steps
            guard moveOn(&session, overSince: &overSince, now: now) else { return }
            if session.steps < steps { stepsBefore += steps }
            // Without a keyboard (standard input is not a terminal) nobody can start another game.
            if !screen.hasKeyboard && session.isOver && session.hasHuman && shown?.over == true { return }
            let current = (session.steps, paused, session.isOver, session.gamesStarted, session.isWaitingForPlayer, showingAgentView)
            if shown.map({ $0 != current }) ?? true {
                let picture = frame(session, paused: paused, showingAgentView: showingAgentView)
                // The bitmap text is too small for character cells: the score goes on a line of its own.
                let lines =
                    [picture.scoreLine + (picture.banner.map { "   " + $0 } ?? "") + (picture.status.map { "   " + $0 } ?? "")]
                    + (picture.agentView ?? [])
                    + TerminalPicture(region: picture.playArea, unitsPerColumn: 1).lines(for: withoutOverlay(picture).scene())
                screen.show(lines)
                shown = current
                if let frames, Self.frameCount(session, stepsBefore: stepsBefore) >= frames { return }
            }
            sleepMilliseconds(min(20, clock.wait(now: monotonicMilliseconds())))
        }
    }
}
