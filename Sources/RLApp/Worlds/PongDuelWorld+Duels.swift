import Foundation
import RLCore
import RLPongDuel
import RLTabular

// pong-duel's side of TwoPlayerWorld: its policies against opponents, in paired games.
extension PongDuelWorld {
    /// A pong-duel policy against each opponent: the rows of `rl eval --opponent`
    /// (``playPairedGames(_:_:configuration:games:seed:until:)``).
    public static func evaluateDuel(
        _ policy: Policy, path: String, _ configuration: Configuration, against opponents: [String],
        games: Int, seed: UInt64, shouldStop: @escaping () -> Bool
    ) throws(PolicyFileError) -> DuelEvaluationReport {
        let game = configuration.game
        let own = DuelTablePlayer(table: policy.table, bins: PongDuelObservationSpace(configuration: game))
        var rows: [DuelEvaluationRow] = []
        var interrupted = false
        for name in opponents {
            if !rows.isEmpty && shouldStop() { interrupted = true; break }
            let player: DuelPlayer
            switch DuelOpponentSpec(name) {
            case .script(let kind): player = .script(PongDuelScript(kind, configuration: game))
            case .selfPlay: player = .table(own)
            case .file(let path):
                do { player = .table(try opponentTable(path, for: game)) } catch { throw PolicyFileError(error.message) }
            }
            let tally = playPairedGames(
                DuelOpponent(.table(own), seed: derivedSeed(seed, purpose: SeedPurpose.agent)),
                DuelOpponent(player, seed: derivedSeed(seed, purpose: SeedPurpose.agent) &+ 1),
                configuration: game, games: games, seed: seed, until: shouldStop)
            if tally.games < games { interrupted = true }
            rows.append(DuelEvaluationRow(tally, opponent: name, seed: seed))
        }
        return DuelEvaluationReport(
            policy: path, court: configuration.court.rawValue, pointsToWin: configuration.pointsToWin,
            seed: seed, gamesRequested: games, interrupted: interrupted, rows: rows)
    }
}
