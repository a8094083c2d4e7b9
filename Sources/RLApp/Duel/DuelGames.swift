import RLCore
import RLPongDuel

/// The outcome of paired games between two players, from the first player's side.
public struct DuelTally: Sendable, Equatable, Codable {
    public var games = 0
    public var wins = 0
    /// Games that reached the step cap level (neither side won).
    public var draws = 0
    public var pointsWon = 0
    public var pointsLost = 0
    /// Per game: points won and lost, for the bootstrap.
    public var pointsPerGame: [[Int]] = []

    public init() {}

    /// Wins count 1, draws ½: the score Elo works with.
    public var score: Double { Double(wins) + Double(draws) / 2 }
}

/// Plays `games` games of `first` against `second` with paired serves: the games come in pairs
/// that start from the same seed, `first` on the left in one and on the right in the other, so
/// both meet the same serves (who serves first, where, how steep) and neither gains from the
/// side or the draw. An odd count plays one more game on the left.
///
/// Game pair k is seeded with `evaluationEpisodeSeed(seed, k)`, whatever happened before, so any
/// two players met with the same seed see the same serves. `shouldStop` is asked between games.
public func playPairedGames(
    _ first: DuelOpponent, _ second: DuelOpponent, configuration: PongDuelConfiguration, games: Int, seed: UInt64,
    until shouldStop: () -> Bool = { false }
) -> DuelTally {
    var world = try! PongDuel(configuration: configuration)
    var first = first, second = second
    var tally = DuelTally()
    for game in 0..<games {
        if game > 0 && shouldStop() { break }
        let pairSeed = evaluationEpisodeSeed(seed, episode: game / 2)
        let firstOnLeft = game % 2 == 0
        let record =
            firstOnLeft
            ? playTwoAgentEpisode(&first, &second, on: &world, modes: Pair(repeating: .evaluation), episode: game, seed: pairSeed)
            : playTwoAgentEpisode(&second, &first, on: &world, modes: Pair(repeating: .evaluation), episode: game, seed: pairSeed)
        let side: Side = firstOnLeft ? .left : .right
        let won = record.counters.points[side], lost = record.counters.points[side.opponent]
        tally.games += 1
        if won > lost && record.terminated { tally.wins += 1 } else if won == lost || !record.terminated { tally.draws += 1 }
        tally.pointsWon += won
        tally.pointsLost += lost
        tally.pointsPerGame.append([won, lost])
    }
    return tally
}
