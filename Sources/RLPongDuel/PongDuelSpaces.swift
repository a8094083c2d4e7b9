import RLCore

/// A paddle's moves. Raw values are the action indices in a Q-table (up and down first, as in
/// the single-player Pong, so both worlds' policy files name their actions alike).
///
/// The same three cases as `PongAction`, on purpose not the same type: sharing it would make
/// this world depend on the single-player Pong (or put a paddle in `RLCore`) for a ten-line
/// enum, and the generic ``EnumSpace`` already removed the copied space code.
public enum PongDuelAction: Int, Sendable, CaseIterable, CustomStringConvertible {
    case up = 0
    case down = 1
    case stay = 2

    public var description: String {
        switch self {
        case .up: "up"
        case .down: "down"
        case .stay: "stay"
        }
    }
}

/// Up, down and stay.
public typealias PongDuelActionSpace = EnumSpace<PongDuelAction>

/// The court's exact positions from one side's point of view: what the world gives each side,
/// and what scripted agents read. For the right side x is mirrored (x′ = W − x, and the x
/// velocity changes sign), so both sides see themselves at the left end: one table, or one
/// script, plays either side.
public struct PongDuelPositions: Hashable, Sendable, CustomStringConvertible {
    /// This side's paddle's bottom edge.
    public var paddleY: Int
    /// The opponent's paddle's bottom edge.
    public var opponentPaddleY: Int
    /// The ball's centre, x measured from this side's end.
    public var ballX: Int
    public var ballY: Int
    /// The ball's x velocity, positive away from this side.
    public var ballVelocityX: Int
    /// The ball's y velocity, positive upwards.
    public var ballVelocityY: Int

    @inlinable
    public init(paddleY: Int, opponentPaddleY: Int, ballX: Int, ballY: Int, ballVelocityX: Int, ballVelocityY: Int) {
        self.paddleY = paddleY
        self.opponentPaddleY = opponentPaddleY
        self.ballX = ballX
        self.ballY = ballY
        self.ballVelocityX = ballVelocityX
        self.ballVelocityY = ballVelocityY
    }

    /// One side's view of a state on a court `courtWidth` wide.
    @inlinable
    public init(_ state: PongDuelState, side: Side, courtWidth: Int) {
        let mirrored = side == .right
        self.init(
            paddleY: state.paddleY[side], opponentPaddleY: state.paddleY[side.opponent],
            ballX: mirrored ? courtWidth - state.ballX : state.ballX, ballY: state.ballY,
            ballVelocityX: mirrored ? -state.ballVelocityX : state.ballVelocityX, ballVelocityY: state.ballVelocityY)
    }

    /// Whether the ball is moving towards this side.
    @inlinable public var ballIsComing: Bool { ballVelocityX < 0 }

    public var description: String {
        "(paddle y \(paddleY), opponent y \(opponentPaddleY), ball (\(ballX), \(ballY)) moving (\(ballVelocityX), \(ballVelocityY)))"
    }
}

/// Every reachable ``PongDuelPositions`` of a configuration, flattened row-major as
/// (paddle y, opponent paddle y, ball x, ball y, x velocity, y velocity): the world's
/// observation space. Far too large for a table; tables use ``PongDuelObservationSpace``.
public struct PongDuelPositionSpace: FiniteSpace, Sendable, Equatable {
    public let paddle: ClosedRange<Int>
    public let ballX: ClosedRange<Int>
    public let ballY: ClosedRange<Int>
    public let ballSpeedX: Int
    /// The possible y velocities, lowest first.
    public let verticalSpeeds: [Int]

    public init(configuration: PongDuelConfiguration) {
        paddle = configuration.paddleMinimumY...configuration.paddleMaximumY
        ballX = configuration.ballXRange
        ballY = configuration.ballYRange
        ballSpeedX = configuration.ballSpeedX
        verticalSpeeds = configuration.ballVerticalSpeeds
    }

    public var shape: [Int] { [paddle.count, paddle.count, ballX.count, ballY.count, 2, verticalSpeeds.count] }
    public var count: Int { shape.reduce(1, *) }

    public func index(of element: PongDuelPositions) -> Int {
        precondition(contains(element), "\(element) is outside the position space")
        var index = element.paddleY - paddle.lowerBound
        index = index * paddle.count + element.opponentPaddleY - paddle.lowerBound
        index = index * ballX.count + element.ballX - ballX.lowerBound
        index = index * ballY.count + element.ballY - ballY.lowerBound
        index = index * 2 + (element.ballVelocityX > 0 ? 1 : 0)
        return index * verticalSpeeds.count + verticalSpeeds.firstIndex(of: element.ballVelocityY).unsafelyUnwrapped
    }

    public func element(at index: Int) -> PongDuelPositions {
        precondition(index >= 0 && index < count, "index \(index) is outside 0..<\(count)")
        var rest = index
        func next(_ size: Int) -> Int {
            defer { rest /= size }
            return rest % size
        }
        let speedY = next(verticalSpeeds.count), movingAway = next(2)
        let y = next(ballY.count), x = next(ballX.count)
        let opponent = next(paddle.count), own = next(paddle.count)
        return PongDuelPositions(
            paddleY: paddle.lowerBound + own, opponentPaddleY: paddle.lowerBound + opponent,
            ballX: ballX.lowerBound + x, ballY: ballY.lowerBound + y,
            ballVelocityX: movingAway == 1 ? ballSpeedX : -ballSpeedX, ballVelocityY: verticalSpeeds[speedY])
    }

    public func contains(_ element: PongDuelPositions) -> Bool {
        paddle.contains(element.paddleY) && paddle.contains(element.opponentPaddleY)
            && ballX.contains(element.ballX) && ballY.contains(element.ballY)
            && (element.ballVelocityX == ballSpeedX || element.ballVelocityX == -ballSpeedX)
            && verticalSpeeds.contains(element.ballVelocityY)
    }
}
