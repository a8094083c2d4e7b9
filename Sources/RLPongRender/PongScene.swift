import RLPong
import RLRender

/// The colours of the picture, named so tests and checks can look for them.
public enum PongPalette {
    /// Around the court and behind the HUD.
    public static let background = RGBA(18, 18, 24)
    /// The court itself.
    public static let court = RGBA(20, 70, 48)
    public static let paddle = RGBA(235, 235, 235)
    public static let ball = RGBA(255, 204, 0)
    public static let hudText = RGBA(235, 235, 235)
    public static let statusText = RGBA(150, 190, 255)
    public static let gameOver = RGBA(235, 60, 60)
    public static let won = RGBA(80, 220, 110)
    public static let timeUp = RGBA(240, 170, 40)
    /// Behind the banner and the overlay: dark and translucent, so the game shows through.
    public static let shade = RGBA(0, 0, 0, 170)
    /// The bins the agent sees (overlay): translucent, over the court.
    public static let binHighlight = RGBA(120, 170, 255, 90)
    public static let overlayText = RGBA(200, 215, 255)
    public static let chosenAction = RGBA(255, 204, 0)
}

extension PongFrame {
    /// The picture of this frame: court, paddle, ball, HUD, and the banner and overlay when set.
    public func scene() -> Scene {
        let layout = PongLayout(configuration: configuration)
        var items: [SceneItem] = [.rectangle(layout.court, PongPalette.court)]
        if let agentView { items += binHighlights(agentView, layout: layout) }
        items.append(.rectangle(layout.paddle(at: state.paddleY), PongPalette.paddle))
        let ball = layout.ballCenter(x: state.ballX, y: state.ballY)
        items.append(.circle(centerX: ball.x, centerY: ball.y, radius: configuration.ballRadius, PongPalette.ball))
        items += hud(layout: layout)
        if let agentView { items += overlayPanel(agentView, layout: layout) }
        if let outcome { items += banner(outcome, layout: layout) }
        return Scene(width: layout.sceneWidth, height: layout.sceneHeight, background: PongPalette.background, items: items)
    }

    /// The HUD's lines, as they read left to right and top to bottom.
    public var hudLines: [String] {
        ["SCORE \(Self.integerText(state.score))", status, "LIVES \(state.lives)",
         "STEP \(state.stepCount)", "EPISODE \(episode)"].compactMap { $0 }
    }

    func hud(layout: PongLayout) -> [SceneItem] {
        let size = PongLayout.textPixelSize
        let lineHeight = Double(BitmapFont.glyphHeight) * size
        let first = 1.0
        let second = first + lineHeight + 1
        func left(_ text: String, _ y: Double) -> SceneItem { .text(text, x: 1, y: y, pixelSize: size, PongPalette.hudText) }
        func right(_ text: String, _ y: Double) -> SceneItem {
            .text(text, x: layout.sceneWidth - 1 - Double(BitmapFont.width(of: text)) * size, y: y, pixelSize: size, PongPalette.hudText)
        }
        var items = [left("SCORE \(Self.integerText(state.score))", first), right("LIVES \(state.lives)", first),
                     left("STEP \(state.stepCount)", second), right("EPISODE \(episode)", second)]
        if let status {
            let x = (layout.sceneWidth - Double(BitmapFont.width(of: status)) * size) / 2
            items.insert(.text(status, x: x, y: first, pixelSize: size, PongPalette.statusText), at: 1)
        }
        return items
    }

    func banner(_ outcome: EpisodeOutcome, layout: PongLayout) -> [SceneItem] {
        let size = PongLayout.bannerPixelSize
        let text = outcome.bannerText
        let width = Double(BitmapFont.width(of: text)) * size
        let height = Double(BitmapFont.glyphHeight) * size
        let court = layout.court
        let x = court.x + (court.width - width) / 2
        let y = court.y + (court.height - height) / 2
        let color = switch outcome {
        case .gameOver: PongPalette.gameOver
        case .won: PongPalette.won
        case .timeUp: PongPalette.timeUp
        }
        return [.rectangle(Rect(x: court.x, y: y - 2, width: court.width, height: height + 4), PongPalette.shade),
                .text(text, x: x, y: y, pixelSize: size, color)]
    }

    /// The cells of the court that share the agent's current bins: the paddle's band and the
    /// ball's cell.
    func binHighlights(_ view: AgentView, layout: PongLayout) -> [SceneItem] {
        let paddleValues = configuration.paddleBins.values(inBin: view.observation.paddle)
        let ballX = configuration.ballXBins.values(inBin: view.observation.ballX)
        let ballY = configuration.ballYBins.values(inBin: view.observation.ballY)
        // The paddle's band: every bottom edge in its bin, and the paddle's height above it.
        let band = layout.rectangle(x: 0, y: Double(paddleValues.lowerBound), width: Double(max(1, configuration.paddleLineX)),
                                    height: Double(paddleValues.count - 1 + configuration.paddleHeight))
        return [.rectangle(band, PongPalette.binHighlight),
                .rectangle(layout.cell(xValues: ballX, yValues: ballY), PongPalette.binHighlight)]
    }

    /// The overlay's text: the discretised state, then one line per action with its value,
    /// the chosen one marked and coloured.
    public static func overlayLines(_ view: AgentView, mode: PongObservationMode) -> [String] {
        let observation = view.observation
        var lines = ["PADDLE BIN \(observation.paddle)", "BALL BIN X \(observation.ballX) Y \(observation.ballY)"]
        if mode == .markov {
            lines.append("MOVING \(observation.ballMovingRight == 1 ? "RIGHT" : "LEFT") \(observation.ballMovingUp == 1 ? "UP" : "DOWN")")
        }
        let nameWidth = view.actionNames.map(\.count).max() ?? 0
        for (index, name) in view.actionNames.enumerated() {
            let marker = index == view.chosenAction ? ">" : " "
            let padded = name.uppercased() + String(repeating: " ", count: nameWidth - name.count)
            lines.append("\(marker)\(padded) \(fixed(view.actionValues[index], 2))")
        }
        return lines
    }

    func overlayPanel(_ view: AgentView, layout: PongLayout) -> [SceneItem] {
        let size = PongLayout.textPixelSize
        let lines = Self.overlayLines(view, mode: configuration.observation)
        let lineHeight = Double(BitmapFont.glyphHeight) * size + 0.8
        let width = Double(lines.map { BitmapFont.width(of: $0) }.max() ?? 0) * size + 2
        let height = Double(lines.count) * lineHeight + 1.2
        let court = layout.court
        let left = court.x + court.width - width - 0.5
        let top = court.y + 0.5
        var items: [SceneItem] = [.rectangle(Rect(x: left, y: top, width: width, height: height), PongPalette.shade)]
        let stateLines = lines.count - view.actionNames.count
        for (index, line) in lines.enumerated() {
            let chosen = index - stateLines == view.chosenAction
            items.append(.text(line, x: left + 1, y: top + 1 + Double(index) * lineHeight, pixelSize: size,
                               chosen ? PongPalette.chosenAction : PongPalette.overlayText))
        }
        return items
    }

    /// A score as a whole number when it is one (Pong's rewards are), else one decimal.
    static func integerText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return fixed(value, 1)
    }
}
