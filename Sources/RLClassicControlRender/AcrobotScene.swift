import RLClassicControl
import RLGridRender
import RLRender

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Acrobot as Gymnasium's `AcrobotEnv.render()` draws it: the target line one link above the
/// pivot, the two links, a joint at the start of each.
public enum AcrobotScene {
    public static let screen = GymnasiumScreen(width: 500, height: 500)
    public static let targetColour = RGBA(0, 0, 0)
    public static let linkColour = RGBA(0, 204, 204)
    public static let jointColour = RGBA(204, 204, 0)

    /// The links' lengths: Gymnasium's `LINK_LENGTH_2` is 1 like the first (only its picture uses it).
    static let linkLengths = (Acrobot.firstLinkLength, 1.0)
    /// The window reaches 0.2 beyond both links stretched out, on every side.
    static var reach: Double { linkLengths.0 + linkLengths.1 + 0.2 }
    /// Pixels per metre.
    public static var scale: Double { screen.width / (2 * reach) }
    /// The pivot, at the window's centre.
    static var pivot: (x: Double, y: Double) { (screen.width / 2, screen.height / 2) }

    /// What the picture is made of, in board units.
    public struct Shapes: Equatable, Sendable {
        /// The target line, 2.2 link lengths to either side, one above the pivot.
        public var target: [Point]
        /// The pivot, the elbow and the tip.
        public var joints: [Point]
        /// The pivot and the elbow as drawn: rounded to whole pixels as Gymnasium rounds them.
        public var drawnJoints: [Point]
        /// Each link's corners: a bar 0.2 m thick from its joint, turned by its angle.
        public var links: [[Point]]
    }

    public static func shapes(_ state: AcrobotState) -> Shapes {
        // θ = 0 hangs straight down; a positive angle turns counterclockwise.
        let first = state.firstAngle, both = state.firstAngle + state.secondAngle
        let elbow = (x: pivot.x + linkLengths.0 * scale * sin(first), y: pivot.y - linkLengths.0 * scale * cos(first))
        let tip = (x: elbow.x + linkLengths.1 * scale * sin(both), y: elbow.y - linkLengths.1 * scale * cos(both))
        let links = zip([pivot, elbow], [(first - .pi / 2, linkLengths.0), (both - .pi / 2, linkLengths.1)]).map { start, link in
            let (left, right, top, bottom) = (0.0, link.1 * scale, 0.1 * scale, -0.1 * scale)
            return [(left, bottom), (left, top), (right, top), (right, bottom)].map { corner in
                let turned = GymnasiumScreen.rotated((corner.0, corner.1), by: link.0)
                return screen.point(turned.x + start.x, turned.y + start.y)
            }
        }
        let targetY = pivot.y + linkLengths.0 * scale
        return Shapes(
            target: [screen.point(pivot.x - 2.2 * scale, targetY), screen.point(pivot.x + 2.2 * scale, targetY)],
            joints: [pivot, elbow, tip].map { screen.point($0.x, $0.y) },
            drawnJoints: [pivot, elbow].map { screen.wholePixel($0.x, $0.y) },
            links: links)
    }

    /// The picture at the board's origin, in Gymnasium's drawing order.
    public static func board(_ state: AcrobotState) -> [SceneItem] {
        let shapes = shapes(state)
        // Gymnasium's joint radius, int(0.1 × scale) pixels.
        let jointRadius = (0.1 * scale).rounded(.down) * GymnasiumScreen.unitsPerPixel
        var items = [screen.background, .polyline(shapes.target, width: GymnasiumScreen.unitsPerPixel, targetColour)]
        for (link, joint) in zip(shapes.links, shapes.drawnJoints) {
            items += [.polygon(link, linkColour), .circle(centerX: joint.x, centerY: joint.y, radius: jointRadius, jointColour)]
        }
        return items
    }

    /// A frame: the picture under the HUD.
    public static func scene(_ state: AcrobotState, hud: ToyTextHUD) -> Scene {
        screen.scene(board(state), hud: hud)
    }
}
