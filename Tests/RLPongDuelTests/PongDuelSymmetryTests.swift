import RLCore
import Testing

@testable import RLPongDuel

/// The state seen from the other end of the table: sides exchanged, x mirrored.
func mirrored(_ state: PongDuelState, width: Int) -> PongDuelState {
    PongDuelState(
        paddleY: state.paddleY.swapped, ballX: width - state.ballX, ballY: state.ballY,
        ballVelocityX: -state.ballVelocityX, ballVelocityY: state.ballVelocityY,
        score: state.score.swapped, nextServer: state.nextServer.opponent, stepCount: state.stepCount)
}

func mirrored(_ counters: PongDuelCounters) -> PongDuelCounters {
    var result = PongDuelCounters()
    result.hits = counters.hits.swapped
    result.points = counters.points.swapped
    result.serves = counters.serves.swapped
    return result
}

@Suite struct PongDuelSymmetryTests {
    @Test func eachSideSeesTheCourtFromItsOwnEnd() throws {
        var world = try PongDuel()
        let observations = world.restore(duelState(left: 6, right: 21, ball: (40, 12), velocity: (3, -3)))
        #expect(
            observations.left
                == PongDuelPositions(paddleY: 6, opponentPaddleY: 21, ballX: 40, ballY: 12, ballVelocityX: 3, ballVelocityY: -3))
        #expect(
            observations.right
                == PongDuelPositions(paddleY: 21, opponentPaddleY: 6, ballX: 10, ballY: 12, ballVelocityX: -3, ballVelocityY: -3))
        #expect(observations.right.ballIsComing && !observations.left.ballIsComing)
    }

    /// Mirrored situations give mirrored observations, and stay mirrored step after step
    /// (serves included: both worlds draw the same numbers).
    @Test(arguments: [PongDuelCourt.classic, .fast])
    func mirroredGamesStayMirrored(court: PongDuelCourt) throws {
        let configuration = PongDuelConfiguration(court: court)
        let width = configuration.courtWidth
        let space = PongDuelObservationSpace(configuration: configuration)
        var world = try PongDuel(configuration: configuration)
        var left = PongDuelScript(.random, configuration: configuration, seed: 3)
        var right = PongDuelScript(.tracker, configuration: configuration)
        var observations = world.reset(seed: 12)
        var mirror = world
        var mirrorObservations = mirror.restore(mirrored(world.state, width: width), counters: mirrored(world.counters))
        #expect(mirrorObservations == observations.swapped)
        var steps = 0
        while true {
            let actions = Pair(
                left: left.action(for: observations.left, mode: .evaluation),
                right: right.action(for: observations.right, mode: .evaluation))
            let step = world.step(actions)
            let mirrorStep = mirror.step(actions.swapped)
            observations = step.observations
            mirrorObservations = mirrorStep.observations
            let agrees =
                mirror.state == mirrored(world.state, width: width) && mirror.counters == mirrored(world.counters)
                && mirrorObservations == observations.swapped
                && mirrorObservations.map(space.map) == observations.swapped.map(space.map)
                && mirrorStep.rewards == step.rewards.swapped && mirrorStep.isLast == step.isLast
            guard agrees else {
                Issue.record("step \(steps): \(mirror.state) is not the mirror of \(world.state)")
                return
            }
            steps += 1
            if step.isLast || steps == 3000 { break }
        }
        #expect(world.counters.points.left + world.counters.points.right > 0)
    }
}
