import RLClassicControl
import RLGridRender
import RLRender

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The classic-control worlds drawn as Gymnasium draws them (`render()` in its
/// `classic_control` modules), at a tenth of its pixel sizes: a board of 60 × 40 units for Cart
/// Pole and Mountain Car (Gymnasium's 600 × 400 window), 44 × 44 for Acrobot (its 500 × 500
/// window spans ±2.2 link lengths). The board goes under the toy-text worlds' HUD.
public enum ClassicControlScenes {
    public static let sky = RGBA(255, 255, 255)
    public static let ink = RGBA(0, 0, 0)
    public static let pole = RGBA(202, 152, 101)
    public static let axle = RGBA(129, 132, 203)
    public static let car = RGBA(0, 0, 0)
    public static let wheel = RGBA(128, 128, 128)
    public static let flag = RGBA(204, 204, 0)
    public static let link = RGBA(0, 204, 204)
    public static let joint = RGBA(204, 204, 0)

    // MARK: Cart Pole

    /// Board units per unit of cart position (Gymnasium: 600 px over a 4.8-wide world).
    public static let cartPoleScale = 60 / (2 * CartPole.positionThreshold)
    /// The track's height from the board's top (Gymnasium's `carty = 100` from the bottom).
    public static let trackY = 30.0

    /// Where the cart's centre (on the track) and the pole's tip are, in board units.
    public static func cartPoleGeometry(_ state: CartPoleObservation) -> (cart: (x: Double, y: Double), tip: (x: Double, y: Double)) {
        let cartX = state.cartPosition * cartPoleScale + 30
        let axleY = trackY - 3.0 / 4  // Gymnasium's axle offset: a quarter of the cart's 30 px height
        let length = 2 * CartPole.halfPoleLength * cartPoleScale
        return ((cartX, trackY), (cartX + length * sin(state.poleAngle), axleY - length * cos(state.poleAngle)))
    }

    /// A frame of Cart Pole.
    public static func cartPole(_ state: CartPoleObservation, hud: ToyTextHUD) -> Scene {
        let (cart, tip) = cartPoleGeometry(state)
        var board: [SceneItem] = [.rectangle(Rect(x: 0, y: 0, width: 60, height: 40), sky)]
        board.append(.line(fromX: 0, fromY: trackY, toX: 60, toY: trackY, ink))
        board.append(.rectangle(Rect(x: cart.x - 2.5, y: cart.y - 1.5, width: 5, height: 3), ink))
        let axle = (x: cart.x, y: trackY - 0.75)
        board += thickSegment(from: axle, to: tip, width: 1, pole)
        board.append(.circle(centerX: axle.x, centerY: axle.y, radius: 0.5, Self.axle))
        return framed(board, width: 60, height: 40, hud: hud)
    }

    // MARK: Mountain Car

    /// Board units per unit of position (Gymnasium: 600 px over the 1.8-wide range).
    public static let mountainCarScale = 60 / (MountainCar.maximumPosition - MountainCar.minimumPosition)

    /// The hill's height at `position`, Gymnasium's `sin(3x)·0.45 + 0.55`.
    public static func hillHeight(at position: Double) -> Double { sin(3 * position) * 0.45 + 0.55 }

    /// Where a position is on the board: on the hill's surface.
    public static func mountainCarPoint(_ position: Double) -> (x: Double, y: Double) {
        ((position - MountainCar.minimumPosition) * mountainCarScale, 40 - hillHeight(at: position) * mountainCarScale)
    }

    /// A frame of Mountain Car.
    public static func mountainCar(_ state: MountainCarObservation, hud: ToyTextHUD) -> Scene {
        var board: [SceneItem] = [.rectangle(Rect(x: 0, y: 0, width: 60, height: 40), sky)]
        let samples = 100
        for index in 0..<samples {
            let from = mountainCarPoint(MountainCar.minimumPosition + Double(index) / Double(samples) * 1.8)
            let to = mountainCarPoint(MountainCar.minimumPosition + Double(index + 1) / Double(samples) * 1.8)
            board.append(.line(fromX: from.x, fromY: from.y, toX: to.x, toY: to.y, ink))
        }
        // The flag at the goal: a pole 5 units high and a pennant.
        let goal = mountainCarPoint(MountainCar.goalPosition)
        board.append(.line(fromX: goal.x, fromY: goal.y, toX: goal.x, toY: goal.y - 5, ink))
        board.append(.rectangle(Rect(x: goal.x, y: goal.y - 5, width: 2.5, height: 1.2), flag))
        // The car: a body along the slope, lifted off the surface, and two wheels.
        let angle = atan(3 * 0.45 * cos(3 * state.position))  // the slope of the drawn hill
        let base = mountainCarPoint(state.position)
        let (along, up) = ((cos(angle), -sin(angle)), (-sin(angle), -cos(angle)))
        func offset(_ a: Double, _ u: Double) -> (x: Double, y: Double) {
            (base.x + a * along.0 + u * up.0, base.y + a * along.1 + u * up.1)
        }
        board += thickSegment(from: offset(-2, 1.5), to: offset(2, 1.5), width: 2, car)
        for wheel in [offset(-1.25, 0.5), offset(1.25, 0.5)] {
            board.append(.circle(centerX: wheel.x, centerY: wheel.y, radius: 0.5, self.wheel))
        }
        return framed(board, width: 60, height: 40, hud: hud)
    }

    // MARK: Acrobot

    /// Board units per link length (Gymnasium: 500 px over ±2.2 link lengths).
    public static let acrobotScale = 44 / (2 * 2.2)

    /// The joints' places: the pivot, the elbow and the tip (θ = 0 hangs straight down).
    public static func acrobotGeometry(_ state: AcrobotState) -> [(x: Double, y: Double)] {
        let centre = 22.0, first = state.firstAngle, both = state.firstAngle + state.secondAngle
        let elbow = (x: centre + acrobotScale * sin(first), y: centre + acrobotScale * cos(first))
        let tip = (x: elbow.x + acrobotScale * sin(both), y: elbow.y + acrobotScale * cos(both))
        return [(centre, centre), elbow, tip]
    }

    /// A frame of Acrobot: the target line one link length above the pivot, the links, the joints.
    public static func acrobot(_ state: AcrobotState, hud: ToyTextHUD) -> Scene {
        var board: [SceneItem] = [.rectangle(Rect(x: 0, y: 0, width: 44, height: 44), sky)]
        board.append(.line(fromX: 0, fromY: 22 - acrobotScale, toX: 44, toY: 22 - acrobotScale, ink))
        let joints = acrobotGeometry(state)
        for (from, to) in zip(joints, joints.dropFirst()) { board += thickSegment(from: from, to: to, width: 1.5, link) }
        for joint in joints.dropLast() { board.append(.circle(centerX: joint.x, centerY: joint.y, radius: 0.8, self.joint)) }
        return framed(board, width: 44, height: 44, hud: hud)
    }

    // MARK: Shared

    /// A segment `width` thick, as overlapping discs: every painter (window, PNG, terminal) has discs.
    static func thickSegment(from: (x: Double, y: Double), to: (x: Double, y: Double), width: Double, _ colour: RGBA) -> [SceneItem] {
        let length = ((to.x - from.x) * (to.x - from.x) + (to.y - from.y) * (to.y - from.y)).squareRoot()
        let count = max(1, Int((length / (width / 3)).rounded(.up)))
        return (0...count).map { index in
            let t = Double(index) / Double(count)
            return .circle(centerX: from.x + t * (to.x - from.x), centerY: from.y + t * (to.y - from.y), radius: width / 2, colour)
        }
    }

    /// The board under the HUD, moved to where the frame puts it.
    static func framed(_ board: [SceneItem], width: Double, height: Double, hud: ToyTextHUD) -> Scene {
        let origin = ToyTextFrame.boardOrigin(boardWidth: width, metricNames: hud.metrics.map(\.name))
        return ToyTextFrame.scene(
            board: board.map { $0.offset(x: origin.x, y: origin.y) }, boardWidth: width, boardHeight: height, hud: hud)
    }
}
