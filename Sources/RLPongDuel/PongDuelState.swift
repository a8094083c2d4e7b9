import RLCore

/// The exact positions on the court, seen from above the table: what a renderer draws and
/// what a replay restores. Coordinates are pixels; y grows upwards; the left paddle stands at
/// x ≤ the paddle line, the right one at x ≥ W − the paddle line.
public struct PongDuelState: Sendable, Hashable {
    /// Each paddle's bottom edge.
    public var paddleY: Pair<Int>
    /// The ball's centre.
    public var ballX: Int
    public var ballY: Int
    /// The ball's velocity: x positive towards the right side, y positive upwards.
    public var ballVelocityX: Int
    public var ballVelocityY: Int
    /// Points won so far.
    public var score: Pair<Int>
    /// Who serves the next ball.
    public var nextServer: Side
    /// Steps taken in this game.
    public var stepCount: Int

    public init(
        paddleY: Pair<Int>, ballX: Int, ballY: Int, ballVelocityX: Int, ballVelocityY: Int,
        score: Pair<Int> = Pair(repeating: 0), nextServer: Side = .left, stepCount: Int = 0
    ) {
        self.paddleY = paddleY
        self.ballX = ballX
        self.ballY = ballY
        self.ballVelocityX = ballVelocityX
        self.ballVelocityY = ballVelocityY
        self.score = score
        self.nextServer = nextServer
        self.stepCount = stepCount
    }
}

/// A duel's counters for one game.
public struct PongDuelCounters: EpisodeCounters {
    /// Balls each side returned.
    public var hits = Pair(repeating: 0)
    /// Points each side won (each one a ball the other side missed).
    public var points = Pair(repeating: 0)
    /// Serves each side made (the first ball and one after every point but the last).
    public var serves = Pair(repeating: 0)

    public init() {}

    /// The side with more points, or nil on a tie (a truncated game can end level).
    public var leader: Side? {
        points.left == points.right ? nil : (points.left > points.right ? .left : .right)
    }
}
