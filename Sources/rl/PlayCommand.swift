import Foundation
import ArgumentParser
import RLApp
import RLCore
import RLPongDuel
import RLPongDuelRender
import RLRender
import RLSDL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `rl play`: a human against a pong-duel policy.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play pong-duel against a policy: you take the right paddle, the policy the left.",
        discussion: """
        Keys: ↑/↓ or W/S move your paddle while held (in the terminal, each press moves it a few steps), \
        space pauses (and starts a new game once one is over), q or Esc quits. First to --points wins. \
        --difficulty applies to a policy; scripts play as they are. \
        Without a display, use '--renderer terminal'.
        """)

    @Argument(help: "A pong-duel policy file, or a script (random, tracker, predictor); default policies/pong-duel.safetensors, else the shipped one, else the predictor.")
    var policy: String?

    @Option(help: "The court: fast or classic (default: the policy's; fast for a script).")
    var court: PongDuelCourt?

    @Option(parsing: .unconditional, help: "The agent's chance of a random move, ε (0...1): 0 plays its best.")
    var difficulty = 0.0

    @Option(parsing: .unconditional, help: "Steps per second (1...240).")
    var fps = 30

    @Option(parsing: .unconditional, help: "Points to win a game (1...1000).")
    var points = 11

    @Option(parsing: .unconditional, help: "Seed of the serves.")
    var seed: UInt64 = 1

    @Option(help: "Where to play: window or terminal.")
    var renderer: WatchRenderer?

    @Option(parsing: .unconditional, help: "Window pixels per court pixel (1...40).")
    var scale = 12

    @Flag(help: "At the end, print the final state as JSON on stdout (score, steps, your paddle and moves).")
    var json = false

    func validate() throws {
        guard difficulty >= 0 && difficulty <= 1 else { throw ValidationError("--difficulty must be in 0...1, got \(difficulty)") }
        guard (1...240).contains(fps) else { throw ValidationError("--fps must be in 1...240, got \(fps)") }
        guard (1...1000).contains(points) else { throw ValidationError("--points must be in 1...1000, got \(points)") }
        guard (1...40).contains(scale) else { throw ValidationError("--scale must be in 1...40, got \(scale)") }
    }

    func run() throws {
        let source: String
        if let policy {
            source = policy
        } else {
            let chosen = PolicyPaths.defaultPolicy(Registry.twoPlayerWorld.id)
            if FileManager.default.fileExists(atPath: chosen.path) {
                if let note = chosen.note { ConsoleStream.standardError.writeLine(note) }
                source = chosen.path
            } else {
                ConsoleStream.standardError.writeLine("No pong-duel policy found (train one with 'rl train --env pong-duel'): playing the predictor.")
                source = "predictor"
            }
        }
        let opponent: (player: DuelPlayer, configuration: PongDuelConfiguration, name: String)
        do {
            opponent = try duelPlayer(policyOrScript: source, court: court, pointsToWin: points, epsilon: difficulty)
        } catch {
            throw CommandError(error)
        }
        var session: DuelPlaySession
        do {
            session = try DuelPlaySession(agent: opponent.player, configuration: opponent.configuration, seed: seed)
        } catch {
            throw CommandError(error.message, exitCode: ExitStatus.dataError)
        }
        let names = Pair(left: opponent.name.uppercased(), right: "YOU")
        let screen = DuelScreen(fps: fps, scale: scale, names: names, games: nil)
        if renderer == .terminal {
            try screen.playInTerminal(&session)
        } else {
            try screen.playInWindow(&session, title: "rl play: \(source)")
        }
        if json { ConsoleStream.standardOutput.writeLine(JSONText.encode(PlaySummary(session))) }
    }
}

/// Shows a duel in a window or a terminal at a steady speed: with a human on the right
/// (`rl play`), or two agents (`rl watch --env pong-duel`).
struct DuelScreen {
    var fps: Int
    var scale: Int
    var names: Pair<String>
    /// Watching: stop after this many games (`nil`: until quit).
    var games: Int?

