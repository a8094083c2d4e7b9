import RLCore
import Testing

@testable import RLPongDuel

/// A state on the court with the ball at (x, y) moving (dx, dy).
func duelState(
    left: Int = 15, right: Int = 15, ball: (Int, Int), velocity: (Int, Int),
    score: Pair<Int> = Pair(repeating: 0), nextServer: Side = .left
) -> PongDuelState {
    PongDuelState(
        paddleY: Pair(left: left, right: right), ballX: ball.0, ballY: ball.1,
        ballVelocityX: velocity.0, ballVelocityY: velocity.1, score: score, nextServer: nextServer)
}

let stay = Pair(repeating: PongDuelAction.stay)

@Suite struct PongDuelRulesTests {
    @Test func aMissedBallIsAPointForTheOtherSideAndANewServe() throws {
        var world = try PongDuel()
        // The ball reaches the left line at y = 23; the left paddle covers 30...40 (± r = 2.5).
        _ = world.restore(duelState(left: 30, ball: (5, 20), velocity: (-3, 3), nextServer: .right))
        let step = world.step(stay)
        #expect(step.rewards == Pair(left: -1, right: 1))
        #expect(!step.isLast)
        #expect(world.counters.points == Pair(left: 0, right: 1) && world.state.score == Pair(left: 0, right: 1))
        // The right side served: from the centre line, towards the left; the left serves next.
        #expect(world.counters.serves == Pair(left: 0, right: 1))
        #expect(world.state.ballX == 25 && world.state.ballVelocityX == -3 && abs(world.state.ballVelocityY) == 3)
        #expect((5...35).contains(world.state.ballY) && world.state.nextServer == .left)

        // The same on the right: the ball reaches x ≥ 47 away from the right paddle.
        _ = world.restore(duelState(right: 0, ball: (45, 30), velocity: (3, 3)))
        let right = world.step(stay)
        #expect(right.rewards == Pair(left: 1, right: -1) && world.counters.points == Pair(left: 1, right: 0))
        #expect(world.state.ballVelocityX == 3 && world.state.nextServer == .right)
    }

    @Test func aCoveredBallIsReturned() throws {
        var configuration = PongDuelConfiguration.classic
        configuration.hitReward = 0.5
        var world = try PongDuel(configuration: configuration)
        _ = world.restore(duelState(left: 15, ball: (5, 20), velocity: (-3, 3)))
        let step = world.step(stay)
        #expect(step.rewards == Pair(left: 0.5, right: 0))
        #expect(world.state.ballX == 2 && world.state.ballVelocityX == 3 && world.state.ballVelocityY == 3)
        #expect(world.counters.hits == Pair(left: 1, right: 0) && world.counters.points == Pair(repeating: 0))
        // The reach is the paddle widened by the ball's radius: 15 − 2.5 ... 25 + 2.5.
        #expect(world.paddle(at: 15, covers: 27) && !world.paddle(at: 15, covers: 28))
        #expect(world.paddle(at: 15, covers: 13) && !world.paddle(at: 15, covers: 12))
    }

    @Test func paddlesMoveByTheirSpeedAndStayOnTheCourt() throws {
        var world = try PongDuel(configuration: .fast)
        _ = world.restore(duelState(left: 1, right: 31, ball: (30, 20), velocity: (3, 1)))
        _ = world.step(Pair(left: .down, right: .up))
        #expect(world.state.paddleY == Pair(left: 0, right: 32))
        _ = world.step(Pair(left: .up, right: .down))
        #expect(world.state.paddleY == Pair(left: 2, right: 30))
        var classic = try PongDuel()
        _ = classic.restore(duelState(left: 0, right: 30, ball: (25, 20), velocity: (3, 3)))
        _ = classic.step(Pair(left: .down, right: .up))
        _ = classic.step(Pair(left: .down, right: .up))
        // The reference's clamp: [−m, H − P].
        #expect(classic.state.paddleY == Pair(left: -3, right: 30))
    }

    @Test func theBallBouncesOffTheFloorAndTheCeiling() throws {
        var classic = try PongDuel()
        _ = classic.restore(duelState(ball: (25, 39), velocity: (3, 3)))
        _ = classic.step(stay)
        // The reference reverses the ball past an edge without moving it back.
        #expect(classic.state.ballY == 42 && classic.state.ballVelocityY == -3)
        _ = classic.step(stay)
        #expect(classic.state.ballY == 39)
        _ = classic.restore(duelState(ball: (25, 1), velocity: (3, -3)))
        _ = classic.step(stay)
        #expect(classic.state.ballY == -2 && classic.state.ballVelocityY == 3)

        var fast = try PongDuel(configuration: .fast)
        _ = fast.restore(duelState(ball: (30, 39), velocity: (3, 3)))
        _ = fast.step(stay)
        // The fast court reflects the position too: 42 → 2 · 40 − 42.
        #expect(fast.state.ballY == 38 && fast.state.ballVelocityY == -3)
        _ = fast.restore(duelState(ball: (30, 1), velocity: (3, -4)))
        _ = fast.step(stay)
        #expect(fast.state.ballY == 3 && fast.state.ballVelocityY == 4)
    }

