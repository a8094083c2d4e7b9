import RLClassicControl
import RLClassicControlRender
import RLGridRender
import RLRender
import Testing

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The pictures' geometry, by Gymnasium's formulas: its window at a tenth of its pixels, y down.
@Suite struct ClassicControlSceneTests {
    let hud = ToyTextHUD(episode: 1, step: 0, episodeReturn: 0)

    func centre(_ points: [Point]) -> Point {
        Point(x: points.map(\.x).reduce(0, +) / Double(points.count), y: points.map(\.y).reduce(0, +) / Double(points.count))
    }

    func near(_ a: Point, _ b: Point, within tolerance: Double = 1e-9) -> Bool {
        abs(a.x - b.x) <= tolerance && abs(a.y - b.y) <= tolerance
    }

    @Test func theCartIsWhereItsPositionPutsItOnTheTrack() {
        func cart(at position: Double) -> Point {
            centre(
                CartPoleScene.shapes(CartPoleObservation(cartPosition: position, cartVelocity: 0, poleAngle: 0, poleAngularVelocity: 0))
                    .cart)
        }
        // 125 px per unit (600 px over ±2.4), the middle at 300 px; the track 100 px above the bottom.
        #expect(near(cart(at: 0), Point(x: 30.05, y: 29.95)))
        #expect(near(cart(at: -2.4), Point(x: 0.05, y: 29.95)))
        #expect(near(cart(at: 1.2), Point(x: 45.05, y: 29.95)))
        let track = CartPoleScene.shapes(CartPoleObservation(cartPosition: 0, cartVelocity: 0, poleAngle: 0, poleAngularVelocity: 0)).track
        #expect(near(track[0], Point(x: 0.05, y: 29.95)) && near(track[1], Point(x: 60.05, y: 29.95)))
    }

    @Test func thePoleLeansByItsAngleAboutTheAxle() {
        for angle in [0.0, 0.2, -0.2, 1.0] {
            let shapes = CartPoleScene.shapes(
                CartPoleObservation(cartPosition: 0.5, cartVelocity: 0, poleAngle: angle, poleAngularVelocity: 0))
            // The pole's far end, 120 px from the axle along the pole (its 125 px less half its width), leans right for a positive angle.
            let top = Point(x: (shapes.pole[1].x + shapes.pole[2].x) / 2, y: (shapes.pole[1].y + shapes.pole[2].y) / 2)
            let axle = Point(x: 0.5 * 12.5 + 30.05, y: 40 - 10.75 - 0.05)
            #expect(near(top, Point(x: axle.x + 12 * sin(angle), y: axle.y - 12 * cos(angle))), "\(angle)")
            // Its width is Gymnasium's 10 px whatever the angle.
            let width =
                ((shapes.pole[2].x - shapes.pole[1].x) * (shapes.pole[2].x - shapes.pole[1].x)
                + (shapes.pole[2].y - shapes.pole[1].y) * (shapes.pole[2].y - shapes.pole[1].y)).squareRoot()
            #expect(abs(width - 1) < 1e-12)
        }
    }

    @Test func theCarRidesTheHillAndAtTheGoalItIsAtTheFlag() {
        let goal = MountainCarScene.shapes(MountainCarObservation(position: MountainCar.goalPosition, velocity: 0))
        // The flagpole stands on the hill at the goal, 50 px high; the car's wheels are there too.
        let foot = goal.flagpole[0]
        #expect(abs(goal.flagpole[0].y - goal.flagpole[1].y - 5) < 1e-12)
        #expect(goal.wheels.allSatisfy { abs($0.x - foot.x) < 1.5 && abs($0.y - foot.y) < 1.5 })
        #expect(goal.flag.allSatisfy { $0.x >= foot.x && $0.y < foot.y - 3.9 })
        // The hill: sin(3x)·0.45 + 0.55, at 333⅓ px per unit of position.
        let hill = goal.hill
        #expect(hill.count == 100)
        let scale = 600 / 1.8
        #expect(near(hill[0], Point(x: 0.05, y: (400 - (sin(-3.6) * 0.45 + 0.55) * scale - 0.5) / 10)))
        // The valley's bottom, at −π/6, is the hill's lowest point: 0.1 × scale above the window's bottom.
        let bottom = MountainCarScene.shapes(MountainCarObservation(position: -Double.pi / 6, velocity: 0))
        let wheelHeight = bottom.wheels.map(\.y).max()!
        #expect(abs(MountainCarScene.hillHeight(at: -Double.pi / 6) - 0.1) < 1e-12)
        #expect(hill.allSatisfy { $0.y < wheelHeight + 1.5 })
    }

    @Test func theCarTiltsByGymnasiumsAngle() {
        for position in [-1.2, -0.9, -0.5, 0.0, 0.4] {
            let car = MountainCarScene.shapes(MountainCarObservation(position: position, velocity: 0)).car
            // Its bottom edge, 40 px long, turned by cos(3x) (counterclockwise: y up on Gymnasium's window).
            let (dx, dy) = (car[3].x - car[0].x, -(car[3].y - car[0].y))
            #expect(abs(atan2(dy, dx) - cos(3 * position)) < 1e-9, "\(position)")
            #expect(abs((dx * dx + dy * dy).squareRoot() - 4) < 1e-9)
        }
    }