    func frame(_ session: DuelPlaySession, paused: Bool) -> DuelFrame {
        var banner: String?
        if session.isOver {
            if session.hasHuman {
                banner = session.winner == .right ? "YOU WIN" : (session.winner == .left ? "YOU LOSE" : "TIME UP")
            } else {
                banner = session.winner.map { "\(names[$0]) WINS" } ?? "TIME UP"
            }
        }
        let hint = session.hasHuman ? "SPACE: NEW GAME  ESC: QUIT" : nil
        return DuelFrame(configuration: session.configuration, state: session.state, names: names,
                         status: paused ? "PAUSED" : (session.isOver ? hint : nil),
                         banner: banner, bannerIsWin: session.hasHuman ? session.winner == .right : true)
    }

    /// Watching, a finished game's banner stays up this long before the next game.
    static let bannerMilliseconds = 1500

    /// After a game, when watching: the next game once the banner has been up long enough.
    /// Returns false when the games asked for are done.
    func moveOn(_ session: inout DuelPlaySession, overSince: inout Int?, now: Int) -> Bool {
        guard !session.hasHuman, session.isOver else { overSince = nil; return true }
        let since = overSince ?? now
        overSince = since
        guard now - since >= Self.bannerMilliseconds else { return true }
        if let games, session.gamesStarted >= games { return false }
        session.newGame()
        overSince = nil
        return true
    }

    func playInWindow(_ session: inout DuelPlaySession, title: String) throws {
        let first = frame(session, paused: false)
        let window = try openWindow(title: title, width: Int(first.sceneWidth) * scale, height: Int(first.sceneHeight) * scale, withoutDisplay: "try --renderer terminal")
        catchInterrupts()
        var paused = false
        var overSince: Int?
        var clock = StepClock(now: monotonicMilliseconds(), stepsPerSecond: fps)
        while !wasInterrupted {
            for input in window.pendingInput() {
                switch input {
                case .closed, .escape, .character("q"): return
                case .space:
                    if session.isOver && session.hasHuman { session.newGame() } else { paused.toggle() }
                    clock.restart(at: monotonicMilliseconds())
                default: continue
                }
            }
            let held = window.heldDirection
            let now = monotonicMilliseconds()
            if !paused && !session.isOver && clock.isDue(now) {
                session.step(human: DuelPlaySession.move(upHeld: held.up, downHeld: held.down))
            }
            guard moveOn(&session, overSince: &overSince, now: now) else { return }
            window.show(frame(session, paused: paused).scene())
            sleepMilliseconds(min(16, clock.wait(now: monotonicMilliseconds())))
        }
    }

    /// Terminals report presses, not releases: each press steers the paddle for this many steps.
    static let terminalPressSteps = 4

    func playInTerminal(_ session: inout DuelPlaySession) throws {
        let output = ConsoleStream.standardOutput
        catchInterrupts()
        let keyboard = TerminalKeyboard()
        output.write("\u{1B}[?25l\u{1B}[2J")
        defer {
            keyboard?.restore()
            output.write("\u{1B}[0m\u{1B}[?25h\n")
        }
        var paused = false
        var overSince: Int?
        var steering: (action: PongDuelAction, steps: Int) = (.stay, 0)
        var clock = StepClock(now: monotonicMilliseconds(), stepsPerSecond: fps)
        var shown: (steps: Int, paused: Bool, over: Bool, games: Int)?
        while !wasInterrupted {
            for key in TerminalKey.keys(in: keyboard?.pendingBytes() ?? []) {
                switch key {
                case .quit: return
                case .pause:
                    if session.isOver && session.hasHuman { session.newGame() } else { paused.toggle() }
                    clock.restart(at: monotonicMilliseconds())
                case .up: steering = (.up, Self.terminalPressSteps)
                case .down: steering = (.down, Self.terminalPressSteps)
                }
            }
            let now = monotonicMilliseconds()
            if !paused && !session.isOver && clock.isDue(now) {
                session.step(human: steering.steps > 0 ? steering.action : .stay)
                steering.steps = max(0, steering.steps - 1)
            }
            guard moveOn(&session, overSince: &overSince, now: now) else { return }
            // Without a keyboard (standard input is not a terminal) nobody can start another game.
            if keyboard == nil && session.isOver && session.hasHuman && shown?.over == true { return }
            if shown.map({ $0 != (session.steps, paused, session.isOver, session.gamesStarted) }) ?? true {
                let picture = frame(session, paused: paused)
                // The bitmap text is too small for character cells: the score goes on a line of its own.
                let lines = [picture.scoreLine + (picture.banner.map { "   " + $0 } ?? "") + (picture.status.map { "   " + $0 } ?? "")]
                    + TerminalPicture(region: picture.playArea, unitsPerColumn: 1).lines(for: picture.scene())
                output.write("\u{1B}[H" + lines.joined(separator: "\u{1B}[K\r\n") + "\u{1B}[K\u{1B}[J")
                shown = (session.steps, paused, session.isOver, session.gamesStarted)
            }
            sleepMilliseconds(min(20, clock.wait(now: monotonicMilliseconds())))
        }
    }
}

