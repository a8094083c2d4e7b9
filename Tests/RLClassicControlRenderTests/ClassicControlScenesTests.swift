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

/// The pictures against the geometry of Gymnasium's `render()` (at a tenth of its pixels).
@Suite struct ClassicControlScenesTests {
    let hud = ToyTextHUD(episode: 1, step: 0, episodeReturn: 0)

    @Test func theCartSitsOnTheTrackAndThePoleLeansWithItsAngle() {
        let upright = ClassicControlScenes.cartPoleGeometry(
            CartPoleObservation(cartPosition: 0, cartVelocity: 0, poleAngle: 0, poleAngularVelocity: 0))
        #expect(upright.cart.x == 30 && upright.cart.y == ClassicControlScenes.trackY)
        // The pole is 1.0 long (twice the half-length), 12.5 units at 125 px per unit.
        #expect(abs(upright.tip.x - 30) < 1e-12 && abs(upright.tip.y - (30 - 0.75 - 12.5)) < 1e-12)
        let leaning = ClassicControlScenes.cartPoleGeometry(
            CartPoleObservation(cartPosition: 2.4, cartVelocity: 0, poleAngle: 0.2, poleAngularVelocity: 0))
        #expect(abs(leaning.cart.x - 60) < 1e-12)  // the track's right end
        #expect(abs(leaning.tip.x - (60 + 12.5 * sin(0.2))) < 1e-12)
    }

    @Test func theMountainCarRidesTheHillAndTheFlagIsAtTheGoal() {
        let goal = ClassicControlScenes.mountainCarPoint(MountainCar.goalPosition)
        #expect(abs(goal.x - 1.7 / 1.8 * 60) < 1e-12)
        #expect(abs(goal.y - (40 - (sin(1.5) * 0.45 + 0.55) * 60 / 1.8)) < 1e-12)
        // The valley's bottom is at −π/6, where sin(3x) = −1.
        let bottom = ClassicControlScenes.mountainCarPoint(-Double.pi / 6)
        #expect(abs(bottom.y - (40 - 0.1 * 60 / 1.8)) < 1e-12)
    }

    @Test func theAcrobotHangsDownAtRestAndItsTipRisesWithTheAngles() {
        let rest = ClassicControlScenes.acrobotGeometry(
            AcrobotState(firstAngle: 0, secondAngle: 0, firstAngularVelocity: 0, secondAngularVelocity: 0))
        #expect(rest[0] == (x: 22, y: 22) && abs(rest[2].x - 22) < 1e-12 && abs(rest[2].y - 42) < 1e-12)
        // Straight up: the tip is two links above the pivot, past the target line one link up.
        let up = ClassicControlScenes.acrobotGeometry(
            AcrobotState(firstAngle: .pi, secondAngle: 0, firstAngularVelocity: 0, secondAngularVelocity: 0))
        #expect(abs(up[2].y - 2) < 1e-9)
    }

    @Test func everyPictureHasTheHUDAndStaysInsideItsScene() {
        let scenes = [
            ClassicControlScenes.cartPole(
                CartPoleObservation(cartPosition: -1, cartVelocity: 0, poleAngle: -0.1, poleAngularVelocity: 0), hud: hud),
            ClassicControlScenes.mountainCar(MountainCarObservation(position: -0.5, velocity: 0), hud: hud),
            ClassicControlScenes.acrobot(
                AcrobotState(firstAngle: 1, secondAngle: -2, firstAngularVelocity: 0, secondAngularVelocity: 0), hud: hud),
        ]
        for scene in scenes {
            #expect(scene.texts.contains("EPISODE 1") && scene.texts.contains("STEP 0"))
            for item in scene.items {
                if case .circle(let x, let y, _, _) = item { #expect(x >= 0 && x <= scene.width && y >= 0 && y <= scene.height) }
            }
        }
    }
}
