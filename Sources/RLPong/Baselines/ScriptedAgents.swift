import RLCore

/// Where the ball will meet the paddle's line.
public struct BallArrival: Sendable, Equatable {
    /// The ball's y when it reaches the paddle's line (what the hit test sees).
    public var ballY: Int
    /// Steps until then (1 = the next step).
    public var steps: Int
}

extension PongConfiguration {
    /// Predicts where the ball will next reach the paddle's line, by playing the ball's rules
    /// forward (move, reflect off the far wall, reflect off floor and ceiling).
    public func arrival(of positions: PongPositions) -> BallArrival {
        var x = positions.ballX, y = positions.ballY
        var dx = positions.ballVelocityX, dy = positions.ballVelocityY
        // A ball crosses the court and back in well under 4 (W + H) / m steps; the cap only
        // guards against a configuration where it never arrives.
        let limit = 4 * (courtWidth + courtHeight) / movementStep + 4
        for steps in 1...limit {
            x += dx
            y += dy
            if x <= paddleLineX { return BallArrival(ballY: y, steps: steps) }
            if x > courtWidth { dx = -dx }
            if y < 0 || y > courtHeight { dy = -dy }
        }
        return BallArrival(ballY: y, steps: limit)
    }

    /// The action that moves the paddle's bottom edge towards `target`: up or down, or stay
    /// when it is within half a step and staying is allowed.
    @inlinable
    func move(paddleY: Int, towards target: Double) -> PongAction {
        let offset = target - Double(paddleY)
        if allowsStay && abs(offset) <= Double(movementStep) / 2 { return .stay }
        return offset > 0 ? .up : .down
    }

    /// The paddle bottom that centres the paddle on a ball at `ballY`.
    @inlinable
    func centredPaddle(on ballY: Int) -> Double { Double(ballY) - Double(paddleHeight) / 2 }
}

/// A scripted agent that moves the paddle's centre towards the ball's current height.
public struct PongTracker: ScriptedAgent, Sendable {
    public typealias Observation = PongPositions
    public typealias Action = PongAction

    public let configuration: PongConfiguration

    public init(configuration: PongConfiguration) { self.configuration = configuration }

    public mutating func action(for observation: PongPositions, mode: AgentMode) -> PongAction {
        configuration.move(paddleY: observation.paddleY, towards: configuration.centredPaddle(on: observation.ballY))
    }
}

/// A scripted agent that knows where the ball will reach the paddle's line and moves the
/// paddle's centre there: the ceiling. It makes no avoidable miss while the paddle can reach
/// its target in time (always, with the reference speeds).
public struct PongOracle: ScriptedAgent, Sendable {
    public typealias Observation = PongPositions
    public typealias Action = PongAction

    public let configuration: PongConfiguration

    public init(configuration: PongConfiguration) { self.configuration = configuration }

    public mutating func action(for observation: PongPositions, mode: AgentMode) -> PongAction {
        let arrival = configuration.arrival(of: observation)
        // Without "stay" the paddle must move every step; aiming at the centre keeps it within
        // one step of it, and a paddle of height P covers P/2 + r ≥ m on either side.
        return configuration.move(paddleY: observation.paddleY, towards: configuration.centredPaddle(on: arrival.ballY))
    }
}
