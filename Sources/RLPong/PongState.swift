import RLCore

/// The exact positions on the court: what a renderer draws and what an oracle reads.
/// Coordinates are pixels; y grows upwards; the paddle stands at the left edge.
public struct PongState: Sendable, Equatable, Hashable {
    /// The paddle's bottom edge.
    public var paddleY: Int
    /// The ball's centre.
    public var ballX: Int
    public var ballY: Int
    /// The ball's velocity, ±movement step on each axis.
    public var ballVelocityX: Int
    public var ballVelocityY: Int
    /// Lives left.
    public var lives: Int
    /// The episode's total reward so far.
    public var score: Double
    /// Steps taken in this episode.
    public var stepCount: Int

    public init(
        paddleY: Int, ballX: Int, ballY: Int, ballVelocityX: Int, ballVelocityY: Int, lives: Int, score: Double = 0, stepCount: Int = 0
    ) {
        self.paddleY = paddleY
        self.ballX = ballX
        self.ballY = ballY
        self.ballVelocityX = ballVelocityX
        self.ballVelocityY = ballVelocityY
        self.lives = lives
        self.score = score
        self.stepCount = stepCount
    }
}

/// Pong's counters for one episode.
public struct PongCounters: EpisodeCounters {
    /// Balls returned.
    public var hits = 0
    /// Balls missed (each costs a life).
    public var misses = 0
    /// Misses where some paddle position in the paddle's range would have hit the ball.
    public var avoidableMisses = 0
    /// Serves played (the first one and every respawn).
    public var serves = 0
    /// The episode ended because the total reward exceeded the winning score.
    public var won = false

    public init() {}
}