    @Test func theAcrobotsJointsFollowTheAngles() {
        func joints(_ first: Double, _ second: Double) -> [Point] {
            AcrobotScene.shapes(AcrobotState(firstAngle: first, secondAngle: second, firstAngularVelocity: 0, secondAngularVelocity: 0))
                .joints
        }
        let link = AcrobotScene.scale / 10  // 500 px over 4.4 link lengths
        let pivot = Point(x: 25.05, y: 24.95)
        // At rest it hangs straight down.
        #expect(near(joints(0, 0)[0], pivot) && near(joints(0, 0)[2], Point(x: pivot.x, y: pivot.y + 2 * link)))
        // Straight up, the tip is two links above the pivot: past the target line, one link up.
        let up = AcrobotScene.shapes(AcrobotState(firstAngle: .pi, secondAngle: 0, firstAngularVelocity: 0, secondAngularVelocity: 0))
        #expect(near(up.joints[2], Point(x: pivot.x, y: pivot.y - 2 * link)))
        #expect(abs(up.target[0].y - (pivot.y - link)) < 1e-9)
        // Any angles: the elbow at θ1 from straight down, the tip at θ1 + θ2.
        let (first, second) = (1.0, -2.0)
        let bent = joints(first, second)
        let elbow = Point(x: pivot.x + link * sin(first), y: pivot.y + link * cos(first))
        #expect(near(bent[1], elbow))
        #expect(near(bent[2], Point(x: elbow.x + link * sin(first + second), y: elbow.y + link * cos(first + second))))
        // Each link's bar runs from its joint to the next, 0.2 link lengths thick.
        let links = AcrobotScene.shapes(
            AcrobotState(firstAngle: first, secondAngle: second, firstAngularVelocity: 0, secondAngularVelocity: 0)
        )
        .links
        for (index, bar) in links.enumerated() {
            #expect(near(centre([bar[0], bar[1]]), bent[index]) && near(centre([bar[2], bar[3]]), bent[index + 1]))
        }
    }

    @Test func everyFrameHasTheHUDWithGlyphsForAllItsTextAndItsBoardInsideTheScene() {
        let view = ToyTextAgentView(
            stateLines: ["POSITION -0.500"], actionNames: ["LEFT", "NONE"], actionValues: [-1, -2], chosenAction: 0)
        let hud = ToyTextHUD(episode: 3, step: 200, episodeReturn: -200, banner: ("TIME UP", .white), agentView: view)
        let scenes = [
            CartPoleScene.scene(CartPoleObservation(cartPosition: -1, cartVelocity: 0, poleAngle: -0.1, poleAngularVelocity: 0), hud: hud),
            MountainCarScene.scene(MountainCarObservation(position: -0.5, velocity: 0), hud: hud),
            AcrobotScene.scene(AcrobotState(firstAngle: 1, secondAngle: -2, firstAngularVelocity: 0, secondAngularVelocity: 0), hud: hud),
        ]
        for scene in scenes {
            #expect(scene.texts.contains("EPISODE 3") && scene.texts.contains("STEP 200") && scene.texts.contains("TIME UP"))
            #expect(scene.texts.contains(">LEFT -1.00"))
            #expect(scene.texts.joined().allSatisfy { BitmapFont.hasGlyph(for: $0) }, "\(scene.texts)")
            guard case .rectangle(let board, .white) = scene.items[0] else {
                Issue.record("the board comes first")
                continue
            }
            #expect(board.x >= 0 && board.x + board.width <= scene.width && board.y + board.height <= scene.height)
            #expect(board.y >= ToyTextFrame.hudHeight)
        }
    }

    @Test func theTerminalShowsTheThinLines() {
        // One column per unit: Gymnasium's one-pixel lines are a tenth of a column, and still show.
        let scene = MountainCarScene.scene(MountainCarObservation(position: -0.5, velocity: 0), hud: hud)
        let region = ToyTextFrame.playArea(of: scene)
        let picture = TerminalPicture(region: region)
        let black = "\u{1B}[38;2;0;0;0m", blackBelow = "\u{1B}[48;2;0;0;0m"
        let lines = picture.lines(for: scene)
        // The hill crosses every column of the board: black in most rows of the picture.
        #expect(lines.filter { $0.contains(black) || $0.contains(blackBelow) }.count >= 8)
        let acrobot = AcrobotScene.scene(
            AcrobotState(firstAngle: 0, secondAngle: 0, firstAngularVelocity: 0, secondAngularVelocity: 0), hud: hud)
        let target = AcrobotScene.shapes(AcrobotState(firstAngle: 0, secondAngle: 0, firstAngularVelocity: 0, secondAngularVelocity: 0))
            .target[0]
        let origin = ToyTextFrame.boardOrigin(boardWidth: AcrobotScene.screen.boardWidth)
        let y = (origin.y + target.y).rounded(.down) + 0.5
        let covered = stride(from: origin.x + 1.5, to: origin.x + 49, by: 1).filter {
            TerminalPicture.color(of: acrobot, x: $0, y: y) == AcrobotScene.targetColour
        }
        #expect(covered.count >= 47)
    }
}
