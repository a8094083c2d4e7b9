import RLCore
import RLPongDuel
import RLRender
import Testing

@testable import RLPongDuelRender

@Suite struct DuelSceneTests {
    let configuration = PongDuelConfiguration.fast

    func state(left: Int, right: Int, server: Side) -> PongDuelState {
        PongDuelState(
            paddleY: Pair(left: left, right: right), ballX: 30, ballY: 20, ballVelocityX: 3, ballVelocityY: 1,
            score: Pair(left: 3, right: 5), nextServer: server, stepCount: 10)
    }

    @Test func paddlesStandAtTheirEndsWithYUp() {
        let frame = DuelFrame(
            configuration: configuration, state: state(left: 0, right: 32, server: .left),
            names: Pair(left: "AGENT", right: "YOU"))
        let left = frame.paddle(.left), right = frame.paddle(.right)
        #expect(left.x < right.x && right.x + right.width <= frame.sceneWidth)
        // y grows upwards in the court: the right paddle at the top is drawn above the left one at the bottom.
        #expect(right.y < left.y)
        let rectangles = frame.scene().filledRectangles()
        #expect(rectangles.contains { $0.0 == left && $0.1 == DuelPalette.leftPaddle })
        #expect(rectangles.contains { $0.0 == right && $0.1 == DuelPalette.rightPaddle })
    }

    @Test func theScoreLineMarksTheServerAndTheBannerShows() {
        var frame = DuelFrame(
            configuration: configuration, state: state(left: 10, right: 10, server: .right),
            names: Pair(left: "AGENT", right: "YOU"))
        #expect(frame.scoreLine == "AGENT 3  -  · 5 YOU")
        frame.state.nextServer = .left
        #expect(frame.scoreLine == "AGENT 3 ·  -  5 YOU")
        frame.banner = "YOU WIN"
        frame.status = "PAUSED"
        #expect(frame.scene().texts.contains("YOU WIN") && frame.scene().texts.contains("PAUSED"))
    }

    /// The overlay's lines are drawn over a shaded panel inside the court, and only when asked.
    @Test func theAgentViewIsDrawnInsideTheCourt() {
        var frame = DuelFrame(
            configuration: configuration, state: state(left: 10, right: 10, server: .left), names: Pair(left: "AGENT", right: "YOU"))
        let plain = frame.scene()
        frame.agentView = ["LEFT SEES 1 2 3 4 0 1 (#99)", "  UP 0.00  >DOWN 0.25  STAY -1.50", "RIGHT SEES 10 12 33 24 1 2 (#123456)"]
        let scene = frame.scene()
        #expect(scene.texts.contains("  UP 0.00  >DOWN 0.25  STAY -1.50") && !plain.texts.contains("  UP 0.00  >DOWN 0.25  STAY -1.50"))
        #expect(scene.filledRectangles().contains { $0.1 == DuelPalette.shade })
        for item in scene.items {
            guard case .text(let text, let x, _, let size, _) = item, text.hasPrefix("  UP") || text.hasPrefix("LEFT SEES") else {
                continue
            }
            #expect(x + Double(BitmapFont.width(of: text)) * size <= frame.sceneWidth - frame.margin, "\(text) runs off the court")
        }
    }
}