    @Test func onTheFastCourtTheContactPointSetsTheAngle() throws {
        var world = try PongDuel(configuration: .fast)
        // Paddle 16...24 (centre 20), reach ± (4 + 1.5). The ball arrives at y = ball y + 2.
        func returned(arrivingAt y: Int, speed: Int = 2) -> Int {
            _ = world.restore(duelState(left: 16, ball: (5, y - speed), velocity: (-3, speed)))
            _ = world.step(stay)
            #expect(world.counters.hits.left == 1)
            return world.state.ballVelocityY
        }
        #expect(returned(arrivingAt: 20) == 2)  // dead centre keeps the angle
        #expect(returned(arrivingAt: 21) == 3)  // 1 / 5.5 · 4 ≈ 0.7 → +1
        #expect(returned(arrivingAt: 25) == 4)  // 2 + 4 clamped to the steepest
        #expect(returned(arrivingAt: 15) == -2)  // 2 − 4: sent back downwards
        #expect(returned(arrivingAt: 18, speed: -1) == -2)  // −1 − 1.45 rounded: −1 − 1
    }

    @Test func servesAlternateAndTheFirstServerIsDrawn() throws {
        var firstServers: Set<Side> = []
        for seed in UInt64(0)..<20 {
            var world = try PongDuel(configuration: seed % 2 == 0 ? .classic : .fast)
            var left = RandomAgent<PongDuelPositions, PongDuelActionSpace>(actionSpace: world.actionSpace, seed: seed)
            var right = RandomAgent<PongDuelPositions, PongDuelActionSpace>(actionSpace: world.actionSpace, seed: seed + 100)
            var observations = world.reset(seed: seed)
            // Serves go away from the server, so the serve directions alternate.
            var directions = [world.state.ballVelocityX > 0]
            firstServers.insert(directions[0] ? .left : .right)
            while true {
                let serves = world.counters.serves
                let step = world.step(
                    Pair(
                        left: left.action(for: observations.left, mode: .evaluation),
                        right: right.action(for: observations.right, mode: .evaluation)))
                observations = step.observations
                if world.counters.serves != serves { directions.append(world.state.ballVelocityX > 0) }
                if step.isLast { break }
            }
            #expect(zip(directions, directions.dropFirst()).allSatisfy { $0 != $1 })
            let counters = world.counters
            #expect(counters.serves.left + counters.serves.right == counters.points.left + counters.points.right)
            #expect(abs(counters.serves.left - counters.serves.right) <= 1)
        }
        #expect(firstServers == [.left, .right])
    }

    @Test(arguments: [11, 3])
    func theGameEndsAtTheWinningScore(pointsToWin: Int) throws {
        var configuration = PongDuelConfiguration.classic
        configuration.pointsToWin = pointsToWin
        var world = try PongDuel(configuration: configuration)
        _ = world.restore(duelState(right: 0, ball: (45, 30), velocity: (3, 3), score: Pair(left: pointsToWin - 1, right: 2)))
        let step = world.step(stay)
        #expect(step.terminated == Pair(repeating: true) && step.truncated == Pair(repeating: false))
        #expect(world.state.score == Pair(left: pointsToWin, right: 2) && step.rewards == Pair(left: 1, right: -1))
        // No serve after the last point.
        #expect(world.counters.serves == Pair(repeating: 0) && world.state.ballX == 48)

        // A point short of it, the game goes on.
        _ = world.restore(duelState(right: 0, ball: (45, 30), velocity: (3, 3), score: Pair(left: pointsToWin - 2, right: 2)))
        #expect(!world.step(stay).isLast)
    }

    @Test func theStepCapTruncatesButNeverHidesTheEnd() throws {
        var configuration = PongDuelConfiguration.classic
        configuration.stepCap = 5
        var world = try PongDuel(configuration: configuration)
        _ = world.restore(duelState(ball: (25, 20), velocity: (3, 3)))
        for _ in 0..<4 { #expect(!world.step(stay).isLast) }
        let fifth = world.step(stay)
        #expect(fifth.truncated == Pair(repeating: true) && fifth.terminated == Pair(repeating: false))

        configuration.stepCap = 1
        configuration.pointsToWin = 1
        world = try PongDuel(configuration: configuration)
        _ = world.restore(duelState(right: 0, ball: (45, 30), velocity: (3, 3)))
        let last = world.step(stay)
        #expect(last.terminated == Pair(repeating: true) && last.truncated == Pair(repeating: false))
    }

    @Test func theSameSeedPlaysTheSameGame() throws {
        func game(seed: UInt64?, world: inout PongDuel) -> [PongDuelState] {
            var left = PongDuelScript(.random, configuration: world.configuration, seed: 1)
            var right = PongDuelScript(.tracker, configuration: world.configuration)
            var observations = world.reset(seed: seed)
            var states = [world.state]
            while true {
                let step = world.step(
                    Pair(
                        left: left.action(for: observations.left, mode: .evaluation),
                        right: right.action(for: observations.right, mode: .evaluation)))
                observations = step.observations
                states.append(world.state)
                if step.isLast { return states }
            }
        }
        for configuration in [PongDuelConfiguration.classic, .fast] {
            var first = try PongDuel(configuration: configuration), second = try PongDuel(configuration: configuration, seed: 99)
            let a = game(seed: 7, world: &first), b = game(seed: 7, world: &second)
            #expect(a == b)
            // No seed keeps the generator going: the next game differs, and matches across worlds.
            let c = game(seed: nil, world: &first), d = game(seed: nil, world: &second)
            #expect(c == d && c != a)
        }
    }
}
