import Foundation
import RLCore
import RLPongDuel
import RLTabular
import Testing

@testable import RLApp

@Suite struct PongDuelWorldTests {
    let world = Registry.world("pong-duel")!

    func options(
        _ flags: [(name: String, value: String?)], agent: String = "q-learning", episodes: Int,
        path: String
    ) throws -> TrainingOptions {
        var options = TrainingOptions(
            world: world.id, configuration: try world.configure(flags: flags).configuration, agent: agent,
            agentSettings: try Registry.agent(agent)!.settings([]), episodes: episodes, seed: 5,
            hyperparameters: world.defaultHyperparameters(forAgent: agent), outputPath: path)
        options.reportInterval = 5
        return options
    }

    @Test func flagsSetTheCourtTheGameAndTheOpponent() throws {
        let text = try world.configure(flags: [("court", "classic"), ("points", "5"), ("opponent", "tracker"), ("bins", "8")]).configuration
        let configuration = try PongDuelWorld.configuration(fromJSON: text)
        #expect(configuration.court == .classic && configuration.pointsToWin == 5 && configuration.opponent == .script(.tracker))
        #expect(configuration.game.binWidth == 8 && configuration.game.paddleSpeed == 3)
        #expect(try PongDuelWorld.configuration(fromJSON: try world.configure().configuration).opponent == .selfPlay)
        #expect(throws: SettingError.self) { try world.configure(flags: [("court", "grass")]).configuration }
        #expect(throws: SettingError.self) { try world.configure(flags: [("opponent", "/nonexistent/policy.safetensors")]).configuration }
        #expect(world.metricNames == ["points_won", "points_lost", "won"])
        // A file lists only what it changes; self-play's numbers are bounded.
        #expect(try PongDuelWorld.configuration(fromJSON: #"{"points_to_win":7}"#).pointsToWin == 7)
        #expect(throws: WorldConfigurationError.self) { try PongDuelWorld.configuration(fromJSON: #"{"snapshot_every":0}"#) }
        #expect(throws: WorldConfigurationError.self) { try PongDuelWorld.configuration(fromJSON: #"{"latest_share":2}"#) }
    }

    @Test func thePolicyFileRecordsTheOpponentAndAFileOpponentPlays() throws {
        let folder = temporaryFolder()
        let first = try runTraining(try options([("opponent", "tracker"), ("points", "3")], episodes: 4, path: folder + "/a.safetensors"))
        let saved = try Policy.load(from: first.policy)
        #expect(saved.metadata.configuration.contains(#""opponent":"tracker""#))
        // A second run against the first's policy, through its own bins.
        let second = try runTraining(
            try options(
                [("opponent", first.policy), ("points", "3"), ("bins", "8")], agent: "sarsa",
                episodes: 3, path: folder + "/b.safetensors"))
        #expect(second.episodes == 3)
        #expect(try Policy.load(from: second.policy).metadata.configuration.contains(first.policy))
    }

    @Test(arguments: [[("opponent", "random")], [("opponent", "self"), ("snapshot-every", "4"), ("rating-games", "2")]])
    func anInterruptedRunResumedIsByteIdenticalToTheRunLeftAlone(flags: [(String, String)]) throws {
        let folder = temporaryFolder()
        let flags = flags.map { (name: $0.0, value: Optional($0.1)) } + [(name: "points", value: Optional("2"))]
        _ = try runTraining(try options(flags, episodes: 14, path: folder + "/whole.safetensors"))
        var played = 0
        let cut = try runTraining(
            try options(flags, episodes: 14, path: folder + "/pieces.safetensors"),
            shouldStop: {
                played += 1; return played >= 6
            })
        #expect(cut.interrupted)
        let resumed = try runTraining(try TrainingOptions(resuming: try Policy.load(from: cut.policy), outputPath: cut.policy))
        #expect(resumed.resumed && resumed.episodes == 14)
        #expect(try AtomicFile.read(folder + "/whole.safetensors") == (try AtomicFile.read(folder + "/pieces.safetensors")))
    }

    @Test func selfPlayTakesSnapshotsAndRatesThemAgainstTheAnchors() throws {
        let folder = temporaryFolder()
        var notes: [String] = []
        let outcome = try runTraining(
            try options([("snapshot-every", "3"), ("rating-games", "4"), ("points", "3")], episodes: 6, path: folder + "/s.safetensors"),
            observe: { if case .note(let line) = $0 { notes.append(line) } })
        #expect(notes.count == 3)
        #expect(notes[0].hasPrefix("Elo anchors") && notes[0].contains("random 1000"))
        #expect(notes[1].hasPrefix("snapshot 1 (game 3): Elo") && notes[2].hasPrefix("snapshot 2 (game 6): Elo"))
        let policy = try Policy.load(from: outcome.policy)
        #expect(policy.extraTensors["league.snapshot.2"]?.shape == policy.table.shape)
    }

