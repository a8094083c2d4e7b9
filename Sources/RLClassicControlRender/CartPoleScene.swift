import RLClassicControl
import RLGridRender
import RLRender

/// Cart Pole as Gymnasium's `CartPoleEnv.render()` draws it: the track, the cart on it, the
/// pole on its axle.
public enum CartPoleScene {
    public static let screen = GymnasiumScreen(width: 600, height: 400)
    public static let cartColour = RGBA(0, 0, 0)
    public static let poleColour = RGBA(202, 152, 101)
    public static let axleColour = RGBA(129, 132, 203)
    public static let trackColour = RGBA(0, 0, 0)

    // Gymnasium's sizes, in its pixels.
    static let poleWidth = 10.0
    static let cartWidth = 50.0
    static let cartHeight = 30.0
    /// The track's height above the window's bottom (`carty`); the cart's centre is on it.
    static let trackHeight = 100.0
    /// How far above the cart's centre the pole's axle is.
    static let axleOffset = cartHeight / 4

    /// Pixels per unit of cart position: the window spans the track, ±2.4.
    public static var scale: Double { screen.width / (2 * CartPole.positionThreshold) }

    /// What the picture is made of, in board units.
    public struct Shapes: Equatable, Sendable {
        /// The cart's corners.
        public var cart: [Point]
        /// The pole's corners: a rectangle from just below the axle to its tip, turned by the angle.
        public var pole: [Point]
        /// The axle's centre, rounded to a whole pixel as Gymnasium rounds it.
        public var axle: Point
        /// The track, across the window.
        public var track: [Point]
    }

    public static func shapes(_ state: CartPoleObservation) -> Shapes {
        let cartX = state.cartPosition * scale + screen.width / 2
        let (left, right, top, bottom) = (-cartWidth / 2, cartWidth / 2, cartHeight / 2, -cartHeight / 2)
        let cart = [(left, bottom), (left, top), (right, top), (right, bottom)].map { screen.point(cartX + $0.0, trackHeight + $0.1) }
        // The pole is twice the half-length Gymnasium calls `length`; a positive angle leans it right.
        let poleLength = scale * 2 * CartPole.halfPoleLength
        let (poleLeft, poleRight, poleTop, poleBottom) = (-poleWidth / 2, poleWidth / 2, poleLength - poleWidth / 2, -poleWidth / 2)
        let pole = [(poleLeft, poleBottom), (poleLeft, poleTop), (poleRight, poleTop), (poleRight, poleBottom)].map { corner in
            let turned = GymnasiumScreen.rotated((corner.0, corner.1), by: -state.poleAngle)
            return screen.point(turned.x + cartX, turned.y + trackHeight + axleOffset)
        }
        return Shapes(
            cart: cart, pole: pole, axle: screen.wholePixel(cartX, trackHeight + axleOffset),
            track: [screen.point(0, trackHeight), screen.point(screen.width, trackHeight)])
    }

    /// The picture at the board's origin, in Gymnasium's drawing order.
    public static func board(_ state: CartPoleObservation) -> [SceneItem] {
        let shapes = shapes(state)
        return [
            screen.background, .polygon(shapes.cart, cartColour), .polygon(shapes.pole, poleColour),
            .circle(centerX: shapes.axle.x, centerY: shapes.axle.y, radius: poleWidth / 2 * GymnasiumScreen.unitsPerPixel, axleColour),
            .polyline(shapes.track, width: GymnasiumScreen.unitsPerPixel, trackColour),
        ]
    }

    /// A frame: the picture under the HUD.
    public static func scene(_ state: CartPoleObservation, hud: ToyTextHUD) -> Scene {
        screen.scene(board(state), hud: hud)
    }
}
