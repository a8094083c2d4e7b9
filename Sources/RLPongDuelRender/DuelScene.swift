import RLCore
import RLPongDuel
import RLRender

/// The colours of a duel's picture.
public enum DuelPalette {
    public static let background = RGBA(18, 18, 24)
    public static let court = RGBA(20, 48, 70)
    public static let centreLine = RGBA(60, 90, 120)
    public static let leftPaddle = RGBA(235, 235, 235)
    /// The right paddle: the human's in `rl play`.
    public static let rightPaddle = RGBA(120, 200, 255)
    public static let ball = RGBA(255, 204, 0)
    public static let hudText = RGBA(235, 235, 235)
    public static let serve = RGBA(255, 204, 0)
    public static let statusText = RGBA(150, 190, 255)
    public static let shade = RGBA(0, 0, 0, 170)
    public static let won = RGBA(80, 220, 110)
    public static let lost = RGBA(235, 60, 60)
}

/// One picture of a duel: the court's state, the players' names, and a status or banner.
/// Plain data, so the scene can be computed (and tested) without a window.
public struct DuelFrame: Sendable, Equatable {
    public var configuration: PongDuelConfiguration
    public var state: PongDuelState
    /// The names over each side's score (`AGENT`, `YOU`).
    public var names: Pair<String>
    /// A status line (`PAUSED`); `nil` for none.
    public var status: String?
    /// The banner at the end of a game (`YOU WIN`); `nil` during play.
    public var banner: String?
    /// Whether the banner is good news for the right side (its colour).
    public var bannerIsWin = false
    /// The `v` overlay: what each side's table sees and values, a line each; `nil` when off.
    public var agentView: [String]?

    public init(
        configuration: PongDuelConfiguration, state: PongDuelState, names: Pair<String>,
        status: String? = nil, banner: String? = nil, bannerIsWin: Bool = false
    ) {
        self.configuration = configuration
        self.state = state
        self.names = names
        self.status = status
        self.banner = banner
        self.bannerIsWin = bannerIsWin
    }

    /// Font pixel sizes (scene units per font pixel).
    public static let textPixelSize = 0.3
    public static let bannerPixelSize = 0.8

    /// Room around the court, so a ball at the edge is fully drawn.
    var margin: Double { (configuration.ballRadius + Double(configuration.ballSpeedY)).rounded(.up) }
    /// The band on top for the score and serve indicator.
    var hudHeight: Double { (3 + 2 * Double(BitmapFont.glyphHeight) * Self.textPixelSize).rounded(.up) }
    public var sceneWidth: Double { Double(configuration.courtWidth) + 2 * margin }
    public var sceneHeight: Double { hudHeight + Double(configuration.courtHeight) + 2 * margin }
    /// Everything below the HUD.
    public var playArea: Rect { Rect(x: 0, y: hudHeight, width: sceneWidth, height: sceneHeight - hudHeight) }

    /// A court rectangle (bottom-left corner, y up) in scene units (y down).
    func rectangle(x: Double, y: Double, width: Double, height: Double) -> Rect {
        Rect(x: margin + x, y: hudHeight + margin + Double(configuration.courtHeight) - y - height, width: width, height: height)
    }

    /// A side's paddle, from its end of the court to its line.
    public func paddle(_ side: Side) -> Rect {
        let width = Double(max(1, configuration.paddleLineX))
        let x = side == .left ? 0 : Double(configuration.courtWidth) - width
        return rectangle(x: x, y: Double(state.paddleY[side]), width: width, height: Double(configuration.paddleHeight))
    }

    /// The score line: `AGENT 3   5 YOU`, the server's side marked with a dot after its score.
    public var scoreLine: String {
        let serving = state.nextServer
        return
            "\(names.left) \(state.score.left)\(serving == .left ? " ·" : "")  -  \(serving == .right ? "· " : "")\(state.score.right) \(names.right)"
    }

    public func scene() -> Scene {
        let court = rectangle(x: 0, y: 0, width: Double(configuration.courtWidth), height: Double(configuration.courtHeight))
        var items: [SceneItem] = [
            .rectangle(court, DuelPalette.court),
            .rectangle(
                rectangle(
                    x: Double(configuration.courtWidth) / 2 - 0.25, y: 0, width: 0.5,
                    height: Double(configuration.courtHeight)), DuelPalette.centreLine),
            .rectangle(paddle(.left), DuelPalette.leftPaddle),
            .rectangle(paddle(.right), DuelPalette.rightPaddle),
        ]
        let ball = rectangle(x: Double(state.ballX), y: Double(state.ballY), width: 0, height: 0)
        items.append(.circle(centerX: ball.x, centerY: ball.y, radius: configuration.ballRadius, DuelPalette.ball))
        let size = Self.textPixelSize
        func centred(_ text: String, y: Double, size: Double, _ colour: RGBA) -> SceneItem {
            .text(text, x: (sceneWidth - Double(BitmapFont.width(of: text)) * size) / 2, y: y, pixelSize: size, colour)
        }
        items.append(centred(scoreLine, y: 1, size: size, DuelPalette.hudText))
        // The serve indicator: a dot on the server's side of the HUD.
        let dotX = state.nextServer == .left ? 2.0 : sceneWidth - 3
        items.append(.rectangle(Rect(x: dotX, y: 1, width: 1, height: 1), DuelPalette.serve))
        if let status {
            items.append(centred(status, y: 2 + Double(BitmapFont.glyphHeight) * size, size: size, DuelPalette.statusText))
        }
        if let agentView, !agentView.isEmpty {
            // A shaded panel across the court's top, left-aligned lines, as small as needed to fit.
            let widest = Double(agentView.map { BitmapFont.width(of: $0) }.max() ?? 1)
            let textSize = min(size, (court.width - 2) / widest)
            let lineHeight = (Double(BitmapFont.glyphHeight) + 2) * textSize
            let panel = Rect(x: court.x, y: court.y, width: court.width, height: lineHeight * Double(agentView.count) + 2 * textSize)
            items.append(.rectangle(panel, DuelPalette.shade))
            for (index, line) in agentView.enumerated() {
                items.append(
                    .text(
                        line, x: court.x + 1, y: court.y + 2 * textSize + lineHeight * Double(index), pixelSize: textSize,
                        DuelPalette.hudText))
            }
        }
        if let banner {
            let height = Double(BitmapFont.glyphHeight) * Self.bannerPixelSize
            let y = court.y + (court.height - height) / 2
            items.append(.rectangle(Rect(x: court.x, y: y - 2, width: court.width, height: height + 4), DuelPalette.shade))
            items.append(centred(banner, y: y, size: Self.bannerPixelSize, bannerIsWin ? DuelPalette.won : DuelPalette.lost))
        }
        return Scene(width: sceneWidth, height: sceneHeight, background: DuelPalette.background, items: items)
    }
}
