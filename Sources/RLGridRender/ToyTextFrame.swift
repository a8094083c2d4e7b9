import RLRender

/// The colours of the toy-text worlds' pictures.
public enum ToyTextPalette {
    public static let background = RGBA(18, 18, 24)
    public static let hudText = RGBA(235, 235, 235)
    public static let statusText = RGBA(150, 190, 255)
    public static let shade = RGBA(0, 0, 0, 170)
    public static let overlayText = RGBA(200, 215, 255)
    public static let chosenAction = RGBA(255, 204, 0)
    public static let success = RGBA(80, 220, 110)
    public static let failure = RGBA(235, 60, 60)
    public static let timeUp = RGBA(240, 170, 40)
    /// Grid worlds.
    public static let ice = RGBA(200, 230, 245)
    public static let hole = RGBA(25, 45, 90)
    public static let goal = RGBA(80, 200, 100)
    public static let start = RGBA(170, 200, 220)
    public static let gridLine = RGBA(120, 140, 160)
    public static let walker = RGBA(235, 90, 40)
    public static let cliff = RGBA(90, 60, 40)
    public static let road = RGBA(60, 60, 66)
    public static let wall = RGBA(235, 235, 235)
    public static let taxi = RGBA(255, 204, 0)
    public static let taxiFull = RGBA(80, 220, 110)
    public static let passenger = RGBA(90, 160, 255)
    public static let destination = RGBA(235, 60, 200)
    /// The windy gridworld's columns by wind strength (0, 1, 2): the stronger, the bluer.
    public static let wind = [ice, RGBA(150, 190, 235), RGBA(95, 145, 220)]
    /// A maze's walls.
    public static let mazeWall = RGBA(55, 60, 75)
    public static let stands = [RGBA(220, 50, 50), RGBA(50, 180, 70), RGBA(230, 210, 40), RGBA(60, 100, 230)]
    /// Blackjack.
    public static let table = RGBA(20, 90, 50)
    public static let card = RGBA(250, 250, 245)
    public static let cardBack = RGBA(60, 80, 160)
    public static let cardText = RGBA(20, 20, 20)
}

/// What the agent sees and values in a frame's state: the `v` overlay of any world.
public struct ToyTextAgentView: Sendable, Equatable {
    /// The state in the world's words, one line each.
    public var stateLines: [String]
    public var actionNames: [String]
    /// Q(state, action), in action order.
    public var actionValues: [Double]
    /// The action the agent takes from this state.
    public var chosenAction: Int

    public init(stateLines: [String], actionNames: [String], actionValues: [Double], chosenAction: Int) {
        self.stateLines = stateLines
        self.actionNames = actionNames
        self.actionValues = actionValues
        self.chosenAction = chosenAction
    }

    /// The overlay's lines: the state, then one line per action with its value, the chosen one
    /// marked with `>` (Pong's convention).
    public var lines: [String] {
        let nameWidth = actionNames.map(\.count).max() ?? 0
        return stateLines.map { $0.uppercased() }
            + actionNames.enumerated().map { index, name in
                (index == chosenAction ? ">" : " ") + name.uppercased() + String(repeating: " ", count: nameWidth - name.count)
                    + " " + fixed(actionValues[index], 2)
            }
    }
}

/// The heads-up display of a frame, with Pong's conventions: return top left, the status in
/// the middle, the episode top right; the step below on the left and the world's metrics on
/// the right; a banner when the episode has ended; the `v` overlay at the top right of the board.
public struct ToyTextHUD: Sendable, Equatable {
    public var episode: Int
    public var step: Int
    public var episodeReturn: Double
    /// The world's metrics so far, as (name, value) pairs (`SUCCESS 1`).
    public var metrics: [(name: String, value: Double)]
    public var status: String?
    /// The banner's words and whether the episode went well, when it has ended.
    public var banner: (text: String, color: RGBA)?
    public var agentView: ToyTextAgentView?

    public init(
        episode: Int, step: Int, episodeReturn: Double, metrics: [(name: String, value: Double)] = [],
        status: String? = nil, banner: (text: String, color: RGBA)? = nil, agentView: ToyTextAgentView? = nil
    ) {
        self.episode = episode
        self.step = step
        self.episodeReturn = episodeReturn
        self.metrics = metrics
        self.status = status
        self.banner = banner
        self.agentView = agentView
    }

    public static func == (left: ToyTextHUD, right: ToyTextHUD) -> Bool {
        left.episode == right.episode && left.step == right.step && left.episodeReturn == right.episodeReturn
            && left.metrics.map(\.name) == right.metrics.map(\.name) && left.metrics.map(\.value) == right.metrics.map(\.value)
            && left.status == right.status && left.banner?.text == right.banner?.text && left.agentView == right.agentView
    }

    /// The HUD's lines, left to right and top to bottom.
    public var lines: [String] {
        ["RETURN \(Self.number(episodeReturn))", status, "EPISODE \(episode)", "STEP \(step)", metricsText].compactMap { $0 }
    }

    var metricsText: String? {
        metrics.isEmpty
            ? nil
            : metrics.map { "\($0.name.uppercased().split(separator: "_").joined(separator: " ")) \(Self.number($0.value))" }
                .joined(separator: "  ")
    }

    /// A whole number as one, else two decimals.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : fixed(value, 2)
    }
}

