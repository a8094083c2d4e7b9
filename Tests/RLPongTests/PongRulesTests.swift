import RLCore
import Testing

@testable import RLPong

/// Each rule of docs/PONG.md, on hand-placed states.
@Suite struct PongRulesTests {
    func court(_ state: PongState, configuration: PongConfiguration = PongConfiguration()) throws -> PongEnvironment {
        var environment = try PongEnvironment(configuration: configuration, seed: 1)
        _ = environment.restore(state)
        return environment
    }

    @Test func resetServesAFreshEpisode() throws {
        var environment = try PongEnvironment(seed: 3)
        for seed in 0..<50 as Range<UInt64> {
            _ = environment.reset(seed: seed)
            let state = environment.state
            #expect(state.paddleY == 10 && state.lives == 3 && state.score == 0 && state.stepCount == 0)
            #expect((25...50).contains(state.ballX) && (0...30).contains(state.ballY))
            #expect(state.ballVelocityX == 3 && state.ballVelocityY == 3)
            #expect(
                environment.counters
                    == {
                        var c = PongCounters(); c.serves = 1; return c
                    }())
        }
    }

    @Test func theFarWallReflectsWithoutReward() throws {
        var environment = try court(PongState(paddleY: 10, ballX: 50, ballY: 20, ballVelocityX: 3, ballVelocityY: 3, lives: 3))
        let step = environment.step(.up)
        #expect(step.reward == 0 && !step.isLast)
        #expect(environment.state.ballX == 53 && environment.state.ballVelocityX == -3)
    }

    @Test func wallsTurnTheBallExactlyAtTheirThresholds() throws {
        // x ≤ 3 is the paddle's side: a ball arriving at exactly 3 is played there.
        var atLine = try court(PongState(paddleY: 10, ballX: 6, ballY: 15, ballVelocityX: -3, ballVelocityY: 3, lives: 3))
        #expect(atLine.step(.up).reward == 10 && atLine.state.ballX == 3 && atLine.state.ballVelocityX == 3)
        var beforeLine = try court(PongState(paddleY: 10, ballX: 7, ballY: 15, ballVelocityX: -3, ballVelocityY: 3, lives: 3))
        #expect(beforeLine.step(.up).reward == 0 && beforeLine.state.ballVelocityX == -3)
        // x > W turns; reaching exactly W does not.
        var atWall = try court(PongState(paddleY: 10, ballX: 47, ballY: 15, ballVelocityX: 3, ballVelocityY: 3, lives: 3))
        _ = atWall.step(.up)
        #expect(atWall.state.ballX == 50 && atWall.state.ballVelocityX == 3)
        // y < 0 and y > H turn; landing on exactly 0 or H does not.
        var onFloor = try court(PongState(paddleY: 10, ballX: 30, ballY: 3, ballVelocityX: 3, ballVelocityY: -3, lives: 3))
        _ = onFloor.step(.up)
        #expect(onFloor.state.ballY == 0 && onFloor.state.ballVelocityY == -3)
        var onCeiling = try court(PongState(paddleY: 10, ballX: 30, ballY: 37, ballVelocityX: 3, ballVelocityY: 3, lives: 3))
        _ = onCeiling.step(.up)
        #expect(onCeiling.state.ballY == 40 && onCeiling.state.ballVelocityY == 3)
    }

    @Test func thePaddleMovesBeforeTheHitTest() throws {
        // Paddle 10 covers centres up to 22.5; after moving up to 13 it covers 25.5. A ball
        // arriving at 24 is hit only because the paddle moved first.
        var environment = try court(PongState(paddleY: 10, ballX: 5, ballY: 21, ballVelocityX: -3, ballVelocityY: 3, lives: 3))
        #expect(environment.step(.up).reward == 10)
        var stayingDown = try court(PongState(paddleY: 10, ballX: 5, ballY: 21, ballVelocityX: -3, ballVelocityY: 3, lives: 3))
        #expect(stayingDown.step(.down).reward == -10)
    }

    @Test func aRespawnedBallIsNotReflectedByTheOldBallsPosition() throws {
        // The missed ball ends at y = −3 (below the floor); the respawned one starts moving up.
        var environment = try court(PongState(paddleY: 30, ballX: 5, ballY: 0, ballVelocityX: -3, ballVelocityY: -3, lives: 3))
        #expect(environment.step(.up).reward == -10)
        #expect(environment.state.ballVelocityY == 3 && environment.state.ballVelocityX == 3)
    }

    @Test func aBallReachingThePaddleIsHitForTen() throws {
        var environment = try court(PongState(paddleY: 10, ballX: 5, ballY: 15, ballVelocityX: -3, ballVelocityY: 3, lives: 3))
        let step = environment.step(.up)
        #expect(step.reward == 10)
        #expect(environment.state.paddleY == 13 && environment.state.ballX == 2 && environment.state.ballY == 18)
        #expect(environment.state.ballVelocityX == 3 && environment.state.lives == 3)
        #expect(environment.counters.hits == 1 && environment.counters.misses == 0)
    }

    @Test func theHitTestWidensThePaddleByTheBallRadius() throws {
        // Paddle covers [10, 20]; with r = 2.5 a centre in [7.5, 22.5] is hit.
        let environment = try PongEnvironment()
        #expect(environment.paddle(at: 10, covers: 22) && environment.paddle(at: 10, covers: 8))
        #expect(!environment.paddle(at: 10, covers: 23) && !environment.paddle(at: 10, covers: 7))
    }

    @Test func aMissCostsTenAndALifeAndRespawnsTheBall() throws {
        var environment = try court(PongState(paddleY: -3, ballX: 5, ballY: 30, ballVelocityX: -3, ballVelocityY: -3, lives: 3))
        let step = environment.step(.down)
        #expect(step.reward == -10 && !step.isLast)
        let state = environment.state
        #expect(state.lives == 2)
        #expect((25...50).contains(state.ballX) && (0...30).contains(state.ballY))
        #expect(state.ballVelocityX == 3 && state.ballVelocityY == 3)
        #expect(environment.counters.misses == 1 && environment.counters.avoidableMisses == 1 && environment.counters.serves == 1)
    }

    @Test func aBallAboveThePaddlesReachIsAnUnavoidableMiss() throws {
        // The paddle's top reaches 40, covering centres up to 42.5: 43 is out of reach.
        var high = try court(PongState(paddleY: 30, ballX: 5, ballY: 40, ballVelocityX: -3, ballVelocityY: 3, lives: 3))
        #expect(high.step(.up).reward == -10)
        #expect(high.counters.misses == 1 && high.counters.avoidableMisses == 0)
        var reachable = try court(PongState(paddleY: 0, ballX: 5, ballY: 39, ballVelocityX: -3, ballVelocityY: 3, lives: 3))
        #expect(reachable.step(.down).reward == -10)
        #expect(reachable.counters.avoidableMisses == 1)
    }

    @Test func losingTheLastLifeTerminatesWithoutRespawn() throws {
        var environment = try court(PongState(paddleY: -3, ballX: 5, ballY: 30, ballVelocityX: -3, ballVelocityY: -3, lives: 1))
        let step = environment.step(.down)
        #expect(step.terminated && !step.truncated && step.reward == -10)
        #expect(environment.state.lives == 0 && environment.state.ballX == 2)
        #expect(!environment.counters.won)
    }

    @Test func thePaddleIsClampedToItsRange() throws {
        var top = try court(PongState(paddleY: 28, ballX: 30, ballY: 20, ballVelocityX: 3, ballVelocityY: 3, lives: 3))
        _ = top.step(.up)
        #expect(top.state.paddleY == 30)
        var bottom = try court(PongState(paddleY: -2, ballX: 30, ballY: 20, ballVelocityX: 3, ballVelocityY: 3, lives: 3))
        _ = bottom.step(.down)
        #expect(bottom.state.paddleY == -3)
        var near = try court(PongState(paddleY: 1, ballX: 30, ballY: 20, ballVelocityX: 3, ballVelocityY: 3, lives: 3))
        _ = near.step(.down)
        #expect(near.state.paddleY == -2)
        var staying = try court(
            PongState(paddleY: 7, ballX: 30, ballY: 20, ballVelocityX: 3, ballVelocityY: 3, lives: 3),
            configuration: PongConfiguration(allowsStay: true))
        _ = staying.step(.stay)
        #expect(staying.state.paddleY == 7)
    }

    @Test func floorAndCeilingReflectWithoutCorrectingThePosition() throws {
        var ceiling = try court(PongState(paddleY: 10, ballX: 30, ballY: 40, ballVelocityX: 3, ballVelocityY: 3, lives: 3))
        _ = ceiling.step(.up)
        #expect(ceiling.state.ballY == 43 && ceiling.state.ballVelocityY == -3)
        var floor = try court(PongState(paddleY: 10, ballX: 30, ballY: 0, ballVelocityX: 3, ballVelocityY: -3, lives: 3))
        _ = floor.step(.up)
        #expect(floor.state.ballY == -3 && floor.state.ballVelocityY == 3)
        var inside = try court(PongState(paddleY: 10, ballX: 30, ballY: 1, ballVelocityX: 3, ballVelocityY: -3, lives: 3))
        _ = inside.step(.up)
        #expect(inside.state.ballY == -2 && inside.state.ballVelocityY == 3)
    }

    @Test func theStepCapTruncates() throws {
        var environment = try court(
            PongState(paddleY: 10, ballX: 30, ballY: 20, ballVelocityX: 3, ballVelocityY: 3, lives: 3, stepCount: 2998))
        #expect(!environment.step(.up).isLast)
        let last = environment.step(.up)
        #expect(last.truncated && !last.terminated)
    }

    @Test func scoringAboveTheWinningScoreWins() throws {
        var environment = try court(PongState(paddleY: 10, ballX: 5, ballY: 15, ballVelocityX: -3, ballVelocityY: 3, lives: 3, score: 995))
        let step = environment.step(.up)
        #expect(step.terminated && !step.truncated && environment.counters.won)
        var exactly = try court(PongState(paddleY: 10, ballX: 5, ballY: 15, ballVelocityX: -3, ballVelocityY: 3, lives: 3, score: 990))
        #expect(!exactly.step(.up).terminated)
    }

    @Test func aSeedFixesTheServesAndNoSeedKeepsTheGeneratorGoing() throws {
        var first = try PongEnvironment()
        var second = try PongEnvironment()
        let a = (0..<5).map { index in first.reset(seed: index == 0 ? 11 : nil) }
        let b = (0..<5).map { index in second.reset(seed: index == 0 ? 11 : nil) }
        #expect(a == b)
        #expect(Set(a).count > 1)
    }

    @Test func invalidConfigurationsAreRejected() {
        var configuration = PongConfiguration()
        configuration.movementStep = 0
        #expect(throws: PongConfigurationError.self) { try PongEnvironment(configuration: configuration) }
        configuration = PongConfiguration()
        configuration.lives = 0
        #expect(throws: PongConfigurationError.self) { try configuration.validate() }
        configuration = PongConfiguration()
        configuration.ballRadius = .nan
        #expect(throws: PongConfigurationError.self) { try configuration.validate() }
        // The paddle starts at y = P: a paddle taller than half the court would start outside
        // its own range.
        configuration = PongConfiguration()
        configuration.courtHeight = 20
        configuration.paddleHeight = 15
        #expect(throws: PongConfigurationError.self) { try configuration.validate() }
        configuration = PongConfiguration()
        configuration.hitReward = 1e300
        #expect(throws: PongConfigurationError.self) { try configuration.validate() }
    }

    @Test func pongKeepsTheEnvironmentContract() throws {
        for mode in PongObservationMode.allCases {
            for stay in [false, true] {
                try checkEnvironment(try PongEnvironment(configuration: PongConfiguration(observation: mode, allowsStay: stay)), seed: 4)
            }
        }
    }
}
