import RLCore

/// The single-paddle Pong of the reference rules (docs/PONG.md), step for step.
public struct PongEnvironment: Environment, Sendable {
    public typealias Observation = PongObservation
    public typealias Action = PongAction

    /// The rules and choices this environment plays by.
    public let configuration: PongConfiguration
    public let observationSpace: PongObservationSpace
    public let actionSpace: PongActionSpace
    /// Exact positions, lives, score and step count.
    @inlinable public var state: PongState { current }
    @inlinable public var counters: PongCounters { episodeCounters }

    @usableFromInline var current: PongState
    @usableFromInline var episodeCounters = PongCounters()

    @usableFromInline var generator: Xoshiro256StarStar
    // Bin lookups, indexed by (value − lower bound): no division by a run-time step per step.
    @usableFromInline let paddleBinOf: [Int]
    @usableFromInline let ballYBinOf: [Int]
    @usableFromInline let ballXBinOf: [Int]
    @usableFromInline let paddleLow: Int
    @usableFromInline let ballYLow: Int
    @usableFromInline let ballXLow: Int

    /// A court ready to play; call ``reset(seed:)`` to serve with a chosen seed.
    /// - Throws: when the configuration does not describe a playable court.
    public init(configuration: PongConfiguration = PongConfiguration(), seed: UInt64 = 0) throws(PongConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        observationSpace = PongObservationSpace(configuration: configuration)
        actionSpace = PongActionSpace(allowsStay: configuration.allowsStay)
        paddleBinOf = configuration.paddleBins.lookupTable
        ballYBinOf = configuration.ballYBins.lookupTable
        ballXBinOf = configuration.ballXBins.lookupTable
        paddleLow = configuration.paddleBins.lowerBound
        ballYLow = configuration.ballYBins.lowerBound
        ballXLow = configuration.ballXBins.lowerBound
        generator = Xoshiro256StarStar(seed: seed)
        current = PongState(paddleY: 0, ballX: 0, ballY: 0, ballVelocityX: 0, ballVelocityY: 0, lives: 0)
        _ = reset(seed: seed)
    }

    /// Puts the court in a given state (for tests, renderers and oracles). The state must be
    /// reachable under the rules; its observation is returned.
    public mutating func restore(_ state: PongState, counters: PongCounters = PongCounters()) -> PongObservation {
        current = state
        episodeCounters = counters
        return observation
    }

    public mutating func reset(seed: UInt64?) -> PongObservation {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        episodeCounters = PongCounters()
        current.paddleY = configuration.paddleHeight
        current.lives = configuration.lives
        current.score = 0
        current.stepCount = 0
        serve()
        return observation
    }

    /// A new ball: random integer position in the right half, moving right and up.
    @usableFromInline
    mutating func serve() {
        let width = configuration.courtWidth
        current.ballX = generator.nextInt(in: (width / 2)...width)
        current.ballY = generator.nextInt(in: 0...(configuration.courtHeight - configuration.serveTopMargin))
        current.ballVelocityX = configuration.movementStep
        current.ballVelocityY = configuration.movementStep
        episodeCounters.serves += 1
    }

    /// The agent's view of the current state.
    @inlinable @inline(__always)
    public var observation: PongObservation {
        let markov = configuration.observation == .markov
        return PongObservation(
            paddle: paddleBinOf[current.paddleY - paddleLow],
            ballY: ballYBinOf[current.ballY - ballYLow],
            ballX: ballXBinOf[current.ballX - ballXLow],
            ballMovingRight: markov && current.ballVelocityX > 0 ? 1 : 0,
            ballMovingUp: markov && current.ballVelocityY > 0 ? 1 : 0)
    }

    /// Whether a paddle with its bottom edge at `paddleY` covers a ball centred at `ballY`.
    @inlinable @inline(__always)
    public func paddle(at paddleY: Int, covers ballY: Int) -> Bool {
        let radius = configuration.ballRadius
        return Double(paddleY + configuration.paddleHeight) >= Double(ballY) - radius
            && Double(paddleY) <= Double(ballY) + radius
    }

    /// Whether some paddle position in the paddle's range would cover a ball at `ballY`.
    @inlinable @inline(__always)
    public func isReturnable(ballY: Int) -> Bool {
        let radius = configuration.ballRadius
        return Double(configuration.paddleMaximumY + configuration.paddleHeight) >= Double(ballY) - radius
            && Double(configuration.paddleMinimumY) <= Double(ballY) + radius
    }

    @inlinable @inline(__always)
    public mutating func step(_ action: PongAction) -> Step<PongObservation> {
        let m = configuration.movementStep
        let height = configuration.courtHeight
        current.stepCount &+= 1

        // 1. Move the paddle, then clamp it: the reference's "if paddle + P ≥ H, paddle = H − P;
        // else if paddle ≤ −m, paddle = −m" is a clamp to [−m, H − P], written without
        // branches because exploration makes the action unpredictable.
        let up = action == .up ? m : 0
        let down = action == .down ? m : 0
        current.paddleY = min(max(current.paddleY &+ up &- down, -m), height - configuration.paddleHeight)

        // 2. Move the ball. (Wrapping arithmetic: a validated court keeps every value tiny,
        // and the hot path should not pay for overflow checks that cannot fire.)
        current.ballX &+= current.ballVelocityX
        current.ballY &+= current.ballVelocityY

        // 3. Walls left and right; the left one is the paddle's.
        var reward = configuration.stepReward
        if current.ballX <= configuration.paddleLineX || current.ballX > configuration.courtWidth {
            current.ballVelocityX = 0 &- current.ballVelocityX
            if current.ballX <= configuration.paddleLineX {
                if paddle(at: current.paddleY, covers: current.ballY) {
                    reward = configuration.hitReward
                    episodeCounters.hits &+= 1
                } else {
                    reward = configuration.missReward
                    episodeCounters.misses &+= 1
                    if isReturnable(ballY: current.ballY) { episodeCounters.avoidableMisses &+= 1 }
                    current.lives &-= 1
                    if current.lives > 0 { serve() }
                }
            }
        }

        // 4. Floor and ceiling: reflect without correcting the position.
        if current.ballY < 0 || current.ballY > height {
            current.ballVelocityY = 0 &- current.ballVelocityY
        }

        // 5. Game over, won, or cut by the step cap.
        current.score += reward
        let won = current.score > configuration.winningScore
        if won { episodeCounters.won = true }
        let terminated = current.lives <= 0 || won
        let truncated = !terminated && current.stepCount >= configuration.stepCap
        return Step(observation: observation, reward: reward, terminated: terminated, truncated: truncated)
    }
}

extension PongEnvironment: Resumable {
    /// The serve generator: between episodes it is all that carries over.
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }
}
