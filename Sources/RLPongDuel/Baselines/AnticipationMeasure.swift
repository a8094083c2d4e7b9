import RLCore

/// How often the tracker misses a ball that the predictor would have reached: the measure of
/// how much a court rewards anticipation (docs/PONG-DUEL.md).
public struct AnticipationReport: Sendable, Equatable {
    /// Games played, tracker against tracker.
    public var games: Int
    /// Balls the trackers returned.
    public var trackerHits: Int
    /// Balls the trackers missed.
    public var trackerMisses: Int
    /// Of those misses, the balls the predictor returned when put in the tracker's place.
    public var reachedByPredictor: Int

    /// The share of the tracker's misses that the predictor reached (0 when there were none).
    public var share: Double { trackerMisses == 0 ? 0 : Double(reachedByPredictor) / Double(trackerMisses) }
}

/// Measures how often the tracker misses a ball the predictor would have reached.
///
/// Method: play `games` games of tracker against tracker, game k reseeded with
/// ``evaluationEpisodeSeed(_:episode:)`` of `seed`. Whenever the ball starts towards a side
/// (a serve or the other side's return), keep a copy of the world. When that side misses,
/// replay the same approach from the copy with the predictor in the tracker's place (same
/// paddle position, same ball) and count whether it returns the ball.
public func measureAnticipation(configuration: PongDuelConfiguration, games: Int, seed: UInt64) throws(PongDuelConfigurationError)
    -> AnticipationReport
{
    var world = try PongDuel(configuration: configuration)
    var report = AnticipationReport(games: games, trackerHits: 0, trackerMisses: 0, reachedByPredictor: 0)
    var trackers = Pair(repeating: PongDuelScript(.tracker, configuration: configuration))
    for game in 0..<games {
        var observations = world.reset(seed: evaluationEpisodeSeed(seed, episode: game))
        // The world as the ball started towards each side.
        var approach = Pair<PongDuel>(repeating: world)
        approach[world.state.ballVelocityX < 0 ? .left : .right] = world
        while true {
            let before = world.counters
            let direction = world.state.ballVelocityX
            let step = world.step(
                Pair(
                    left: trackers.left.action(for: observations.left, mode: .evaluation),
                    right: trackers.right.action(for: observations.right, mode: .evaluation)))
            observations = step.observations
            let after = world.counters
            report.trackerHits += (after.hits.left - before.hits.left) + (after.hits.right - before.hits.right)
            for side in Side.allCases where after.points[side.opponent] > before.points[side.opponent] {
                report.trackerMisses += 1
                if replayReturns(from: approach[side], side: side) { report.reachedByPredictor += 1 }
            }
            if step.isLast { break }
            // A serve or a return: the ball now heads for a side; remember the world as it is.
            let towards: Side = world.state.ballVelocityX < 0 ? .left : .right
            if after.serves != before.serves || (direction < 0) != (world.state.ballVelocityX < 0) {
                approach[towards] = world
            }
        }
    }
    return report
}

/// Plays `world` on with the predictor on `side` (and the tracker opposite) until the ball
/// coming towards `side` is returned or missed; true when returned.
func replayReturns(from world: PongDuel, side: Side) -> Bool {
    var world = world
    var predictor = PongDuelScript(.predictor, configuration: world.configuration)
    var tracker = PongDuelScript(.tracker, configuration: world.configuration)
    var observations = world.observations
    let hits = world.counters.hits[side], points = world.counters.points[side.opponent]
    while true {
        var actions = Pair(repeating: PongDuelAction.stay)
        actions[side] = predictor.action(for: observations[side], mode: .evaluation)
        actions[side.opponent] = tracker.action(for: observations[side.opponent], mode: .evaluation)
        let step = world.step(actions)
        observations = step.observations
        if world.counters.hits[side] > hits { return true }
        if world.counters.points[side.opponent] > points || step.isLast { return false }
    }
}
