import RLCore

/// The paddle's and the ball's exact positions and velocity: what scripted agents see.
public struct PongPositions: Hashable, Sendable, CustomStringConvertible {
    /// The paddle's bottom edge.
    public var paddleY: Int
    /// The ball's centre.
    public var ballX: Int
    public var ballY: Int
    /// The ball's velocity, ±movement step on each axis.
    public var ballVelocityX: Int
    public var ballVelocityY: Int

    @inlinable
    public init(paddleY: Int, ballX: Int, ballY: Int, ballVelocityX: Int, ballVelocityY: Int) {
        self.paddleY = paddleY
        self.ballX = ballX
        self.ballY = ballY
        self.ballVelocityX = ballVelocityX
        self.ballVelocityY = ballVelocityY
    }

    /// The positions of a full state (lives, score and step count left out).
    @inlinable
    public init(_ state: PongState) {
        self.init(
            paddleY: state.paddleY, ballX: state.ballX, ballY: state.ballY,
            ballVelocityX: state.ballVelocityX, ballVelocityY: state.ballVelocityY)
    }

    public var description: String {
        "(paddle y \(paddleY), ball (\(ballX), \(ballY)) moving (\(ballVelocityX), \(ballVelocityY)))"
    }
}

/// Every reachable ``PongPositions`` of a configuration, flattened row-major as
/// (paddle y, ball y, ball x, moving right, moving up), over the same reachable ranges as the bins.
public struct PongPositionSpace: FiniteSpace, Sendable, Equatable {
    public let paddle: ClosedRange<Int>
    public let ballY: ClosedRange<Int>
    public let ballX: ClosedRange<Int>
    public let movementStep: Int

    public init(configuration: PongConfiguration) {
        paddle = configuration.paddleMinimumY...configuration.paddleMaximumY
        ballY = configuration.ballYBins.lowerBound...configuration.ballYBins.upperBound
        ballX = configuration.ballXBins.lowerBound...configuration.ballXBins.upperBound
        movementStep = configuration.movementStep
    }

    public var shape: [Int] { [paddle.count, ballY.count, ballX.count, 2, 2] }
    public var count: Int { paddle.count * ballY.count * ballX.count * 4 }

    public func index(of element: PongPositions) -> Int {
        let position =
            ((element.paddleY - paddle.lowerBound) * ballY.count + element.ballY - ballY.lowerBound) * ballX.count
            + element.ballX - ballX.lowerBound
        return position * 4 + (element.ballVelocityX > 0 ? 2 : 0) + (element.ballVelocityY > 0 ? 1 : 0)
    }

    public func element(at index: Int) -> PongPositions {
        precondition(index >= 0 && index < count)
        let position = index / 4
        return PongPositions(
            paddleY: paddle.lowerBound + position / (ballY.count * ballX.count),
            ballX: ballX.lowerBound + position % ballX.count,
            ballY: ballY.lowerBound + (position / ballX.count) % ballY.count,
            ballVelocityX: (index % 4) / 2 == 1 ? movementStep : -movementStep,
            ballVelocityY: index % 2 == 1 ? movementStep : -movementStep)
    }

    public func contains(_ element: PongPositions) -> Bool {
        paddle.contains(element.paddleY) && ballY.contains(element.ballY) && ballX.contains(element.ballX)
            && abs(element.ballVelocityX) == movementStep && abs(element.ballVelocityY) == movementStep
    }
}

/// Pong with the same rules, serves and counters, observed exactly: a small wrapper so that
/// scripted agents (``PongTracker``, ``PongOracle``) act through the ordinary ``Agent``
/// protocol and the generic evaluation loop, with no special path.
public struct FullyObservedPong: Environment, Sendable {
    public typealias Observation = PongPositions
    public typealias Action = PongAction

    /// The wrapped environment.
    public private(set) var base: PongEnvironment
    public let observationSpace: PongPositionSpace

    public init(_ base: PongEnvironment) {
        self.base = base
        observationSpace = PongPositionSpace(configuration: base.configuration)
    }

    @inlinable public var actionSpace: PongActionSpace { base.actionSpace }
    @inlinable public var counters: PongCounters { base.counters }
    public var configuration: PongConfiguration { base.configuration }

    public mutating func reset(seed: UInt64?) -> PongPositions {
        _ = base.reset(seed: seed)
        return PongPositions(base.state)
    }

    public mutating func step(_ action: PongAction) -> Step<PongPositions> {
        let step = base.step(action)
        return Step(
            observation: PongPositions(base.state), reward: step.reward,
            terminated: step.terminated, truncated: step.truncated)
    }
}
