import RLCore

/// Two-player Pong, `pong-duel`: a paddle at each end, a point to the other side for every
/// missed ball, a game to `pointsToWin` points (terminated) or `stepCap` steps (truncated).
///
/// Both sides act at every step (``TwoAgentEnvironment``). Each side observes the exact
/// positions from its own point of view (``PongDuelPositions``: the right side's court is
/// mirrored), so a script or a table plays either side; a table sees them through
/// ``PongDuelObservationSpace``'s bins. Rewards: +`pointReward` to the side that wins a point,
/// its negative to the side that missed, `hitReward` for a return.
///
/// Serves alternate: a seeded coin picks the first server of a game, then the sides take
/// turns. Each serve starts on the centre line at a random height and travels towards the
/// receiver, up or down at random (on the fast court at a random vertical speed too).
/// Seeding follows Gymnasium: ``reset(seed:)`` with a seed reseeds the world's generator,
/// `nil` keeps it going.
public struct PongDuel: TwoAgentEnvironment, Sendable {
    public typealias Observation = PongDuelPositions
    public typealias Action = PongDuelAction

    /// The rules this world plays by.
    public let configuration: PongDuelConfiguration
    public let observationSpace: PongDuelPositionSpace
    public let actionSpace = PongDuelActionSpace()
    /// Exact positions, score, next server and step count.
    @inlinable public var state: PongDuelState { current }
    @inlinable public var counters: PongDuelCounters { gameCounters }

    @usableFromInline var current: PongDuelState
    @usableFromInline var gameCounters = PongDuelCounters()
    @usableFromInline var generator: Xoshiro256StarStar

    /// A court ready to play; call ``reset(seed:)`` to start a game with a chosen seed.
    /// - Throws: when the configuration does not describe a playable duel.
    public init(configuration: PongDuelConfiguration = .classic, seed: UInt64 = 0) throws(PongDuelConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        observationSpace = PongDuelPositionSpace(configuration: configuration)
        generator = Xoshiro256StarStar(seed: seed)
        current = PongDuelState(paddleY: Pair(repeating: 0), ballX: 0, ballY: 0, ballVelocityX: 0, ballVelocityY: 0)
        _ = reset(seed: seed)
    }

    /// Puts the court in a given state (for tests, replays and renderers); the state must be
    /// reachable under the rules. Returns each side's observation.
    public mutating func restore(_ state: PongDuelState, counters: PongDuelCounters = PongDuelCounters()) -> Pair<PongDuelPositions> {
        current = state
        gameCounters = counters
        return observations
    }

    public mutating func reset(seed: UInt64?) -> Pair<PongDuelPositions> {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        gameCounters = PongDuelCounters()
        current.paddleY = Pair(repeating: configuration.paddleStartY)
        current.score = Pair(repeating: 0)
        current.stepCount = 0
        current.nextServer = generator.nextIndex(below: 2) == 0 ? .left : .right
        serve()
        return observations
    }

    /// A new ball from the centre line, towards the side that does not serve.
    @usableFromInline
    mutating func serve() {
        let server = current.nextServer
        let height = configuration.courtHeight, margin = configuration.serveMargin
        current.ballX = configuration.courtWidth / 2
        current.ballY = generator.nextInt(in: margin...(height - margin))
        current.ballVelocityX = server == .left ? configuration.ballSpeedX : -configuration.ballSpeedX
        let up = generator.nextIndex(below: 2) == 0
        let speed =
            configuration.court == .classic
            ? configuration.ballSpeedY
            : generator.nextInt(in: 1...configuration.ballSpeedY)
        current.ballVelocityY = up ? speed : -speed
        gameCounters.serves[server] &+= 1
        current.nextServer = server.opponent
    }

    /// Each side's view of the current state.
    @inlinable
    public var observations: Pair<PongDuelPositions> {
        Pair(
            left: PongDuelPositions(current, side: .left, courtWidth: configuration.courtWidth),
            right: PongDuelPositions(current, side: .right, courtWidth: configuration.courtWidth))
    }

    /// Whether a paddle with its bottom edge at `paddleY` covers a ball centred at `ballY`.
    @inlinable
    public func paddle(at paddleY: Int, covers ballY: Int) -> Bool {
        PongDuelRules(configuration).paddle(at: paddleY, covers: ballY)
    }

