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
    public static let noticeText = RGBA(255, 255, 255)
}

extension PongFrame {
    /// The picture of this frame: court, paddle, ball, HUD, and the banner, overlay and notice
    /// when set.
    /// - Parameter scale: the screen pixels per scene unit it will be drawn at; text is laid out
    ///   for the size a painter really draws there (see ``PongLayout``).
    public func scene(scale: Double = 10) -> Scene {
        let layout = PongLayout(configuration: configuration, scale: scale, hasStatus: status != nil)
        var items: [SceneItem] = [.rectangle(layout.court, PongPalette.court)]
        if let agentView { items += binHighlights(agentView, layout: layout) }
        items.append(.rectangle(layout.paddle(at: state.paddleY), PongPalette.paddle))
        let ball = layout.ballCenter(x: state.ballX, y: state.ballY)
        items.append(.circle(centerX: ball.x, centerY: ball.y, radius: configuration.ballRadius, PongPalette.ball))
        items += hud(layout: layout)
        if let agentView { items += overlayPanel(agentView, layout: layout) }
        if let outcome { items += banner(outcome, layout: layout) }
        if let notice { items += noticeBand(notice, layout: layout) }
        return Scene(width: layout.sceneWidth, height: layout.sceneHeight, background: PongPalette.background, items: items)
    }

    /// The HUD's lines, as they read left to right and top to bottom.
    public var hudLines: [String] {
        [
            "SCORE \(Self.integerText(state.score))", status, "LIVES \(state.lives)",
            "STEP \(state.stepCount)", "EPISODE \(episode)",
        ].compactMap { $0 }
    }

    func hud(layout: PongLayout) -> [SceneItem] {
        let size = layout.textPixelSize
        let tops = layout.hudLineTops
        func left(_ text: String, _ y: Double) -> SceneItem { .text(text, x: 1, y: y, pixelSize: size, PongPalette.hudText) }
        func right(_ text: String, _ y: Double) -> SceneItem {
            .text(text, x: layout.sceneWidth - 1 - Double(BitmapFont.width(of: text)) * size, y: y, pixelSize: size, PongPalette.hudText)
        }
        let score = "SCORE \(Self.integerText(state.score))", lives = "LIVES \(state.lives)"
        let step = "STEP \(state.stepCount)", episodeText = "EPISODE \(episode)"
        guard layout.hudIsCompact else {
            // One figure to a line, in reading order, the status last.
            return ([score, lives, step, episodeText] + [status].compactMap { $0 }).enumerated().map { index, text in
                .text(text, x: 1, y: tops[index], pixelSize: size, index == 4 ? PongPalette.statusText : PongPalette.hudText)
            }
        }
        var items = [left(score, tops[0]), right(lives, tops[0]), left(step, tops[1]), right(episodeText, tops[1])]
        if let status {
            // Centred, snapped to a whole screen pixel, so painters draw it where it is laid out.
            let x = ((layout.sceneWidth - Double(BitmapFont.width(of: status)) * size) / 2 * layout.scale).rounded() / layout.scale
            items.insert(.text(status, x: x, y: tops[0], pixelSize: size, PongPalette.statusText), at: 1)
        }
        return items
    }

    /// The notice: a shaded band over the bottom of the court, its text wrapped to fit. On a
    /// court too small for all of it (`--scale 1`), the lines that fit, the last ending "..".
    func noticeBand(_ notice: String, layout: PongLayout) -> [SceneItem] {
        let size = layout.textPixelSize
        let court = layout.court
        var lines = layout.wrap(notice, width: court.width - 2)
        let lineHeight = Double(BitmapFont.glyphHeight) * size + 1
        let room = max(1, Int((court.height - 1) / lineHeight))
        if lines.count > room {
            lines = Array(lines.prefix(room))
            let characters = lines[room - 1].count
            lines[room - 1] = String(lines[room - 1].prefix(max(0, characters - 2))) + ".."
        }
        let top = court.y + court.height - Double(lines.count) * lineHeight - 1
        var items: [SceneItem] = [
            .rectangle(Rect(x: court.x, y: top - 0.5, width: court.width, height: court.y + court.height - top + 0.5), PongPalette.shade)
        ]
        for (index, line) in lines.enumerated() {
            items.append(.text(line, x: court.x + 1, y: top + Double(index) * lineHeight, pixelSize: size, PongPalette.noticeText))
        }
        return items
    }

    /// The banner across the middle of the court: at the nominal size when it fits, smaller
    /// (or one word per line) at small scales, so it is never clipped by the court's edges.
    func banner(_ outcome: EpisodeOutcome, layout: PongLayout) -> [SceneItem] {
        let (lines, size) = layout.banner(outcome.bannerText)
        let glyphHeight = Double(BitmapFont.glyphHeight) * size
        let lineHeight = glyphHeight + 2 * size
        let height = Double(lines.count) * lineHeight - 2 * size
        let court = layout.court
        let top = court.y + (court.height - height) / 2
        let color =
            switch outcome {
            case .gameOver: PongPalette.gameOver
            case .won: PongPalette.won
            case .timeUp: PongPalette.timeUp
            }
        var items: [SceneItem] = [.rectangle(Rect(x: court.x, y: top - 2, width: court.width, height: height + 4), PongPalette.shade)]
        for (index, line) in lines.enumerated() {
            let width = Double(BitmapFont.width(of: line)) * size
            // Centred, with its left edge on a whole screen pixel: the painter then draws the
            // text exactly where it is laid out.
            let x = ((court.x + (court.width - width) / 2) * layout.scale).rounded() / layout.scale
            items.append(.text(line, x: x, y: top + Double(index) * lineHeight, pixelSize: size, color))
        }
        return items
    }

    /// The cells of the court that share the agent's current bins: the paddle's band and the
    /// ball's cell.
    func binHighlights(_ view: AgentView, layout: PongLayout) -> [SceneItem] {
        let paddleValues = configuration.paddleBins.values(inBin: view.observation.paddle)
        let ballX = configuration.ballXBins.values(inBin: view.observation.ballX)
        let ballY = configuration.ballYBins.values(inBin: view.observation.ballY)
        // The paddle's band: every bottom edge in its bin, and the paddle's height above it.
        let band = layout.rectangle(
            x: 0, y: Double(paddleValues.lowerBound), width: Double(max(1, configuration.paddleLineX)),
            height: Double(paddleValues.count - 1 + configuration.paddleHeight))
        return [
            .rectangle(band, PongPalette.binHighlight),
            .rectangle(layout.cell(xValues: ballX, yValues: ballY), PongPalette.binHighlight),
        ]
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
        let size = layout.textPixelSize
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
            items.append(
                .text(
                    line, x: left + 1, y: top + 1 + Double(index) * lineHeight, pixelSize: size,
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
