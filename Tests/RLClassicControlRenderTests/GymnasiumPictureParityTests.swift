import GymnasiumFixtures
import RLClassicControl
import RLClassicControlRender
import RLRender
import Testing

/// Each picture is Gymnasium's: the same shapes, colours and drawing order as its `render()`
/// draws for the same state (`classic-control-pictures.json`, from `scripts/gymnasium-golden`),
/// in its window's pixels flipped and scaled to board units.
@Suite struct GymnasiumPictureParityTests {
    let golden: GoldenPictures

    init() throws { golden = try loadFixture("classic-control-pictures") }

    @Test func cartPoleIsDrawnAsGymnasiumDrawsIt() throws {
        let world = try #require(golden.world("CartPole-v1"))
        #expect(world.window == [CartPoleScene.screen.width, CartPoleScene.screen.height])
        for picture in world.pictures {
            let s = picture.state
            let state = CartPoleObservation(cartPosition: s[0], cartVelocity: s[1], poleAngle: s[2], poleAngularVelocity: s[3])
            expectSame(CartPoleScene.board(state), picture.drawn, on: CartPoleScene.screen, "\(s)")
        }
    }

    @Test func mountainCarIsDrawnAsGymnasiumDrawsIt() throws {
        let world = try #require(golden.world("MountainCar-v0"))
        #expect(world.window == [MountainCarScene.screen.width, MountainCarScene.screen.height])
        for picture in world.pictures {
            let state = MountainCarObservation(position: picture.state[0], velocity: picture.state[1])
            expectSame(MountainCarScene.board(state), picture.drawn, on: MountainCarScene.screen, "\(picture.state)")
        }
    }

    @Test func acrobotIsDrawnAsGymnasiumDrawsIt() throws {
        let world = try #require(golden.world("Acrobot-v1"))
        #expect(world.window == [AcrobotScene.screen.width, AcrobotScene.screen.height])
        for picture in world.pictures {
            let s = picture.state
            let state = AcrobotState(firstAngle: s[0], secondAngle: s[1], firstAngularVelocity: s[2], secondAngularVelocity: s[3])
            expectSame(AcrobotScene.board(state), picture.drawn, on: AcrobotScene.screen, "\(s)")
        }
    }

    /// One item per shape, in order: the window's fill as the white board, polygons as polygons,
    /// circles as circles, Gymnasium's one-pixel lines as strokes a pixel wide.
    func expectSame(_ items: [SceneItem], _ drawn: [GoldenPictures.Shape], on screen: GymnasiumScreen, _ state: String) {
        #expect(items.count == drawn.count, "\(state): \(items.count) items for \(drawn.count) shapes")
        func points(_ golden: [[Double]]?) -> [Point] { (golden ?? []).map { screen.point($0[0], $0[1]) } }
        func close(_ a: [Point], _ b: [Point]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { abs($0.x - $1.x) < 1e-9 && abs($0.y - $1.y) < 1e-9 }
        }
        for (index, (item, shape)) in zip(items, drawn).enumerated() {
            let colour = RGBA(UInt8(shape.colour[0]), UInt8(shape.colour[1]), UInt8(shape.colour[2]))
            let matches: Bool
            switch (shape.kind, item) {
            case ("fill", .rectangle(let rect, let fill)):
                matches = rect == Rect(x: 0, y: 0, width: screen.boardWidth, height: screen.boardHeight) && fill == colour
            case ("polygon", .polygon(let corners, let fill)):
                matches = close(corners, points(shape.points)) && fill == colour
            case ("circle", .circle(let x, let y, let radius, let fill)):
                let centre = shape.centre ?? []
                matches =
                    close([Point(x: x, y: y)], points([centre]))
                    && abs(radius - (shape.radius ?? 0) * GymnasiumScreen.unitsPerPixel) < 1e-12
                    && fill == colour
            case ("line", .polyline(let line, let width, let fill)):
                matches = close(line, points(shape.points)) && width == GymnasiumScreen.unitsPerPixel && fill == colour
            default:
                matches = false
            }
            #expect(matches, "\(state), shape \(index): Gymnasium drew \(shape), we draw \(item)")
        }
    }
}
