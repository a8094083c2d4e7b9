import ArgumentParser
import Foundation
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

    @Argument(
        help:
            "A pong-duel policy file, or a script (random, tracker, predictor); default policies/pong-duel.safetensors, else the shipped one, else the predictor."
    )
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
        try requireFlag("difficulty", difficulty, in: 0...1)
        try requireFlag("fps", fps, in: 1...240)
        try requireFlag("points", points, in: 1...1000)
        try requireFlag("scale", scale, in: 1...40)
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
                ConsoleStream.standardError.writeLine(
                    "No pong-duel policy found (train one with 'rl train --env pong-duel'): playing the predictor.")
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