/// A steady schedule of steps: step k is due at start + k × 1000 / speed milliseconds.
struct StepClock {
    private var start: Int
    private var steps = 0
    let stepsPerSecond: Int

    init(now: Int, stepsPerSecond: Int) {
        start = now
        self.stepsPerSecond = stepsPerSecond
    }

    private var nextDue: Int { start + Int((Double(steps + 1) * 1000 / Double(stepsPerSecond)).rounded(.up)) }

    /// Whether the next step is due; if so it counts as taken. Far behind (a stopped process)
    /// restarts the schedule rather than racing to catch up.
    mutating func isDue(_ now: Int) -> Bool {
        guard now >= nextDue else { return false }
        if now - nextDue > 250 { restart(at: now) } else { steps += 1 }
        return true
    }

    mutating func restart(at now: Int) {
        start = now
        steps = 0
    }

    func wait(now: Int) -> Int { max(0, nextDue - now) }
}

/// The keys of `rl play` in a terminal.
enum TerminalKey: Equatable {
    case up, down, pause, quit

    /// The keys in bytes read from a terminal: arrows (ESC [ A / ESC [ B, or ESC O A / ESC O B),
    /// W/S, space, q; a lone Esc quits.
    static func keys(in bytes: [UInt8]) -> [TerminalKey] {
        var keys: [TerminalKey] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B {
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") || bytes[index + 1] == UInt8(ascii: "O") {
                    switch bytes[index + 2] {
                    case UInt8(ascii: "A"): keys.append(.up)
                    case UInt8(ascii: "B"): keys.append(.down)
                    default: break
                    }
                    index += 3
                    continue
                }
                keys.append(.quit)
            } else {
                switch byte {
                case UInt8(ascii: "w"), UInt8(ascii: "W"): keys.append(.up)
                case UInt8(ascii: "s"), UInt8(ascii: "S"): keys.append(.down)
                case UInt8(ascii: " "): keys.append(.pause)
                case UInt8(ascii: "q"), UInt8(ascii: "Q"): keys.append(.quit)
                default: break
                }
            }
            index += 1
        }
        return keys
    }
}

/// What `rl play --json` prints at the end.
struct PlaySummary: Codable {
    var score: [Int]
    var steps: Int
    var games: Int
    var over: Bool
    var humanPaddleY: Int
    var humanUpMoves: Int
    var humanDownMoves: Int
    var paddleRange: [Int]

    init(_ session: DuelPlaySession) {
        score = [session.state.score.left, session.state.score.right]
        steps = session.steps
        games = session.gamesStarted
        over = session.isOver
        humanPaddleY = session.state.paddleY.right
        humanUpMoves = session.humanMoves.up
        humanDownMoves = session.humanMoves.down
        paddleRange = [session.configuration.paddleMinimumY, session.configuration.paddleMaximumY]
    }
}

extension PongDuelCourt: ExpressibleByArgument {}
