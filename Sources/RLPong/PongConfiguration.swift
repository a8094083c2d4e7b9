/// What the agent observes of the court.
public enum PongObservationMode: String, Sendable, Codable, CaseIterable {
    /// The tutorial's state: paddle bin, ball-y bin, ball-x bin. Not Markov: a ball moving
    /// towards the paddle and one moving away look alike.
    case classic
    /// The classic state plus the ball's x and y direction.
    case markov
    /// No bins: the exact positions and the ball's velocity as real coordinates
    /// (``ContinuousPong``), for agents that learn linear functions of features.
    case continuous
}

/// Every number of the reference rules (docs/PONG.md), with its defaults.
///
/// A configuration comes from untrusted policy files too, so ``validate()`` bounds every number
/// (see ``Limits``), comparing without arithmetic that could overflow.
public struct PongConfiguration: Sendable, Equatable, Codable {
    /// Court width W in pixels.
    public var courtWidth = 50
    /// Court height H in pixels.
    public var courtHeight = 40
    /// Movement step m: the paddle's speed and the ball's speed on each axis.
    public var movementStep = 3
    /// Paddle height P; the reference uses H / 4.
    public var paddleHeight = 10
    /// Ball radius r: it widens the paddle's reach in the hit test.
    public var ballRadius = 2.5
    /// The ball reaches the paddle's side when its x is at or below this.
    public var paddleLineX = 3
    /// Serves start at a y in `0...(courtHeight - serveTopMargin)`.
    public var serveTopMargin = 10
    /// Lives at the start of an episode.
    public var lives = 3
    /// Reward for returning the ball.
    public var hitReward = 10.0
    /// Reward for missing it (a life is lost too).
    public var missReward = -10.0
    /// Reward for every other step.
    public var stepReward = 0.0
    /// Steps after which an episode is truncated.
    public var stepCap = 3000
    /// The episode is won (terminated) once the total reward exceeds this.
    public var winningScore = 1000.0
    /// What the agent observes.
    public var observation = PongObservationMode.markov
    /// Adds a third action, "stay", to the tutorial's up and down.
    public var allowsStay = false

    /// The reference rules, with the observation and action choices given.
    public init(observation: PongObservationMode = .markov, allowsStay: Bool = false) {
        self.observation = observation
        self.allowsStay = allowsStay
    }

    /// The lowest y the paddle's bottom edge can take.
    public var paddleMinimumY: Int { -movementStep }
    /// The highest y the paddle's bottom edge can take.
    public var paddleMaximumY: Int { courtHeight - paddleHeight }

    /// The bounds ``validate()`` enforces. The reference court is 50 × 40 pixels; these leave
    /// room for courts hundreds of times larger while keeping every sum and product of the rules
    /// (positions, bins, table sizes, returns over an episode) far from overflow.
    public enum Limits {
        /// Court width and height, paddle height and ball radius, in pixels.
        public static let size = 10_000
        /// Steps of one episode before it is truncated.
        public static let stepCap = 10_000_000
        /// Lives at the start of an episode.
        public static let lives = 1_000
        /// The magnitude of any one reward.
        public static let reward = 1e6
        /// The magnitude of the winning score.
        public static let winningScore = 1e12
    }

    /// Checks that the numbers describe a playable court, each within ``Limits``.
    public func validate() throws(PongConfigurationError) {
        func require(_ condition: Bool, _ message: String) throws(PongConfigurationError) {
            if !condition { throw PongConfigurationError(message: message) }
        }
        let size = Limits.size
        try require((1...size).contains(courtWidth), "court width must be in 1...\(size)")
        try require((1...size).contains(courtHeight), "court height must be in 1...\(size)")
        try require(movementStep > 0 && movementStep < courtHeight, "movement step must be positive and smaller than the court height")
        // P <= H / 2 (integer division) is 2P <= H without the multiplication that could overflow.
        try require(
            paddleHeight > 0 && paddleHeight <= courtHeight / 2,
            "paddle height must be positive and at most half the court height (the paddle starts at y = P)")
        try require(ballRadius.isFinite && ballRadius >= 0 && ballRadius <= Double(size), "ball radius must be in 0...\(size)")
        try require(paddleLineX >= 0 && paddleLineX < courtWidth / 2, "paddle line must lie in the left half of the court")
        try require(serveTopMargin >= 0 && serveTopMargin <= courtHeight, "serve margin must be in 0...court height")
        try require((1...Limits.lives).contains(lives), "lives must be in 1...\(Limits.lives)")
        try require(
            [hitReward, missReward, stepReward].allSatisfy { $0.isFinite && abs($0) <= Limits.reward },
            "rewards must be finite and within ±1000000")
        try require((1...Limits.stepCap).contains(stepCap), "step cap must be in 1...\(Limits.stepCap)")
        try require(winningScore.isFinite && abs(winningScore) <= Limits.winningScore, "winning score must be finite and within ±1e12")
    }
}

/// A configuration that cannot describe a playable court.
public struct PongConfigurationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
