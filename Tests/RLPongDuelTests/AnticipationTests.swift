import RLCore
import Testing

@testable import RLPongDuel

@Suite struct AnticipationTests {
    /// The fast court's promise (docs/PONG-DUEL.md): at least 30% of the tracker's misses are
    /// balls the predictor returns from the same situation. Fixed seeds: a quality test, not a
    /// timing test. Measured: 3003 misses over 200 games, 2353 reached (78.4%).
    @Test func onTheFastCourtTheTrackerMissesBallsThePredictorReaches() throws {
        let report = try measureAnticipation(configuration: .fast, games: 200, seed: 2026)
        #expect(report.trackerMisses > 2_000)
        #expect(report.share >= 0.30)
    }

    /// The classic court is the contrast: the paddle is as fast as the ball, so the tracker's
    /// rare misses are balls nobody reaches (measured: 49 over 200 games, none reached).
    @Test func onTheClassicCourtFollowingTheBallIsEnough() throws {
        let report = try measureAnticipation(configuration: .classic, games: 20, seed: 2026)
        #expect(report.share < 0.30)
    }

    /// The replay really replays: a miss by the predictor itself is not counted as reached.
    @Test func aReplayReportsAMissAsAMiss() throws {
        var world = try PongDuel(configuration: .fast)
        // The ball arrives at the left line in one step at y = 39, the left paddle at 0.
        _ = world.restore(duelState(left: 0, right: 16, ball: (5, 36), velocity: (-3, 3)))
        #expect(!replayReturns(from: world, side: .left))
        _ = world.restore(duelState(left: 16, right: 16, ball: (20, 20), velocity: (-3, 0)))
        #expect(replayReturns(from: world, side: .left))
    }
}
