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
    /// Screen pixels per scene unit that the picture is drawn at (`rl watch --scale`).
    public let scale: Double
    /// Font pixel size of the HUD, overlay and notice text, in scene units.
    public let textPixelSize: Double
    /// Whether the HUD's figures sit two to a line (SCORE and LIVES, STEP and EPISODE, the
    /// status between the first two), or, when that would not fit, one to a line.
    public let hudIsCompact: Bool
    /// Whether the HUD keeps a place for a status line ("PAUSED", "30 STEPS/S").
    public let hasStatus: Bool

    /// Font pixel size of the HUD and overlay text: 3 screen pixels at the default scale of 10.
    public static let nominalTextPixelSize = 0.3
    /// Font pixel size of the end-of-episode banner: 8 screen pixels at the default scale.
    public static let nominalBannerPixelSize = 0.8
    /// The widest HUD lines of an ordinary game, which decide whether two fit side by side.
    static let widestScore = "SCORE -9999"
    static let widestStatus = "1000 STEPS/S"

    /// - Parameters:
    ///   - scale: screen pixels per scene unit. Painters snap font pixels to whole screen
    ///     pixels, so text at a small scale is larger, relative to the court, than at the
    ///     default scale; the layout makes room for the size that will really be drawn.
    ///   - hasStatus: whether frames carry a status line (a window does; PNG files do not).
    public init(configuration: PongConfiguration, scale: Double = 10, hasStatus: Bool = false) {
        self.configuration = configuration
        self.scale = scale
        self.hasStatus = hasStatus
        // The ball's centre stands at most one movement step outside the court.
        margin = (Double(configuration.movementStep) + configuration.ballRadius).rounded(.up)
        textPixelSize = Self.drawnPixelSize(Self.nominalTextPixelSize, scale: scale)
        let sceneWidth = Double(configuration.courtWidth) + 2 * margin
        let characterWidth = Double(BitmapFont.glyphWidth + BitmapFont.spacing)
        let firstLine = [Self.widestScore, hasStatus ? Self.widestStatus : nil, "LIVES \(configuration.lives)"].compactMap { $0 }
        let firstLineWidth =
            (Double(BitmapFont.width(of: firstLine.joined())) + Double(firstLine.count - 1) * characterWidth) * textPixelSize
        hudIsCompact = firstLineWidth <= sceneWidth - 2
        let lines = hudIsCompact ? 2.0 : (hasStatus ? 5 : 4)
        // The text lines with a unit of padding above, between and below; rounded up to whole
        // units so that the court's edges fall on whole pixels at any integer scale.
        hudHeight = (lines + 1 + lines * Double(BitmapFont.glyphHeight) * textPixelSize).rounded(.up)
    }

    /// The font pixel size, in scene units, that a painter really draws for a nominal size:
    /// whole screen pixels, at least one.
    public static func drawnPixelSize(_ nominal: Double, scale: Double) -> Double {
        max(1, (nominal * scale).rounded()) / scale
    }

    /// The top of each HUD line, in scene units.
    public var hudLineTops: [Double] {
        let count = hudIsCompact ? 2 : (hasStatus ? 5 : 4)
        return (0..<count).map { 1 + Double($0) * (Double(BitmapFont.glyphHeight) * textPixelSize + 1) }
    }

    /// The banner's lines and font pixel size: the nominal size when the text fits across the
    /// court, else the largest whole-screen-pixel size that fits, else one word per line.
    public func banner(_ text: String) -> (lines: [String], pixelSize: Double) {
        let room = Double(configuration.courtWidth) - 2
        let nominal = Self.drawnPixelSize(Self.nominalBannerPixelSize, scale: scale)
        func fitting(_ lines: [String]) -> Double? {
            let widest = Double(lines.map { BitmapFont.width(of: $0) }.max() ?? 0)
            guard widest > 0 else { return nominal }
            let pixels = min((nominal * scale).rounded(), ((room * scale) / widest).rounded(.down))
            return pixels >= 1 ? pixels / scale : nil
        }
        if let size = fitting([text]) { return ([text], size) }
        let words = text.split(separator: " ").map(String.init)
        return (words, fitting(words) ?? 1 / scale)
    }

    /// Text broken into lines no wider than `width` scene units at the text size, at spaces
    /// and after hyphens (a file name breaks between its parts).
    public func wrap(_ text: String, width: Double) -> [String] {
        let characters = max(
            1, Int(((width / textPixelSize) + Double(BitmapFont.spacing)) / Double(BitmapFont.glyphWidth + BitmapFont.spacing)))
        var pieces: [String] = []
        var piece = ""
        for character in text {
            piece.append(character)
            if character == " " || character == "-" { pieces.append(piece); piece = "" }
        }
        if !piece.isEmpty { pieces.append(piece) }
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            if !line.isEmpty && (line + piece).trimmingSuffixSpaces.count > characters {
                lines.append(line.trimmingSuffixSpaces)
                line = ""
            }
            line += piece
            // A piece longer than a line is cut.
            while line.count > characters {
                lines.append(String(line.prefix(characters)))
                line = String(line.dropFirst(characters))
            }
        }
        if !line.trimmingSuffixSpaces.isEmpty { lines.append(line.trimmingSuffixSpaces) }
        return lines
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
        rectangle(
            x: 0, y: Double(paddleY), width: Double(max(1, configuration.paddleLineX)),
            height: Double(configuration.paddleHeight))
    }

    /// The ball's centre in scene units.
    public func ballCenter(x: Int, y: Int) -> (x: Double, y: Double) { point(x: Double(x), y: Double(y)) }

    /// The court area whose positions share a bin pair: what the agent cannot tell apart.
    /// Positions are integers, so a bin of values lo...hi covers lo − ½ to hi + ½.
    public func cell(xValues: ClosedRange<Int>, yValues: ClosedRange<Int>) -> Rect {
        rectangle(
            x: Double(xValues.lowerBound) - 0.5, y: Double(yValues.lowerBound) - 0.5,
            width: Double(xValues.count), height: Double(yValues.count))
    }
}

extension String {
    var trimmingSuffixSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

extension PongLayout {
    /// The court, paddle and ball of `state` without the HUD: a board whose top-left corner is
    /// the origin, for frames drawn under another HUD (`rl watch` of Pong without bins).
    public static func board(_ configuration: PongConfiguration, state: PongState) -> (items: [SceneItem], width: Double, height: Double) {
        let layout = PongLayout(configuration: configuration)
        let width = layout.sceneWidth, height = layout.sceneHeight - layout.hudHeight
        let ball = layout.ballCenter(x: state.ballX, y: state.ballY)
        let items: [SceneItem] = [
            .rectangle(Rect(x: 0, y: layout.hudHeight, width: width, height: height), PongPalette.background),
            .rectangle(layout.court, PongPalette.court),
            .rectangle(layout.paddle(at: state.paddleY), PongPalette.paddle),
            .circle(centerX: ball.x, centerY: ball.y, radius: configuration.ballRadius, PongPalette.ball),
        ]
        return (items.map { $0.offset(x: 0, y: -layout.hudHeight) }, width, height)
    }
}
