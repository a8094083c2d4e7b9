import RLCore

/// The paddle's moves. Raw values are the action indices in the Q-table.
public enum PongAction: Int, Sendable, CaseIterable, CustomStringConvertible {
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

/// The actions of a configuration: up and down, plus stay when allowed.
public typealias PongActionSpace = EnumSpace<PongAction>

extension EnumSpace where Element == PongAction {
    public init(allowsStay: Bool) { self.init(first: allowsStay ? 3 : 2) }
}

/// What the agent sees: bins of the paddle and ball positions and, in the `markov` mode, the
/// ball's direction (0 or 1 on each axis; always 0 in the `classic` mode).
public struct PongObservation: Hashable, Sendable, CustomStringConvertible {
    /// The paddle's bin (0 = lowest).
    public var paddle: Int
    /// The ball's y bin (0 = lowest).
    public var ballY: Int
    /// The ball's x bin (0 = nearest the paddle).
    public var ballX: Int
    /// 1 when the ball moves right (away from the paddle), else 0. Always 0 in `classic`.
    public var ballMovingRight: Int
    /// 1 when the ball moves up, else 0. Always 0 in `classic`.
    public var ballMovingUp: Int

    @inlinable
    public init(paddle: Int, ballY: Int, ballX: Int, ballMovingRight: Int = 0, ballMovingUp: Int = 0) {
        self.paddle = paddle
        self.ballY = ballY
        self.ballX = ballX
        self.ballMovingRight = ballMovingRight
        self.ballMovingUp = ballMovingUp
    }

    public var description: String {
        "(paddle \(paddle), ball y \(ballY), ball x \(ballX), moving \(ballMovingRight == 1 ? "right" : "left")/\(ballMovingUp == 1 ? "up" : "down"))"
    }
}

/// All observations of a configuration, flattened row-major as
/// (paddle, ball y, ball x[, moving right, moving up]).
public struct PongObservationSpace: FiniteSpace, Sendable, Equatable {
    public let mode: PongObservationMode
    public let paddleCount: Int
    public let ballYCount: Int
    public let ballXCount: Int
    // Row-major strides of each dimension (0 for the directions in `classic`). The index is a
    // sum of independent products, so the multiplications run in parallel instead of in a chain.
    @usableFromInline let paddleStride: Int
    @usableFromInline let ballYStride: Int
    @usableFromInline let ballXStride: Int
    @usableFromInline let movingRightStride: Int
    @usableFromInline let movingUpStride: Int

    public init(configuration: PongConfiguration) {
        mode = configuration.observation
        paddleCount = configuration.paddleBins.count
        ballYCount = configuration.ballYBins.count
        ballXCount = configuration.ballXBins.count
        let directions = mode == .markov ? 4 : 1
        ballXStride = directions
        ballYStride = ballXCount * directions
        paddleStride = ballYCount * ballXCount * directions
        movingRightStride = mode == .markov ? 2 : 0
        movingUpStride = mode == .markov ? 1 : 0
    }

    @usableFromInline var directionCount: Int { mode == .markov ? 4 : 1 }

    public var count: Int { paddleCount * ballYCount * ballXCount * directionCount }

    public var shape: [Int] {
        mode == .markov ? [paddleCount, ballYCount, ballXCount, 2, 2] : [paddleCount, ballYCount, ballXCount]
    }

    /// The dimensions' names, in order, for inspection and files.
    public var dimensionNames: [String] {
        mode == .markov ? ["paddle", "ball_y", "ball_x", "ball_moving_right", "ball_moving_up"] : ["paddle", "ball_y", "ball_x"]
    }

    @inlinable @inline(__always)
    public func index(of element: PongObservation) -> Int {
        assert(contains(element), "observation \(element) is outside the Pong observation space \(shape)")
        return (element.paddle &* paddleStride &+ element.ballY &* ballYStride &+ element.ballX &* ballXStride)
            &+ (element.ballMovingRight &* movingRightStride &+ element.ballMovingUp &* movingUpStride)
    }

    public func element(at index: Int) -> PongObservation {
        precondition(index >= 0 && index < count)
        let directions = index % directionCount
        let position = index / directionCount
        return PongObservation(
            paddle: position / (ballYCount * ballXCount),
            ballY: (position / ballXCount) % ballYCount,
            ballX: position % ballXCount,
            ballMovingRight: directions / 2,
            ballMovingUp: directions % 2)
    }

    public func contains(_ element: PongObservation) -> Bool {
        let directionsValid =
            mode == .markov
            ? (0...1).contains(element.ballMovingRight) && (0...1).contains(element.ballMovingUp)
            : element.ballMovingRight == 0 && element.ballMovingUp == 0
        return (0..<paddleCount).contains(element.paddle) && (0..<ballYCount).contains(element.ballY)
            && (0..<ballXCount).contains(element.ballX) && directionsValid
    }
}
