import Foundation
import RLCore
import RLPongDuel
import RLTabular

/// A pong-duel policy against one opponent (a row of `rl eval --opponent`).
public struct DuelEvaluationRow: Sendable, Codable, Equatable {
    public var opponent: String
    public var games: Int
    public var wins: Int
    /// Games that ended level at the step cap.
    public var draws: Int
    public var winRate: Double
    /// The 95% Wilson score interval of the win rate.
    public var winRateLow: Double
    public var winRateHigh: Double
    public var pointsWon: Int
    public var pointsLost: Int
    /// Points won over points played.
    public var pointShare: Double
    /// The 95% percentile bootstrap interval of the point share, resampling pairs of games
    /// (the unit of the paired design).
    public var pointShareLow: Double
    public var pointShareHigh: Double
}

/// The report of `rl eval --env pong-duel POLICY --opponent X ...` (also its `--json` output).
public struct DuelEvaluationReport: Sendable, Codable, Equatable {
    public var policy: String
    public var court: String
    public var pointsToWin: Int
    public var seed: UInt64
    public var gamesRequested: Int
    public var interrupted: Bool
    public var rows: [DuelEvaluationRow]
}

/// Plays a policy of a two-player world greedily against each opponent (the world's scripted
/// players, `self` for itself, or another policy file of the world), `games` games each, in
/// pairs with the same serves and the sides swapped.
public func evaluateDuel(
    _ loaded: LoadedPolicy, against opponents: [String], games: Int, seed: UInt64,
    shouldStop: @escaping () -> Bool = { false }
) throws(PolicyFileError) -> DuelEvaluationReport {
    let world = try loaded.requireWorld(toDo: "play it against opponents")
    guard let twoPlayers = world.twoPlayers else {
        throw PolicyFileError(
            "--opponent plays policies of two-player worlds; \(loaded.path) is a policy for \(world.id), which has one player")
    }
    return try twoPlayers.evaluateDuel(
        loaded.policy, path: loaded.path, against: opponents, games: games, seed: seed,
        shouldStop: shouldStop)
}

extension DuelEvaluationRow {
    init(_ tally: DuelTally, opponent: String, seed: UInt64) {
        self.opponent = opponent
        games = tally.games
        wins = tally.wins
        draws = tally.draws
        winRate = tally.games > 0 ? Double(tally.wins) / Double(tally.games) : 0
        (winRateLow, winRateHigh) = wilsonInterval(successes: tally.wins, trials: tally.games)
        pointsWon = tally.pointsWon
        pointsLost = tally.pointsLost
        let played = tally.pointsWon + tally.pointsLost
        pointShare = played > 0 ? Double(tally.pointsWon) / Double(played) : 0
        (pointShareLow, pointShareHigh) = pairedPointShareInterval(tally.pointsPerGame, seed: seed)
    }
}

/// The 95% Wilson score interval of a binomial proportion: unlike the normal approximation it
/// stays inside [0, 1] and is sensible at 0 or n successes (Wilson 1927).
public func wilsonInterval(successes: Int, trials: Int, z: Double = 1.959963984540054) -> (low: Double, high: Double) {
    guard trials > 0 else { return (0, 1) }
    let n = Double(trials), p = Double(successes) / n
    let denominator = 1 + z * z / n
    let centre = (p + z * z / (2 * n)) / denominator
    let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
    // At 0 or n successes the bound is exactly 0 or 1 (rounding must not move it).
    return (successes == 0 ? 0 : max(0, centre - half), successes == trials ? 1 : min(1, centre + half))
}

/// The 95% percentile bootstrap interval of the point share over games (each `[won, lost]`),
/// resampling consecutive pairs of games (same serves, sides swapped) with 2000 resamples.
func pairedPointShareInterval(_ games: [[Int]], seed: UInt64, resamples: Int = 2000) -> (low: Double, high: Double) {
    let pairs = stride(from: 0, to: games.count, by: 2).map { start in
        games[start..<min(start + 2, games.count)].reduce((0, 0)) { ($0.0 + $1[0], $0.1 + $1[1]) }
    }
    guard !pairs.isEmpty else { return (0, 1) }
    var generator = Xoshiro256StarStar(seed: derivedSeed(seed, purpose: 0xB007))
    var shares: [Double] = []
    shares.reserveCapacity(resamples)
    for _ in 0..<resamples {
        var won = 0, played = 0
        for _ in pairs.indices {
            let pair = pairs[generator.nextIndex(below: pairs.count)]
            won += pair.0
            played += pair.0 + pair.1
        }
        shares.append(played > 0 ? Double(won) / Double(played) : 0)
    }
    shares.sort()
    return (shares[Int(0.025 * Double(resamples - 1))], shares[Int((0.975 * Double(resamples - 1)).rounded(.up))])
}

extension DuelEvaluationReport {
    /// The report as a table.
    public var text: String {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        var lines = [
            "\(policy): pong-duel, \(court) court, first to \(pointsToWin); \(gamesRequested) games per opponent in pairs with the same serves, sides swapped (seed \(seed))"
                + (interrupted ? "; interrupted" : "") + ".",
            "opponent".padding(toLength: 16, withPad: " ", startingAt: 0)
                + "games   won  draws  win rate [95% Wilson]    point share [95% bootstrap]",
        ]
        for row in rows {
            let name = row.opponent.count > 15 ? String(row.opponent.suffix(15)) : row.opponent
            lines.append(
                name.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + String(format: "%5d %5d %6d  ", row.games, row.wins, row.draws)
                    + "\(percent(row.winRate)) [\(percent(row.winRateLow)), \(percent(row.winRateHigh))]".padding(
                        toLength: 25, withPad: " ", startingAt: 0)
                    + "\(percent(row.pointShare)) [\(percent(row.pointShareLow)), \(percent(row.pointShareHigh))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
