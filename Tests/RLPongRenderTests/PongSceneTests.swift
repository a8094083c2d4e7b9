import RLPong
import RLRender
import RLSDL
import Testing

@testable import RLPongRender

/// A state in the middle of the court: paddle bottom at y 10, ball at (25, 20).
let middleState = PongState(paddleY: 10, ballX: 25, ballY: 20, ballVelocityX: 3, ballVelocityY: 3, lives: 3, score: 30, stepCount: 120)

func frame(_ state: PongState = middleState, outcome: EpisodeOutcome? = nil, status: String? = nil, agentView: AgentView? = nil)
    -> PongFrame
{
    PongFrame(configuration: PongConfiguration(), state: state, episode: 2, outcome: outcome, status: status, agentView: agentView)
}

func rectangles(of scene: Scene, color: RGBA) -> [Rect] {
    scene.items.compactMap { if case .rectangle(let rect, color) = $0 { rect } else { nil } }
}

@Suite struct PongSceneTests {
    @Test func theLayoutTurnsCourtCoordinatesUpsideDown() {
        let layout = PongLayout(configuration: PongConfiguration())
        // Margin: one movement step plus the ball's radius, rounded up (3 + 2.5 → 6).
        #expect(layout.margin == 6)
        #expect(layout.sceneWidth == 62)
        #expect(layout.hudHeight == 8 && layout.sceneHeight == 60)
        // The court's bottom-left corner is at the bottom of the picture, above the margin.
        let bottomLeft = layout.point(x: 0, y: 0)
        #expect(bottomLeft.x == 6 && bottomLeft.y == layout.sceneHeight - 6)
        let topLeft = layout.point(x: 0, y: 40)
        #expect(topLeft.y == layout.hudHeight + 6)
        #expect(layout.court == Rect(x: 6, y: layout.hudHeight + 6, width: 50, height: 40))
    }

    @Test func paddleAndBallAreWhereTheStateSays() {
        let scene = frame().scene()
        let layout = PongLayout(configuration: PongConfiguration())
        let paddles = rectangles(of: scene, color: PongPalette.paddle)
        // Paddle bottom at court y 10, height 10: its top edge is at court y 20.
        #expect(paddles == [Rect(x: 6, y: layout.hudHeight + 6 + 20, width: 3, height: 10)])
        #expect(scene.items.contains(.circle(centerX: 31, centerY: layout.hudHeight + 6 + 20, radius: 2.5, PongPalette.ball)))
        // At the default scale of 10 pixels per court pixel, in window pixels:
        let pixels = ScenePainter.pixelRect(paddles[0], scale: 10)
        #expect((pixels.x, pixels.y, pixels.w, pixels.h) == (60, 340, 30, 100))
    }

    @Test func aPaddleAtTheBottomClampAndABallOutsideTheCourtStayInThePicture() {
        var state = middleState
        state.paddleY = -3
        state.ballX = 53
        state.ballY = -3
        let scene = frame(state).scene()
        let paddle = rectangles(of: scene, color: PongPalette.paddle)[0]
        #expect(paddle.y + paddle.height <= scene.height)
        #expect(paddle.y + paddle.height == scene.height - 6 + 3)
        let ball = scene.items.compactMap { if case .circle(let x, let y, let r, _) = $0 { (x, y, r) } else { nil } }[0]
        #expect(ball.0 + ball.2 <= scene.width && ball.1 + ball.2 <= scene.height)
    }

    @Test func theHUDShowsScoreLivesStepAndEpisode() {
        let scene = frame().scene()
        #expect(scene.texts == ["SCORE 30", "LIVES 3", "STEP 120", "EPISODE 2"])
        #expect(frame().hudLines == scene.texts)
        let paused = frame(status: "PAUSED").scene()
        #expect(paused.texts == ["SCORE 30", "PAUSED", "LIVES 3", "STEP 120", "EPISODE 2"])
        // Every HUD line fits in the band above the court.
        let layout = PongLayout(configuration: PongConfiguration())
        for item in scene.items {
            guard case .text(let text, let x, let y, let size, _) = item else { continue }
            #expect(x >= 0 && x + Double(BitmapFont.width(of: text)) * size <= scene.width, "\(text)")
            #expect(y + Double(BitmapFont.glyphHeight) * size <= layout.hudHeight, "\(text)")
        }
        var negative = middleState
        negative.score = -20
        #expect(frame(negative).scene().texts.first == "SCORE -20")
    }

    @Test(arguments: [
        (EpisodeOutcome.gameOver, "GAME OVER", PongPalette.gameOver), (.won, "WIN", PongPalette.won),
        (.timeUp, "TIME UP", PongPalette.timeUp),
    ])
    func theLastFrameOfAnEpisodeHasABanner(outcome: EpisodeOutcome, text: String, color: RGBA) {
        let scene = frame(outcome: outcome).scene()
        #expect(scene.texts.last == text)
        let layout = PongLayout(configuration: PongConfiguration())
        guard case .text(_, let x, let y, let size, let textColor) = scene.items.last! else { Issue.record("no text"); return }
        #expect(textColor == color)
        // Centred on the court.
        let width = Double(BitmapFont.width(of: text)) * size
        #expect(abs((x + width / 2) - (layout.court.x + layout.court.width / 2)) < 1e-9)
        #expect(y > layout.court.y && y < layout.court.y + layout.court.height)
        #expect(!frame().scene().texts.contains(text))
    }

    @Test func theOverlayShowsTheStateAndEachActionsValueWithTheChosenOneHighlighted() {
        var environment = try! PongEnvironment()
        let observation = environment.restore(middleState)
        let view = AgentView(observation: observation, actionNames: ["up", "down"], actionValues: [12.5, -3.25], chosenAction: 0)
        let scene = frame(agentView: view).scene()
        let lines = PongFrame.overlayLines(view, mode: .markov)
        #expect(
            lines == [
                "PADDLE BIN \(observation.paddle)", "BALL BIN X \(observation.ballX) Y \(observation.ballY)",
                "MOVING RIGHT UP", ">UP   12.50", " DOWN -3.25",
            ])
        #expect(scene.texts.suffix(5) == lines[...])
        let colors = scene.items.compactMap { if case .text(let text, _, _, _, let color) = $0 { (text, color) } else { nil } }
        #expect(colors.first { $0.0 == ">UP   12.50" }?.1 == PongPalette.chosenAction)
        #expect(colors.first { $0.0 == " DOWN -3.25" }?.1 == PongPalette.overlayText)
        // The ball's bin cell is highlighted, and it contains the ball.
        let layout = PongLayout(configuration: PongConfiguration())
        let cells = rectangles(of: scene, color: PongPalette.binHighlight)
        #expect(cells.count == 2)
        let ball = layout.ballCenter(x: 25, y: 20)
        #expect(cells.contains { $0.contains(x: ball.x, y: ball.y) })
        // Off, there is no overlay.
        #expect(!frame().scene().texts.contains { $0.hasPrefix("PADDLE BIN") })
    }

    @Test func theClassicObservationHasNoDirectionLine() {
        let view = AgentView(
            observation: PongObservation(paddle: 1, ballY: 2, ballX: 3), actionNames: ["up", "down", "stay"],
            actionValues: [0, 1, 1], chosenAction: 2)
        #expect(
            PongFrame.overlayLines(view, mode: .classic) == ["PADDLE BIN 1", "BALL BIN X 3 Y 2", " UP   0.00", " DOWN 1.00", ">STAY 1.00"])
    }
}
