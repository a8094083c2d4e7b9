import RLCore
import RLPongDuel
import RLTabular

/// `pong-duel`: two-player Pong (docs/PONG-DUEL.md). The learner plays the left paddle against
/// the opponent of `--opponent`, which is part of the world (PettingZoo's "the other agents are
/// the environment", through ``AgainstFixedOpponent``), so every agent of the registry can learn
/// it and the policy file records whom it played.
public enum PongDuelWorld: WorldRegistration, InspectableWorld, TwoPlayerWorld {
    public typealias World = AgainstFixedOpponent<PongDuel, DuelOpponent, PongDuelObservationSpace>

    /// The world's settings: the court and game length, the bins, the opponent and self-play's.
    public struct Configuration: Codable, Sendable, Equatable {
        public var court: PongDuelCourt = .fast
        public var pointsToWin = 11
        /// Pixels per bin; `nil` for the court's default (``PongDuelWorld/defaultBinWidth(_:)``).
        public var binWidth: Int?
        public var opponent = DuelOpponentSpec.selfPlay
        /// Reward for returning the ball (the library's `hitReward`): 0 keeps the score as the
        /// only reward; a small negative value makes long rallies cost.
        public var hitReward = 0.0
        /// Self-play: games between snapshots of the learner.
        public var snapshotEvery = 2_000
        /// Self-play: the share of games against the latest snapshot.
        public var latestShare = 0.5
        /// Self-play: paired games a snapshot plays against each member before it to be rated.
        public var ratingGames = 20

        public init() {}

        enum CodingKeys: String, CodingKey {
            case court, pointsToWin, binWidth, opponent, hitReward, snapshotEvery, latestShare, ratingGames
        }

        /// Starts from the defaults and reads what is given, so a file need only list what it changes.
        public init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            func read<T: Decodable>(_ key: CodingKeys, into field: inout T) throws {
                if let value = try values.decodeIfPresent(T.self, forKey: key) { field = value }
            }
            try read(.court, into: &court)
            try read(.pointsToWin, into: &pointsToWin)
            binWidth = try values.decodeIfPresent(Int.self, forKey: .binWidth)
            try read(.opponent, into: &opponent)
            try read(.hitReward, into: &hitReward)
            try read(.snapshotEvery, into: &snapshotEvery)
            try read(.latestShare, into: &latestShare)
            try read(.ratingGames, into: &ratingGames)
        }

