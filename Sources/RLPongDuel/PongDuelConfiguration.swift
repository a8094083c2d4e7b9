/// The physics a duel is played with.
public enum PongDuelCourt: String, Sendable, Codable, CaseIterable {
    /// The single-player Pong's physics (docs/PONG.md) with a paddle at each end:
    /// paddle and ball move by the same step m on every axis, a hit only reverses the ball's
    /// x direction, the paddle is clamped to [−m, H − P], and the floor and ceiling reverse the
    /// ball's y direction without correcting its position.
    case classic
    /// An anticipation court: the paddle is slower than the ball, and the ball's vertical speed
    /// after a hit depends on where it meets the paddle (the edges add spin and send it
    /// steeper, the centre keeps its angle). A paddle
    /// that follows the ball arrives late; one that goes where the ball will cross its line
    /// does not. The paddle is clamped to [0, H − P] and the floor and ceiling reflect the ball
    /// (its position too), so it stays in [0, H].
    case fast
}

/// Every number of a two-player Pong, with the defaults of each court.
///
/// Coordinates are pixels, y grows upwards. The left paddle stands at x ≤ `paddleLineX`, the
/// right one at x ≥ `courtWidth − paddleLineX`: the court is the same seen from either end.
/// Decoding starts from the named court's defaults, so a file need only list what it changes.
public struct PongDuelConfiguration: Sendable, Equatable, Codable {
    /// The physics; also chooses the defaults of every other number.
    public var court: PongDuelCourt
    /// Court width W in pixels; even, so the centre line mirrors onto itself.
    public var courtWidth: Int
    /// Court height H in pixels.
    public var courtHeight: Int
    /// Paddle height P.
    public var paddleHeight: Int
    /// The ball reaches the left paddle's line at x ≤ this, the right one's at x ≥ W − this.
    public var paddleLineX: Int
    /// Ball radius r: it widens the paddle's reach in the hit test.
    public var ballRadius: Double
    /// How far a paddle moves in one step.
    public var paddleSpeed: Int
    /// How far the ball moves along x in one step.
    public var ballSpeedX: Int
    /// On the classic court, how far the ball moves along y in one step; on the fast court,
    /// the steepest vertical speed a serve or a return can give.
    public var ballSpeedY: Int
    /// Serves start at a y in `serveMargin...(courtHeight − serveMargin)`.
    public var serveMargin: Int
    /// The game ends (terminated) when one side has this many points.
    public var pointsToWin: Int
    /// Steps after which a game is truncated.
    public var stepCap: Int
    /// Reward for winning a point; the side that missed gets its negative.
    public var pointReward: Double
    /// Reward for returning the ball (0: the game's score alone).
    public var hitReward: Double
    /// How many pixels share one bin of the tabular observation (positions of both paddles
    /// and of the ball).
    public var binWidth: Int

    /// The defaults of a court.
    public init(court: PongDuelCourt = .classic) {
        self.court = court
        // Shared by both courts: a game to 11 points, as in table tennis; 1 for a point.
        pointsToWin = 11
        stepCap = 10_000
        pointReward = 1
        hitReward = 0
        switch court {
        case .classic:
            // The reference's numbers: W 50, H 40, P = H / 4, r 2.5, paddle line 3, and one
            // movement step m = 3 for the paddle and for the ball on each axis.
            courtWidth = 50
            courtHeight = 40
            paddleHeight = 10
            paddleLineX = 3
            ballRadius = 2.5
            paddleSpeed = 3
            ballSpeedX = 3
            ballSpeedY = 3
            serveMargin = 5
            binWidth = 3
        case .fast:
            // Tuned so that most of the tracker's misses (78% measured, at least 30% required)
            // are balls the predictor returns from the same situation, while rallies between
            // trackers still end (docs/PONG-DUEL.md).
            courtWidth = 60
            courtHeight = 40
            paddleHeight = 8
            paddleLineX = 3
            ballRadius = 1.5
            paddleSpeed = 2
            ballSpeedX = 3
            ballSpeedY = 4
            serveMargin = 5
            binWidth = 4
        }
    }

    /// The classic court's defaults.
    public static var classic: PongDuelConfiguration { PongDuelConfiguration(court: .classic) }
    /// The fast court's defaults.
    public static var fast: PongDuelConfiguration { PongDuelConfiguration(court: .fast) }

    /// The lowest y a paddle's bottom edge can take.
    public var paddleMinimumY: Int { court == .classic ? -paddleSpeed : 0 }
    /// The highest y a paddle's bottom edge can take.
    public var paddleMaximumY: Int { courtHeight - paddleHeight }
    /// Where both paddles start a game: centred.
    public var paddleStartY: Int { (courtHeight - paddleHeight) / 2 }

