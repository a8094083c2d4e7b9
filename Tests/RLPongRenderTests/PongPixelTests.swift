import CSDL2
import Foundation
import RLPong
import RLRender
import Testing

@testable import RLPongRender
@testable import RLSDL

/// Paints known states and reads the pixels back: the paddle's and the ball's pixels are where
/// the scene says, and the court's colour is everywhere else around them. SDL keeps global
/// state, so these run one at a time.
@Suite(.serialized) struct PongPixelTests {
    let scale = 10.0

    func check(_ pixel: (Int, Int) -> RGBA, state: PongState) {
        let layout = PongLayout(configuration: PongConfiguration())
        let paddle = ScenePainter.pixelRect(layout.paddle(at: state.paddleY), scale: scale)
        // Inside the paddle, and one pixel beyond its right edge (the court).
        #expect(pixel(Int(paddle.x + paddle.w / 2), Int(paddle.y + paddle.h / 2)) == PongPalette.paddle)
        #expect(pixel(Int(paddle.x + paddle.w), Int(paddle.y + paddle.h / 2)) == PongPalette.court)
        #expect(pixel(Int(paddle.x + 1), Int(paddle.y + paddle.h + 1)) == PongPalette.court)
        let ball = layout.ballCenter(x: state.ballX, y: state.ballY)
        let ballX = Int(ball.x * scale), ballY = Int(ball.y * scale)
        #expect(pixel(ballX, ballY) == PongPalette.ball)
        // Just inside and just outside the ball's radius of 2.5 court pixels (25 window pixels).
        #expect(pixel(ballX + 23, ballY) == PongPalette.ball)
        #expect(pixel(ballX + 27, ballY) == PongPalette.court)
        #expect(pixel(ballX, ballY - 27) == PongPalette.court)
        // The margin around the court.
        #expect(pixel(5, Int(layout.court.y * scale) + 5) == PongPalette.background)
    }

    @Test func aSoftwareCanvasPaintsTheStateWhereTheSceneSaysIt() throws {
        let scene = frame().scene()
        let canvas = try SoftwareCanvas(width: Int(scene.width * scale), height: Int(scene.height * scale))
        canvas.paint(scene, scale: scale)
        check({ canvas.pixel(x: $0, y: $1) }, state: middleState)
    }

    @Test func aWindowOnTheDummyDriverPaintsTheSamePixels() throws {
        var state = middleState
        state.paddleY = 27
        state.ballX = 40
        state.ballY = 8
        let scene = frame(state).scene()
        let window = try SceneWindow(
            title: "test", width: Int(scene.width * scale), height: Int(scene.height * scale), videoDriver: "dummy")
        #expect(window.videoDriver == "dummy")
        window.show(scene)
        let image = try window.readPixels()
        #expect(image.width == 620 && image.height == 600)
        check({ image.pixels[$1 * image.width + $0] }, state: state)
    }

    @Test func keysAndClosingTheWindowReachTheViewer() throws {
        let window = try SceneWindow(title: "test", width: 100, height: 100, videoDriver: "dummy")
        _ = window.pendingInput()
        for key in [SDLK_q.rawValue, SDLK_ESCAPE.rawValue, SDLK_SPACE.rawValue, SDLK_RIGHT.rawValue, SDLK_MINUS.rawValue, SDLK_v.rawValue] {
            var event = SDL_Event()
            event.type = SDL_KEYDOWN.rawValue
            event.key.keysym.sym = SDL_Keycode(key)
            #expect(SDL_PushEvent(&event) == 1)
        }
        var quit = SDL_Event()
        quit.type = SDL_QUIT.rawValue
        #expect(SDL_PushEvent(&quit) == 1)
        #expect(window.pendingInput() == [.character("q"), .escape, .space, .right, .minus, .character("v"), .closed])
    }

    @Test func aResizedWindowKeepsTheAspectAndCentresTheCourt() {
        let scene = frame().scene()
        // Twice as wide as needed: scaled to the height, centred horizontally.
        let place = SceneWindow.placement(of: scene, inWidth: 2480, height: 1200)
        #expect(place.scale == 20 && place.y == 0 && place.x == (2480 - 1240) / 2)
    }
}
