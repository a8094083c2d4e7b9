import RLCore

/// What a table sees of the court from one side: bins of both paddles and of the ball's
/// position, the ball's x direction and its vertical speed, all from that side's point of view
/// (the right side's court is mirrored), so one table plays either side.
public struct PongDuelObservation: Hashable, Sendable, CustomStringConvertible {
    /// This side's paddle's bin (0 = lowest).
    public var paddle: Int
    /// The opponent's paddle's bin (0 = lowest).
    public var opponentPaddle: Int
    /// The ball's x bin (0 = nearest this side).
    public var ballX: Int
    /// The ball's y bin (0 = lowest).
    public var ballY: Int
    /// 1 when the ball moves away from this side, 0 when it is coming.
    public var ballMovingAway: Int
    /// The ball's vertical speed, as its index among the court's speeds (0 = steepest down).
    public var ballVerticalSpeed: Int

    @inlinable
    public init(paddle: Int, opponentPaddle: Int, ballX: Int, ballY: Int, ballMovingAway: Int, ballVerticalSpeed: Int) {
        self.paddle = paddle
        self.opponentPaddle = opponentPaddle
        self.ballX = ballX
        self.ballY = ballY
        self.ballMovingAway = ballMovingAway
        self.ballVerticalSpeed = ballVerticalSpeed
    }

    public var description: String {
        "(paddle \(paddle), opponent \(opponentPaddle), ball x \(ballX), ball y \(ballY), \(ballMovingAway == 1 ? "away" : "coming"), vertical speed \(ballVerticalSpeed))"
    }
}

/// All tabular observations of a configuration, flattened row-major as (paddle, opponent
/// paddle, ball x, ball y, moving away, vertical speed); and the discretiser that maps a side's
/// exact ``PongDuelPositions`` to them, so a table plays the world through a ``MappedAgent``.
///
/// Each position dimension is cut into bins `binWidth` pixels wide from its lowest reachable
/// value, so every reachable position has a bin. With the defaults: classic 12 × 12 × 17 × 16
/// × 2 × 2 = 156,672 states; fast 9 × 9 × 15 × 11 × 2 × 9 = 240,570 states.
public struct PongDuelObservationSpace: FiniteSpace, ObservationMapping, Sendable, Equatable {
    public let paddleRange: ClosedRange<Int>
    public let ballXRange: ClosedRange<Int>
    public let ballYRange: ClosedRange<Int>
    public let binWidth: Int
    /// The court's vertical speeds, lowest first; an observation stores an index into them.
    public let verticalSpeeds: [Int]
    /// Bin counts per dimension.
    public let paddleCount: Int
    public let ballXCount: Int
    public let ballYCount: Int
    @usableFromInline let strides: [Int]
    // The index of each vertical speed v at v + ballSpeedY.
    @usableFromInline let speedIndex: [Int]
    @usableFromInline let maximumSpeedY: Int

    public init(configuration: PongDuelConfiguration) {
        paddleRange = configuration.paddleMinimumY...configuration.paddleMaximumY
        ballXRange = configuration.ballXRange
        ballYRange = configuration.ballYRange
        binWidth = configuration.binWidth
        verticalSpeeds = configuration.ballVerticalSpeeds
        paddleCount = Self.binCount(paddleRange, binWidth)
        ballXCount = Self.binCount(ballXRange, binWidth)
        ballYCount = Self.binCount(ballYRange, binWidth)
        maximumSpeedY = configuration.ballSpeedY
        var speedIndex = Array(repeating: 0, count: 2 * configuration.ballSpeedY + 1)
        for (index, speed) in verticalSpeeds.enumerated() { speedIndex[speed + configuration.ballSpeedY] = index }
        self.speedIndex = speedIndex
        let shape = [paddleCount, paddleCount, ballXCount, ballYCount, 2, verticalSpeeds.count]
        var strides = Array(repeating: 1, count: shape.count)
        for dimension in stride(from: shape.count - 2, through: 0, by: -1) {
            strides[dimension] = strides[dimension + 1] * shape[dimension + 1]
        }
        self.strides = strides
    }

    static func binCount(_ range: ClosedRange<Int>, _ width: Int) -> Int { (range.upperBound - range.lowerBound) / width + 1 }

    /// The number of states of a configuration's tabular observation, without building it
    /// (`Int.max` if it would overflow).
    public static func stateCount(of configuration: PongDuelConfiguration) -> Int {
        let width = max(configuration.binWidth, 1)
        let paddle = binCount(configuration.paddleMinimumY...max(configuration.paddleMinimumY, configuration.paddleMaximumY), width)
        let factors = [
            paddle, paddle, binCount(configuration.ballXRange, width), binCount(configuration.ballYRange, width),
            2, configuration.ballVerticalSpeeds.count,
        ]
        var product = 1
        for factor in factors {
            let (result, overflow) = product.multipliedReportingOverflow(by: factor)
            if overflow { return .max }
            product = result
        }
        return product
    }

    public var shape: [Int] { [paddleCount, paddleCount, ballXCount, ballYCount, 2, verticalSpeeds.count] }
    public var count: Int { strides[0] * paddleCount }

    /// The dimensions' names, in order, for inspection and files.
    public var dimensionNames: [String] {
        ["paddle", "opponent_paddle", "ball_x", "ball_y", "ball_moving_away", "ball_vertical_speed"]
    }

    /// The bin observation of a side's exact positions.
    @inlinable
    public func map(_ positions: PongDuelPositions) -> PongDuelObservation {
        PongDuelObservation(
            paddle: (positions.paddleY - paddleRange.lowerBound) / binWidth,
            opponentPaddle: (positions.opponentPaddleY - paddleRange.lowerBound) / binWidth,
            ballX: (positions.ballX - ballXRange.lowerBound) / binWidth,
            ballY: (positions.ballY - ballYRange.lowerBound) / binWidth,
            ballMovingAway: positions.ballVelocityX > 0 ? 1 : 0,
            ballVerticalSpeed: speedIndex[positions.ballVelocityY + maximumSpeedY])
    }

    @inlinable
    public func index(of element: PongDuelObservation) -> Int {
        (element.paddle &* strides[0] &+ element.opponentPaddle &* strides[1] &+ element.ballX &* strides[2])
            &+ (element.ballY &* strides[3] &+ element.ballMovingAway &* strides[4] &+ element.ballVerticalSpeed)
    }

    public func element(at index: Int) -> PongDuelObservation {
        precondition(index >= 0 && index < count, "index \(index) is outside 0..<\(count)")
        let values = zip(shape, strides).map { size, stride in (index / stride) % size }
        return PongDuelObservation(
            paddle: values[0], opponentPaddle: values[1], ballX: values[2], ballY: values[3],
            ballMovingAway: values[4], ballVerticalSpeed: values[5])
    }

    public func contains(_ element: PongDuelObservation) -> Bool {
        (0..<paddleCount).contains(element.paddle) && (0..<paddleCount).contains(element.opponentPaddle)
            && (0..<ballXCount).contains(element.ballX) && (0..<ballYCount).contains(element.ballY)
            && (0...1).contains(element.ballMovingAway) && verticalSpeeds.indices.contains(element.ballVerticalSpeed)
    }
}