    /// The ball's reachable x, seen from either side (0 is that side's end): it moves towards a
    /// line only while beyond it, so it gets at most one step past either line.
    public var ballXRange: ClosedRange<Int> { (paddleLineX + 1 - ballSpeedX)...(courtWidth - paddleLineX - 1 + ballSpeedX) }
    /// The ball's reachable y: on the classic court it turns only once past the floor or the
    /// ceiling, so it can stand one step outside; the fast court reflects it back inside.
    public var ballYRange: ClosedRange<Int> {
        court == .classic ? (-ballSpeedY)...(courtHeight + ballSpeedY) : 0...courtHeight
    }
    /// The ball's possible vertical speeds, lowest first: ±m on the classic court, every
    /// integer from −`ballSpeedY` to `ballSpeedY` on the fast one (a return can flatten the
    /// ball to 0; serves never do).
    public var ballVerticalSpeeds: [Int] {
        court == .classic ? [-ballSpeedY, ballSpeedY] : Array(-ballSpeedY...ballSpeedY)
    }

    /// The most states a tabular observation may have: a Q-table of that many rows and three
    /// actions is already 2.4 GB of doubles.
    public static let maximumStateCount = 100_000_000

    /// Checks that the numbers describe a playable court of a sensible size. Every number has
    /// bounds, so nothing downstream (positions, spaces, the step count) can overflow; each
    /// check only does arithmetic on numbers already checked, so no value, however large,
    /// traps here either.
    public func validate() throws(PongDuelConfigurationError) {
        func require(_ condition: Bool, _ message: String) throws(PongDuelConfigurationError) {
            if !condition { throw PongDuelConfigurationError(message: message) }
        }
        try require(courtWidth >= 8 && courtWidth <= 1_000 && courtWidth % 2 == 0, "court width must be even and in 8...1000")
        try require(courtHeight >= 4 && courtHeight <= 1_000, "court height must be in 4...1000")
        try require(paddleHeight >= 1 && paddleHeight <= courtHeight / 2, "paddle height must be in 1...(court height / 2)")
        try require(
            ballRadius.isFinite && ballRadius >= 0 && ballRadius <= Double(courtHeight),
            "ball radius must be finite and in 0...court height")
        try require(paddleSpeed >= 1 && paddleSpeed <= courtHeight, "paddle speed must be in 1...court height")
        try require(ballSpeedX >= 1 && ballSpeedX <= courtWidth / 2, "ball speed x must be in 1...(court width / 2)")
        try require(ballSpeedY >= 1 && ballSpeedY <= courtHeight / 2, "ball speed y must be in 1...(court height / 2)")
        try require(
            paddleLineX >= 0 && paddleLineX < courtWidth / 2 && 2 * (paddleLineX + ballSpeedX) < courtWidth,
            "paddle line must not be negative, and the lines must stand more than a ball step apart")
        try require(serveMargin >= 0 && serveMargin <= courtHeight / 2, "serve margin must be in 0...(court height / 2)")
        try require(pointsToWin >= 1 && pointsToWin <= 1_000, "points to win must be in 1...1000")
        try require(stepCap >= 1 && stepCap <= 100_000_000, "step cap must be in 1...100000000")
        try require([pointReward, hitReward].allSatisfy { $0.isFinite && abs($0) <= 1e6 }, "rewards must be finite and within ±1000000")
        try require(binWidth >= 1 && binWidth <= 1_000, "bin width must be in 1...1000")
        // Within the bounds above the product fits easily in an Int; the cap keeps tables sane.
        try require(
            PongDuelObservationSpace.stateCount(of: self) <= Self.maximumStateCount,
            "the tabular observation would have more than \(Self.maximumStateCount) states: widen the bins")
    }

    // MARK: Coding

    enum CodingKeys: String, CodingKey {
        case court, courtWidth, courtHeight, paddleHeight, paddleLineX, ballRadius, paddleSpeed, ballSpeedX,
            ballSpeedY, serveMargin, pointsToWin, stepCap, pointReward, hitReward, binWidth
    }

    /// Starts from the named court's defaults (classic when unnamed) and reads what is given.
    /// Does not validate: call ``validate()`` (the world's initialiser does).
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(court: try values.decodeIfPresent(PongDuelCourt.self, forKey: .court) ?? .classic)
        func read<T: Decodable>(_ key: CodingKeys, into field: inout T) throws {
            if let value = try values.decodeIfPresent(T.self, forKey: key) { field = value }
        }
        try read(.courtWidth, into: &courtWidth)
        try read(.courtHeight, into: &courtHeight)
        try read(.paddleHeight, into: &paddleHeight)
        try read(.paddleLineX, into: &paddleLineX)
        try read(.ballRadius, into: &ballRadius)
        try read(.paddleSpeed, into: &paddleSpeed)
        try read(.ballSpeedX, into: &ballSpeedX)
        try read(.ballSpeedY, into: &ballSpeedY)
        try read(.serveMargin, into: &serveMargin)
        try read(.pointsToWin, into: &pointsToWin)
        try read(.stepCap, into: &stepCap)
        try read(.pointReward, into: &pointReward)
        try read(.hitReward, into: &hitReward)
        try read(.binWidth, into: &binWidth)
    }
}

/// A configuration that cannot describe a playable duel.
public struct PongDuelConfigurationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