        /// The two-player world's numbers.
        public var game: PongDuelConfiguration {
            var game = PongDuelConfiguration(court: court)
            game.pointsToWin = pointsToWin
            game.binWidth = binWidth ?? PongDuelWorld.defaultBinWidth(court)
            game.hitReward = hitReward
            return game
        }
    }

    public static let id = "pong-duel"
    public static let summary = "two-player Pong against a script, a policy file or itself (docs/PONG-DUEL.md)"
    public static var defaultConfiguration: Configuration { Configuration() }
    /// Self-play needs more games than the single-player worlds: 20,000 take about 6 s (release
    /// build) and beat the tracker in 93% of games (docs/PONG-DUEL.md).
    public static func defaultEpisodes(_ configuration: Configuration) -> Int { 20_000 }

    /// The registry's bins: coarser than the library's (3 and 4 pixels), which learn slowly
    /// (docs/PONG-DUEL.md, "Training from the command line").
    public static func defaultBinWidth(_ court: PongDuelCourt) -> Int {
        switch court {
        case .classic: 5
        case .fast: 6
        }
    }

    public static var flags: [SettingFlag<Configuration>] {
        [
            .choice("court", \.court, help: "The physics: fast (the anticipation court; default) or classic (the tutorial's)."),
            .integer("points", \.pointsToWin, in: 1...1000, help: "Points to win a game (default 11)."),
            SettingFlag(
                name: "bins", valueName: "1...40", help: "Pixels per bin of the table's positions (default 6 on fast, 5 on classic)."
            ) {
                (configuration: inout Configuration, text: String?) throws(SettingError) in
                guard let text, let width = Int(text), (1...40).contains(width) else {
                    throw SettingError("--bins must be a whole number in 1...40, got '\(text ?? "")'")
                }
                configuration.binWidth = width
            },
            SettingFlag(
                name: "opponent", valueName: "random|tracker|predictor|self|FILE",
                help: "Who plays the right paddle: a script, self-play (default), or a pong-duel policy file."
            ) {
                (configuration: inout Configuration, text: String?) throws(SettingError) in
                guard let text, !text.isEmpty else { throw SettingError("--opponent needs a script, self or a policy file") }
                configuration.opponent = DuelOpponentSpec(text)
                // A file is checked here, when it is named; the court it must match, in validate().
                if case .file(let path) = configuration.opponent { _ = try opponentTable(path, for: nil) }
            },
            .number(
                "hit-reward", \.hitReward, in: -1...1, help: "Reward for returning the ball (default 0: the score is the only reward)."),
            .integer(
                "snapshot-every", \.snapshotEvery, in: 1...10_000_000,
                help: "Self-play: games between frozen snapshots of the learner (default 2000)."),
            .number("latest-share", \.latestShare, in: 0...1, help: "Self-play: share of games against the latest snapshot (default 0.5)."),
            .integer(
                "rating-games", \.ratingGames, in: 2...10_000,
                help: "Self-play: games each snapshot plays against each earlier member for its Elo (default 20)."),
        ]
    }

    /// Checks the numbers. An opponent file is not read here: a policy trained against a file
    /// stays readable when that file is gone (only playing against it needs it).
    public static func validate(_ configuration: Configuration) throws(SettingError) {
        do { try configuration.game.validate() } catch { throw SettingError(error.message) }
        // A policy file may come from anywhere: self-play's numbers are bounded as their flags are.
        guard (1...10_000_000).contains(configuration.snapshotEvery) else { throw SettingError("snapshot every must be in 1...10000000") }
        guard configuration.latestShare >= 0 && configuration.latestShare <= 1 else { throw SettingError("latest share must be in 0...1") }
        guard (2...10_000).contains(configuration.ratingGames) else { throw SettingError("rating games must be in 2...10000") }
    }

    /// The table of a pong-duel policy file and the bins it sees through, checked against a
    /// court when one is given.
    static func opponentTable(_ path: String, for game: PongDuelConfiguration?) throws(SettingError) -> DuelTablePlayer {
        let policy: Policy
        do { policy = try Policy.load(from: path) } catch {
            throw SettingError("--opponent \(path): \(error.message)")
        }
        guard policy.metadata.environment == id else {
            throw SettingError("--opponent \(path) is a policy for \(policy.metadata.environment), not \(id)")
        }
        guard let theirs = JSONText.decode(Configuration.self, from: policy.metadata.configuration),
            (try? theirs.game.validate()) != nil
        else {
            throw SettingError("--opponent \(path): its configuration is malformed")
        }
        if var ours = game {
            var their = theirs.game
            // Only the physics must agree: game length, bins and rewards may differ.
            (ours.pointsToWin, ours.binWidth, their.pointsToWin, their.binWidth) = (0, 0, 0, 0)
            (ours.hitReward, their.hitReward) = (0, 0)
            guard ours == their else {
                throw SettingError("--opponent \(path) was trained on the \(theirs.court) court, not the \(ours.court) one")
            }
        }
        let bins = PongDuelObservationSpace(configuration: theirs.game)
        guard policy.table.fits(bins, PongDuelActionSpace()) else {
            throw SettingError("--opponent \(path): its table does not fit its bins")
        }
        return DuelTablePlayer(table: policy.table, bins: bins)
    }

    // The opponent's generator and the league's start from fixed seeds; the world's generator
    // state (saved by training) carries them on.
    static let opponentSeed: UInt64 = 0x0DD0_2026

    public static func makeWorld(_ configuration: Configuration) -> World {
        let game = configuration.game
        let opponent: DuelOpponent
        switch configuration.opponent {
        case .script(let kind):
            opponent = DuelOpponent(.script(PongDuelScript(kind, configuration: game)), seed: opponentSeed)
        case .selfPlay:
            opponent = DuelOpponent(
                league: SelfPlayLeague(
                    configuration: game, snapshotEvery: configuration.snapshotEvery, latestShare: configuration.latestShare,
                    ratingGames: configuration.ratingGames, seed: derivedSeed(opponentSeed, purpose: 1)), seed: opponentSeed)
        case .file(let path):
            do throws(SettingError) {
                opponent = DuelOpponent(.table(try opponentTable(path, for: game)), seed: opponentSeed)
            } catch {
                // The world still has its spaces (rl inspect reads them); only playing stops.
                opponent = DuelOpponent(.missing(error.message), seed: opponentSeed)
            }
        }
        return AgainstFixedOpponent(
            try! PongDuel(configuration: game), opponent: opponent, side: .left,
            observing: PongDuelObservationSpace(configuration: game))
    }

    public static func trainingCompanion(for world: World) -> (any TrainingCompanion)? { world.opponent.league }

    public static func stateDimensions(_ configuration: Configuration) -> [String] {
        ["paddle", "opponent_paddle", "ball_x", "ball_y", "ball_moving_away", "ball_vertical_speed"]
    }

    public static func actionNames(_ configuration: Configuration) -> [String] { PongDuelActionSpace().names }

    public static func describe(_ configuration: Configuration) -> String {
        let game = configuration.game
        var words =
            "\(configuration.court) court \(game.courtWidth)×\(game.courtHeight), first to \(game.pointsToWin), bins \(game.binWidth) px, against \(configuration.opponent)"
        if configuration.opponent == .selfPlay {
            words +=
                " (snapshot every \(configuration.snapshotEvery) games, \(Int((configuration.latestShare * 100).rounded()))% against the latest)"
        }
        return words
    }

    public static var metrics: [EpisodeMetric<PongDuelCounters>] {
        [
            EpisodeMetric("points_won", phrase: "points won") { Double($0.points.left) },
            EpisodeMetric("points_lost", phrase: "points lost") { Double($0.points.right) },
            EpisodeMetric("won", phrase: "won", isShare: true) { $0.points.left > $0.points.right ? 1 : 0 },
        ]
    }

    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .pongDuelDefault }

    public static var scriptedPlayers: [String] { PongDuelScript.Kind.allCases.map(\.rawValue) }

    /// One way to see the world: policy files record no observation mode.
    public static func observationName(_ configuration: Configuration) -> String? { nil }

    /// A grid over the ball's position (rows its y, columns its x) for each paddle pair and ball
    /// motion: 648 panels in all, which `--slice paddle=P,opponent_paddle=Q` narrows to 18.
    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        let dimensions = stateDimensions(configuration)
        guard let ballY = dimensions.firstIndex(of: "ball_y"), let ballX = dimensions.firstIndex(of: "ball_x") else {
            return try PolicyPanel.grids(
                stateShape: makeWorld(configuration).observationSpace.shape, dimensions: dimensions, selection: selection)
        }
        return try PolicyPanel.grids(
            stateShape: makeWorld(configuration).observationSpace.shape, dimensions: dimensions, selection: selection,
            grid: (ballY, ballX))
    }

    /// The coordinates say it all.
    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? { nil }

}

extension SelfPlayLeague: TrainingCompanion {
    public func episodeFinished(_ episodesPlayed: Int, table: QTable) -> [String] {
        gameFinished(episodesPlayed, table: table)
    }
}

extension Hyperparameters {
    /// The defaults for `pong-duel`; why these, in docs/PONG-DUEL.md.
    public static let pongDuelDefault = Hyperparameters(
        learningRate: .linear(from: 0.5, to: 0.05, over: 0.9),
        discount: 0.95,
        // Exploring to the end (0.02, not 0) keeps the table from settling into endless
        // rallies with the tracker: measured in docs/PONG-DUEL.md.
        epsilon: .linear(from: 0.3, to: 0.02, over: 0.9))
}
