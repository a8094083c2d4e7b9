import RLCore

/// What the agent sees of the court without bins: the paddle's and ball's exact positions and
/// the ball's velocity, in pixels (Pong's observation as Gymnasium's `Box`).
public struct PongCoordinates: ContinuousObservation, Hashable {
    /// The paddle's bottom edge.
    public var paddleY: Double
    /// The ball's centre.
    public var ballX: Double
    public var ballY: Double
    /// The ball's velocity, ±movement step on each axis.
    public var ballVelocityX: Double
    public var ballVelocityY: Double

    @inlinable
    public init(paddleY: Double, ballX: Double, ballY: Double, ballVelocityX: Double, ballVelocityY: Double) {
        self.paddleY = paddleY
        self.ballX = ballX
        self.ballY = ballY
        self.ballVelocityX = ballVelocityX
        self.ballVelocityY = ballVelocityY
    }

    /// The coordinates of an exact state.
    @inlinable
    public init(_ state: PongState) {
        self.init(
            paddleY: Double(state.paddleY), ballX: Double(state.ballX), ballY: Double(state.ballY),
            ballVelocityX: Double(state.ballVelocityX), ballVelocityY: Double(state.ballVelocityY))
    }

    public static let dimensionNames = ["paddleY", "ballX", "ballY", "ballVelocityX", "ballVelocityY"]

    @inlinable
    public subscript(dimension: Int) -> Double {
        switch dimension {
        case 0: paddleY
        case 1: ballX
        case 2: ballY
        case 3: ballVelocityX
        case 4: ballVelocityY
        default: preconditionFailure("a Pong point has 5 coordinates, not \(dimension + 1)")
        }
    }
}

/// The reference rules' Pong seen without bins: the same court, serves, rewards and step cap as
/// ``PongEnvironment`` (it plays one), observed as ``PongCoordinates``.
public struct ContinuousPong: Environment, Resumable, Sendable {
    public typealias Observation = PongCoordinates
    public typealias Action = PongAction

    /// The binned game underneath: the dynamics, counters and serve generator.
    public var court: PongEnvironment { game }
    @usableFromInline var game: PongEnvironment
    public let observationSpace: Box<PongCoordinates>
    public let actionSpace: PongActionSpace

    /// A court ready to play; call ``reset(seed:)`` to serve with a chosen seed.
    /// - Throws: when the configuration does not describe a playable court.
    public init(configuration: PongConfiguration = PongConfiguration(observation: .continuous), seed: UInt64 = 0)
        throws(PongConfigurationError)
    {
        game = try PongEnvironment(configuration: configuration, seed: seed)
        actionSpace = game.actionSpace
        observationSpace = Box(low: Self.lowerBounds(configuration), high: Self.upperBounds(configuration))
    }

    /// The smallest value each coordinate can take under the rules: the reachable ranges the
    /// bins cover (``PongConfiguration/paddleBins`` and the ball's), and the velocity's −m.
    public static func lowerBounds(_ configuration: PongConfiguration) -> [Double] {
        let m = Double(configuration.movementStep)
        return [configuration.paddleBins, configuration.ballXBins, configuration.ballYBins].map { Double($0.lowerBound) } + [-m, -m]
    }

    /// The largest value each coordinate can take (the paddle up to H − P, the ball one step past
    /// the ceiling and the far wall).
    public static func upperBounds(_ configuration: PongConfiguration) -> [Double] {
        let m = Double(configuration.movementStep)
        return [configuration.paddleBins, configuration.ballXBins, configuration.ballYBins].map { Double($0.upperBound) } + [m, m]
    }

    @inlinable public var state: PongState { game.state }
    @inlinable public var counters: PongCounters { game.counters }
    public var configuration: PongConfiguration { court.configuration }

    public mutating func reset(seed: UInt64?) -> PongCoordinates {
        _ = game.reset(seed: seed)
        return PongCoordinates(game.state)
    }

    @inlinable @inline(__always)
    public mutating func step(_ action: PongAction) -> Step<PongCoordinates> {
        let step = game.step(action)
        return Step(
            observation: PongCoordinates(game.state), reward: step.reward, terminated: step.terminated, truncated: step.truncated)
    }

    /// Puts the court in a given state (for tests, renderers and oracles).
    public mutating func restore(_ state: PongState, counters: PongCounters = PongCounters()) -> PongCoordinates {
        _ = game.restore(state, counters: counters)
        return PongCoordinates(state)
    }

    public var generatorState: [UInt64] {
        get { game.generatorState }
        set { game.generatorState = newValue }
    }
}