/// Lays out a world's board under a HUD: the scene units are Pong's (a cell of a grid is
/// ``cell`` units; text is ``textPixelSize`` units a font pixel).
public enum ToyTextFrame {
    public static let cell = 8.0
    public static let textPixelSize = 0.3
    public static let margin = 2.0
    static var lineHeight: Double { Double(BitmapFont.glyphHeight) * textPixelSize + 1 }
    /// The HUD's height: two lines.
    public static var hudHeight: Double { (3 + 2 * Double(BitmapFont.glyphHeight) * textPixelSize).rounded(.up) }
    /// Wide enough for the HUD's two lines.
    public static let minimumWidth = 64.0

    /// The scene's width: the board's with margins, or more when the HUD needs it. It depends
    /// only on the board and the metrics' names, so every frame of a world has the same size
    /// (a window is opened once).
    public static func sceneWidth(boardWidth: Double, metricNames: [String] = []) -> Double {
        func textWidth(_ characters: Int) -> Double {
            Double(BitmapFont.width(of: String(repeating: "0", count: characters))) * textPixelSize
        }
        // Room for "RETURN -9999.99", a status and "EPISODE 99999"; then "STEP 99999" and each metric with 4 digits.
        let firstLine = textWidth(15 + 12 + 13) + 6
        let metrics = metricNames.map { $0.count + 5 }.reduce(0, +) + 2 * max(0, metricNames.count - 1)
        let secondLine = textWidth(10) + (metricNames.isEmpty ? 0 : textWidth(metrics)) + 4
        return max(boardWidth + 2 * margin, minimumWidth, firstLine, secondLine)
    }

    /// Where the board goes in a scene for a board of this size: centred under the HUD.
    public static func boardOrigin(boardWidth: Double, metricNames: [String] = []) -> (x: Double, y: Double) {
        let width = sceneWidth(boardWidth: boardWidth, metricNames: metricNames)
        return ((width - boardWidth) / 2, hudHeight + margin)
    }

    /// The scene: the board's items (placed at ``boardOrigin(boardWidth:)``), the HUD, the
    /// overlay and the banner.
    public static func scene(board: [SceneItem], boardWidth: Double, boardHeight: Double, hud: ToyTextHUD) -> Scene {
        let width = sceneWidth(boardWidth: boardWidth, metricNames: hud.metrics.map(\.name))
        let height = hudHeight + boardHeight + 2 * margin
        var items = board
        let size = textPixelSize
        func textWidth(_ text: String) -> Double { Double(BitmapFont.width(of: text)) * size }
        let first = 1.0, second = first + lineHeight
        items.append(.text("RETURN \(ToyTextHUD.number(hud.episodeReturn))", x: 1, y: first, pixelSize: size, ToyTextPalette.hudText))
        let episode = "EPISODE \(hud.episode)"
        items.append(.text(episode, x: width - 1 - textWidth(episode), y: first, pixelSize: size, ToyTextPalette.hudText))
        if let status = hud.status {
            items.append(.text(status, x: (width - textWidth(status)) / 2, y: first, pixelSize: size, ToyTextPalette.statusText))
        }
        items.append(.text("STEP \(hud.step)", x: 1, y: second, pixelSize: size, ToyTextPalette.hudText))
        if let metrics = hud.metricsText {
            items.append(.text(metrics, x: width - 1 - textWidth(metrics), y: second, pixelSize: size, ToyTextPalette.hudText))
        }
        let origin = boardOrigin(boardWidth: boardWidth, metricNames: hud.metrics.map(\.name))
        // Where the overlay's panel ends, so the banner can go below it rather than over it.
        var overlayBottom: Double?
        if let view = hud.agentView {
            let lines = view.lines
            let panelWidth = Double(lines.map { BitmapFont.width(of: $0) }.max() ?? 0) * size + 2
            let panelHeight = Double(lines.count) * lineHeight + 1
            let left = max(0, origin.x + boardWidth - panelWidth), top = origin.y
            items.append(.rectangle(Rect(x: left, y: top, width: panelWidth, height: panelHeight), ToyTextPalette.shade))
            overlayBottom = top + panelHeight
            let stateLines = lines.count - view.actionNames.count
            for (index, line) in lines.enumerated() {
                let chosen = index - stateLines == view.chosenAction
                items.append(
                    .text(
                        line, x: left + 1, y: top + 0.5 + Double(index) * lineHeight, pixelSize: size,
                        chosen ? ToyTextPalette.chosenAction : ToyTextPalette.overlayText))
            }
        }
        if let banner = hud.banner {
            let bannerSize = size * 2
            let textHeight = Double(BitmapFont.glyphHeight) * bannerSize
            var y = origin.y + (boardHeight - textHeight) / 2
            // Below the overlay when it reaches the middle of the board and the board has room.
            if let overlayBottom, y - 1 < overlayBottom, overlayBottom + 1 + textHeight + 1 <= origin.y + boardHeight {
                y = overlayBottom + 1
            }
            items.append(.rectangle(Rect(x: 0, y: y - 1, width: width, height: textHeight + 2), ToyTextPalette.shade))
            let bannerWidth = Double(BitmapFont.width(of: banner.text)) * bannerSize
            items.append(.text(banner.text, x: (width - bannerWidth) / 2, y: y, pixelSize: bannerSize, banner.color))
        }
        return Scene(width: width, height: height, background: ToyTextPalette.background, items: items)
    }

    /// The part of the scene the terminal draws as blocks: below the HUD.
    public static func playArea(of scene: Scene) -> Rect {
        Rect(x: 0, y: hudHeight, width: scene.width, height: scene.height - hudHeight)
    }
}
