import RLClassicControl
import RLGridRender
import RLRender

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Mountain Car as Gymnasium's `MountainCarEnv.render()` draws it: the hill, the car on it
/// with its wheels, the flag at the goal.
public enum MountainCarScene {
    public static let screen = GymnasiumScreen(width: 600, height: 400)
    public static let hillColour = RGBA(0, 0, 0)
    public static let carColour = RGBA(0, 0, 0)
    public static let wheelColour = RGBA(128, 128, 128)
    public static let flagpoleColour = RGBA(0, 0, 0)
    public static let flagColour = RGBA(204, 204, 0)

    // Gymnasium's sizes, in its pixels.
    static let carWidth = 40.0
    static let carHeight = 20.0
    /// How far the car's body and its wheels' centres are above the hill.
    static let clearance = 10.0
    /// Gymnasium's `int(carheight / 2.5)`.
    static let wheelRadius = 8.0
    static let flagpoleHeight = 50.0
    static let flagWidth = 25.0
    static let flagHeight = 10.0
    /// Points along the hill (Gymnasium's `np.linspace(min, max, 100)`).
    static let hillSamples = 100

    /// Pixels per unit of position: the window spans the positions, −1.2…0.6.
    public static var scale: Double { screen.width / (MountainCar.maximumPosition - MountainCar.minimumPosition) }

    /// The hill's height at `position` (Gymnasium's `_height`, `sin(3x)·0.45 + 0.55`).
    public static func hillHeight(at position: Double) -> Double { sin(3 * position) * 0.45 + 0.55 }

    /// The point of the hill's surface at `position`, in Gymnasium's pixels (y up).
    static func surface(at position: Double) -> (x: Double, y: Double) {
        ((position - MountainCar.minimumPosition) * scale, hillHeight(at: position) * scale)
    }

    /// What the picture is made of, in board units.
    public struct Shapes: Equatable, Sendable {
        public var hill: [Point]
        /// The car's body: a rectangle above the hill, turned by Gymnasium's angle, `cos(3x)`.
        public var car: [Point]
        /// The wheels' centres, rounded to whole pixels as Gymnasium rounds them.
        public var wheels: [Point]
        /// The flagpole's foot (on the hill at the goal, rounded to a whole pixel as Gymnasium
        /// rounds it) and top.
        public var flagpole: [Point]
        /// The pennant: a triangle pointing right from the top of the pole.
        public var flag: [Point]
    }

    public static func shapes(_ state: MountainCarObservation) -> Shapes {
        let range = MountainCar.maximumPosition - MountainCar.minimumPosition
        let hill = (0..<hillSamples).map { index in
            let point = surface(at: MountainCar.minimumPosition + Double(index) / Double(hillSamples - 1) * range)
            return screen.point(point.x, point.y)
        }
        let base = surface(at: state.position)
        // Gymnasium turns the car by cos(3x) radians: close to the hill's slope, atan(1.35 cos 3x), not equal to it.
        let angle = cos(3 * state.position)
        func placed(_ corner: (x: Double, y: Double)) -> (x: Double, y: Double) {
            let turned = GymnasiumScreen.rotated(corner, by: angle)
            return (turned.x + base.x, turned.y + clearance + base.y)
        }
        let (left, right, top, bottom) = (-carWidth / 2, carWidth / 2, carHeight, 0.0)
        let car = [(left, bottom), (left, top), (right, top), (right, bottom)].map { placed(($0.0, $0.1)) }
        let wheels = [(carWidth / 4, 0.0), (-carWidth / 4, 0.0)].map { placed(($0.0, $0.1)) }
        let goal = surface(at: MountainCar.goalPosition)
        let (flagX, flagBottom) = (goal.x.rounded(.towardZero), goal.y.rounded(.towardZero))
        let flagTop = flagBottom + flagpoleHeight
        return Shapes(
            hill: hill, car: car.map { screen.point($0.x, $0.y) }, wheels: wheels.map { screen.wholePixel($0.x, $0.y) },
            flagpole: [screen.point(flagX, flagBottom), screen.point(flagX, flagTop)],
            flag: [
                screen.point(flagX, flagTop), screen.point(flagX, flagTop - flagHeight),
                screen.point(flagX + flagWidth, flagTop - flagHeight / 2),
            ])
    }

    /// The picture at the board's origin, in Gymnasium's drawing order.
    public static func board(_ state: MountainCarObservation) -> [SceneItem] {
        let shapes = shapes(state)
        let pixel = GymnasiumScreen.unitsPerPixel
        return [screen.background, .polyline(shapes.hill, width: pixel, hillColour), .polygon(shapes.car, carColour)]
            + shapes.wheels.map { .circle(centerX: $0.x, centerY: $0.y, radius: wheelRadius * pixel, wheelColour) }
            + [.polyline(shapes.flagpole, width: pixel, flagpoleColour), .polygon(shapes.flag, flagColour)]
    }

    /// A frame: the picture under the HUD.
    public static func scene(_ state: MountainCarObservation, hud: ToyTextHUD) -> Scene {
        screen.scene(board(state), hud: hud)
    }
}
