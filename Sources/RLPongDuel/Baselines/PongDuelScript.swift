import RLCore

/// Where a coming ball will meet a side's line.
public struct PongDuelArrival: Sendable, Equatable {
    /// The ball's y when it reaches the line (what the hit test sees).
    public var ballY: Int
    /// Steps until then (1 = the next step).
    public var steps: Int
}

extension PongDuelConfiguration {
    /// Predicts where a ball coming towards the side that sees `positions` will reach that
    /// side's line, by playing the ball's rules forward (floor and ceiling included); nil when
    /// the ball is moving away (where it comes back depends on the opponent's return).
    public func arrival(of positions: PongDuelPositions) -> PongDuelArrival? {
        guard positions.ballIsComing else { return nil }
        let rules = PongDuelRules(self)
        var x = positions.ballX, y = positions.ballY, dy = positions.ballVelocityY
        // A coming ball reaches the line in at most W / ball speed x steps.
        for steps in 1...(courtWidth / ballSpeedX + 2) {
            x += positions.ballVelocityX
            y += dy
            if x <= paddleLineX { return PongDuelArrival(ballY: y, steps: steps) }
            rules.bounceOffWalls(y: &y, velocityY: &dy)
        }
        return nil
    }

    /// The action that moves a paddle's centre towards `targetY`: stay when it is within half
    /// a step, else up or down at full speed.
    @inlinable
    func move(paddleY: Int, centreTowards targetY: Double) -> PongDuelAction {
        let offset = targetY - (Double(paddleY) + Double(paddleHeight) / 2)
        if abs(offset) <= Double(paddleSpeed) / 2 { return .stay }
        return offset > 0 ? .up : .down
    }
}

/// A scripted player: what a learned table is measured against. Scripts read the exact
/// positions from their own side's point of view, so one script plays either side.
public struct PongDuelScript: ScriptedAgent, Sendable {
    public typealias Observation = PongDuelPositions
    public typealias Action = PongDuelAction

    /// The scripts, weakest first.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Up, down or stay uniformly at random: the floor.
        case random
        /// Moves its paddle's centre towards the ball's current height at full paddle speed.
        /// On the fast court it arrives late for steep balls.
        case tracker
        /// Moves its paddle's centre to where a coming ball will cross its line, bounces
        /// included, and back to the middle while the ball moves away: the strongest script.
        case predictor
    }

    public let kind: Kind
    public let configuration: PongDuelConfiguration
    @usableFromInline var generator: Xoshiro256StarStar

    /// - Parameter seed: seeds the random script's own generator (the others ignore it).
    public init(_ kind: Kind, configuration: PongDuelConfiguration, seed: UInt64 = 0) {
        self.kind = kind
        self.configuration = configuration
        generator = Xoshiro256StarStar(seed: seed)
    }

    public mutating func action(for observation: PongDuelPositions, mode: AgentMode) -> PongDuelAction {
        switch kind {
        case .random:
            return PongDuelActionSpace().randomElement(using: &generator)
        case .tracker:
            return configuration.move(paddleY: observation.paddleY, centreTowards: Double(observation.ballY))
        case .predictor:
            let target = configuration.arrival(of: observation).map { Double($0.ballY) } ?? Double(configuration.courtHeight) / 2
            return configuration.move(paddleY: observation.paddleY, centreTowards: target)
        }
    }
}

extension PongDuelScript: Resumable {
    /// The random script's generator (the other scripts draw nothing, but keep one too).
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }
}