    @Test func eloFitsScoresAndWilsonMatchesItsFormula() {
        var even = DuelTally()
        (even.games, even.wins, even.draws) = (10, 5, 0)
        #expect(abs(SelfPlayLeague.bestRating(against: [(1000, even)]) - 1000) < 0.01)
        var sweep = DuelTally()
        (sweep.games, sweep.wins) = (10, 10)
        // 10.5 of 11 against 1000: 1000 + 400·log10(10.5 / 0.5).
        #expect(abs(SelfPlayLeague.bestRating(against: [(1000, sweep)]) - (1000 + 400 * log10(21))) < 0.01)
        let half = wilsonInterval(successes: 5, trials: 10)
        #expect(abs(half.low - 0.2366) < 1e-4 && abs(half.high - 0.7634) < 1e-4)
        let none = wilsonInterval(successes: 0, trials: 10)
        #expect(none.low == 0 && abs(none.high - 0.2775) < 1e-4)
    }

    @Test func evaluationPlaysPairedGamesAgainstEachOpponent() throws {
        let folder = temporaryFolder()
        let outcome = try runTraining(
            try options([("opponent", "tracker"), ("points", "3")], episodes: 2, path: folder + "/e.safetensors"))
        let report = try evaluateDuel(try LoadedPolicy(path: outcome.policy), against: ["random", "predictor", "self"], games: 6, seed: 3)
        #expect(report.rows.map(\.opponent) == ["random", "predictor", "self"])
        for row in report.rows {
            #expect(row.games == 6 && row.winRateLow <= row.winRate && row.winRate <= row.winRateHigh)
            #expect(row.pointShareLow <= row.pointShare && row.pointShare <= row.pointShareHigh)
        }
        #expect(report.text.contains("win rate [95% Wilson]"))
    }

    @Test func aPlaySessionMovesTheHumanPaddleAndAWatchedGameEnds() throws {
        var game = PongDuelWorld.Configuration()
        game.pointsToWin = 2
        var session = try DuelPlaySession(
            agent: .script(PongDuelScript(.predictor, configuration: game.game)),
            configuration: game.game, seed: 4)
        // A human's game waits for its player's first key: until then nothing moves.
        #expect(session.isWaitingForPlayer)
        let served = session.state
        for _ in 0..<10 { session.step(human: .up) }
        #expect(session.state == served && session.steps == 0 && session.humanMoves == (0, 0))
        session.start()
        for _ in 0..<30 { session.step(human: DuelPlaySession.move(upHeld: true, downHeld: false)) }
        #expect(session.state.paddleY.right == game.game.paddleMaximumY && session.humanMoves == (30, 0) || session.isOver)
        #expect(DuelPlaySession.move(upHeld: true, downHeld: true) == .stay)
        var watched = try DuelPlaySession(
            agent: .script(PongDuelScript(.predictor, configuration: game.game)),
            right: .script(PongDuelScript(.random, configuration: game.game)),
            configuration: game.game, seed: 4)
        #expect(!watched.hasHuman && !watched.isWaitingForPlayer)
        while !watched.isOver { watched.step(human: .stay) }
        #expect(
            watched.winner == .left && max(watched.state.score.left, watched.state.score.right) == 2,
            "\(watched.state) after \(watched.steps) steps")
    }

    /// The `v` overlay: a table's side shows its bins, its state's number and the value of each
    /// move, the greedy one marked; a script's side its name; a human's side nothing.
    @Test func theAgentViewShowsWhatEachTableSeesAndValues() throws {
        let game = PongDuelWorld.Configuration().game
        let bins = PongDuelObservationSpace(configuration: game)
        var table = QTable(stateShape: bins.shape, actionCount: 3)
        for state in 0..<bins.count { table[state, 1] = 0.25 }  // DOWN everywhere
        let session = try DuelPlaySession(
            agent: .table(DuelTablePlayer(table: table, bins: bins)),
            right: .script(PongDuelScript(.tracker, configuration: game)), configuration: game, seed: 4)
        let lines = session.agentView
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0].hasPrefix("LEFT SEES ") && lines[0].split(separator: " ").count == 2 + bins.shape.count + 1, "\(lines[0])")
        #expect(lines[1] == "  UP 0.00  >DOWN 0.25  STAY 0.00", "\(lines[1])")
        #expect(lines[2] == "RIGHT: TRACKER SCRIPT")
        let human = try DuelPlaySession(agent: .script(PongDuelScript(.random, configuration: game)), configuration: game, seed: 4)
        #expect(human.agentView == ["LEFT: RANDOM SCRIPT"])
    }
}