    @inlinable
    public mutating func step(_ actions: Pair<PongDuelAction>) -> TwoAgentStep<PongDuelPositions> {
        let rules = PongDuelRules(configuration)
        current.stepCount &+= 1

        // 1. Move both paddles, each clamped to its range.
        current.paddleY.left = rules.movedPaddle(current.paddleY.left, by: actions.left)
        current.paddleY.right = rules.movedPaddle(current.paddleY.right, by: actions.right)

        // 2. Move the ball.
        current.ballX &+= current.ballVelocityX
        current.ballY &+= current.ballVelocityY

        // 3. The paddles' lines: a return, or a point for the other side and a new serve.
        var rewards = Pair(repeating: 0.0)
        let width = configuration.courtWidth, line = configuration.paddleLineX
        let arrived: Side? =
            current.ballVelocityX < 0 && current.ballX <= line
            ? .left
            : current.ballVelocityX > 0 && current.ballX >= width - line ? .right : nil
        if let side = arrived {
            let paddleY = current.paddleY[side]
            if rules.paddle(at: paddleY, covers: current.ballY) {
                current.ballVelocityX = 0 &- current.ballVelocityX
                if let speed = rules.deflectedSpeedY(paddleY: paddleY, ballY: current.ballY, incoming: current.ballVelocityY) {
                    current.ballVelocityY = speed
                }
                gameCounters.hits[side] &+= 1
                rewards[side] += configuration.hitReward
            } else {
                let scorer = side.opponent
                current.score[scorer] &+= 1
                gameCounters.points[scorer] &+= 1
                rewards[scorer] += configuration.pointReward
                rewards[side] -= configuration.pointReward
                if current.score[scorer] < configuration.pointsToWin { serve() }
            }
        }

        // 4. Floor and ceiling.
        rules.bounceOffWalls(y: &current.ballY, velocityY: &current.ballVelocityY)

        // 5. Game over, or cut by the step cap; the same for both sides.
        let terminated = current.score.left >= configuration.pointsToWin || current.score.right >= configuration.pointsToWin
        let truncated = !terminated && current.stepCount >= configuration.stepCap
        return TwoAgentStep(
            observations: observations, rewards: rewards,
            terminated: Pair(repeating: terminated), truncated: Pair(repeating: truncated))
    }
}

/// The ball's and the paddles' rules, shared by the world and by the scripts that predict it.
@usableFromInline
struct PongDuelRules {
    @usableFromInline let configuration: PongDuelConfiguration

    @inlinable init(_ configuration: PongDuelConfiguration) { self.configuration = configuration }

    /// A paddle's bottom edge after `action`, clamped to the court's range.
    @inlinable
    func movedPaddle(_ paddleY: Int, by action: PongDuelAction) -> Int {
        let speed = configuration.paddleSpeed
        let moved = action == .up ? paddleY &+ speed : action == .down ? paddleY &- speed : paddleY
        return min(max(moved, configuration.paddleMinimumY), configuration.paddleMaximumY)
    }

    /// The reference's hit test: the paddle, widened by the ball's radius, covers the ball.
    @inlinable
    func paddle(at paddleY: Int, covers ballY: Int) -> Bool {
        let radius = configuration.ballRadius
        return Double(paddleY + configuration.paddleHeight) >= Double(ballY) - radius
            && Double(paddleY) <= Double(ballY) + radius
    }

    /// The ball's vertical speed after a hit: unchanged on the classic court (nil). On the fast
    /// court the paddle adds spin by where it meets the ball: from 0 at the paddle's centre to
    /// ±`ballSpeedY` at the very edge of its reach (upwards above the centre), added to the
    /// incoming speed and clamped to ±`ballSpeedY`. A centred hit keeps the ball's angle; an
    /// edge sends it steeper, so a paddle that arrives late makes the next ball harder still.
    @inlinable
    func deflectedSpeedY(paddleY: Int, ballY: Int, incoming: Int) -> Int? {
        guard configuration.court == .fast else { return nil }
        let halfHeight = Double(configuration.paddleHeight) / 2
        let reach = halfHeight + configuration.ballRadius
        let offset = (Double(ballY) - (Double(paddleY) + halfHeight)) / reach
        let spin = Int((min(max(offset, -1), 1) * Double(configuration.ballSpeedY)).rounded(.toNearestOrAwayFromZero))
        return min(max(incoming &+ spin, -configuration.ballSpeedY), configuration.ballSpeedY)
    }

    /// Floor and ceiling. Classic: the reference's rule, reverse the y velocity once the ball
    /// is past an edge, without moving it back. Fast: reflect the ball's position too.
    @inlinable
    func bounceOffWalls(y: inout Int, velocityY: inout Int) {
        let height = configuration.courtHeight
        guard y < 0 || y > height else { return }
        velocityY = 0 &- velocityY
        if configuration.court == .fast { y = y < 0 ? 0 &- y : 2 &* height &- y }
    }
}

extension PongDuel: Resumable {
    /// The serve generator: between games it is all that carries over.
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }
}
