import RLPong
import RLRender

/// Where things go on the picture, in scene units (one unit = one court pixel).
///
/// The court has y up (the rules' coordinates); scenes have y down (screens' coordinates).
/// ``rectangle(x:y:width:height:)`` and ``point(x:y:)`` are the only places that convert.
public struct PongLayout: Sendable, Equatable {
    public let configuration: PongConfiguration
    /// Room around the court, so that a ball one step outside it is still fully drawn.
    public let margin: Double
    /// The band at the top that holds the HUD.
    public let hudHeight: Double

    /// Font pixel size of the HUD and overlay text: 3 screen pixels at the default scale of 10.
    public static let textPixelSize = 0.3
    /// Font pixel size of the end-of-episode banner.
    public static let bannerPixelSize = 0.8

    public init(configuration: PongConfiguration) {
        self.configuration = configuration
        // The ball's centre stands at most one movement step outside the court.
        margin = (Double(configuration.movementStep) + configuration.ballRadius).rounded(.up)
        // Two text lines with a unit of padding above, between and below; rounded up to whole
        // units so that the court's edges fall on whole pixels at any integer scale.
        hudHeight = (3 + 2 * Double(BitmapFont.glyphHeight) * Self.textPixelSize).rounded(.up)
    }

    /// The whole picture's size.
    public var sceneWidth: Double { Double(configuration.courtWidth) + 2 * margin }
    public var sceneHeight: Double { hudHeight + Double(configuration.courtHeight) + 2 * margin }

    /// The court's own rectangle (0...W × 0...H in court coordinates).
    public var court: Rect { rectangle(x: 0, y: 0, width: Double(configuration.courtWidth), height: Double(configuration.courtHeight)) }

    /// Everything below the HUD: the court with its margin, where the game is played.
    public var playArea: Rect { Rect(x: 0, y: hudHeight, width: sceneWidth, height: sceneHeight - hudHeight) }

    /// The scene point of a court point.
    public func point(x: Double, y: Double) -> (x: Double, y: Double) {
        (margin + x, hudHeight + margin + Double(configuration.courtHeight) - y)
    }

    /// The scene rectangle of a court rectangle given by its bottom-left corner.
    public func rectangle(x: Double, y: Double, width: Double, height: Double) -> Rect {
        let topLeft = point(x: x, y: y + height)
        return Rect(x: topLeft.x, y: topLeft.y, width: width, height: height)
    }

    /// The paddle: from the left edge to the paddle line, from its bottom edge up P pixels.
    public func paddle(at paddleY: Int) -> Rect {
        rectangle(x: 0, y: Double(paddleY), width: Double(max(1, configuration.paddleLineX)),
                  height: Double(configuration.paddleHeight))
    }

    /// The ball's centre in scene units.
    public func ballCenter(x: Int, y: Int) -> (x: Double, y: Double) { point(x: Double(x), y: Double(y)) }

    /// The court area whose positions share a bin pair: what the agent cannot tell apart.
    /// Positions are integers, so a bin of values lo...hi covers lo − ½ to hi + ½.
    public func cell(xValues: ClosedRange<Int>, yValues: ClosedRange<Int>) -> Rect {
        rectangle(x: Double(xValues.lowerBound) - 0.5, y: Double(yValues.lowerBound) - 0.5,
                  width: Double(xValues.count), height: Double(yValues.count))
    }
}
