import RLGridRender
import RLRender

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Gymnasium's window for a classic-control world, as a board of scene units under the
/// toy-text worlds' HUD. Gymnasium draws in pixels with y up and flips the image at the end; a
/// board has y down, and a tenth of a unit per pixel, so its 600 × 400 window is a board of
/// 60 × 40 units: about Pong's court, and the HUD's text keeps its size over every world.
public struct GymnasiumScreen: Sendable, Equatable {
    /// Scene units per Gymnasium pixel.
    public static let unitsPerPixel = 0.1
    /// The window's size in Gymnasium's pixels.
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The board's size in scene units.
    public var boardWidth: Double { width * Self.unitsPerPixel }
    public var boardHeight: Double { height * Self.unitsPerPixel }

    /// A point of Gymnasium's window (pixels, y up) on the board (units, y down). pygame names
    /// a pixel by its corner, so (x, y) draws the pixel whose centre is half a pixel further.
    public func point(_ x: Double, _ y: Double) -> Point {
        Point(x: (x + 0.5) * Self.unitsPerPixel, y: (height - y - 0.5) * Self.unitsPerPixel)
    }

    /// A point Gymnasium rounds to a whole pixel with `int()` (pygame's `gfxdraw` draws circles
    /// about whole pixels), on the board.
    public func wholePixel(_ x: Double, _ y: Double) -> Point {
        point(x.rounded(.towardZero), y.rounded(.towardZero))
    }

    /// The white window every classic-control world is drawn on.
    public var background: SceneItem { .rectangle(Rect(x: 0, y: 0, width: boardWidth, height: boardHeight), .white) }

    /// The frame: the board's items (drawn at the origin) placed under the HUD.
    public func scene(_ board: [SceneItem], hud: ToyTextHUD) -> Scene {
        let origin = ToyTextFrame.boardOrigin(boardWidth: boardWidth, metricNames: hud.metrics.map(\.name))
        return ToyTextFrame.scene(
            board: board.map { $0.offset(x: origin.x, y: origin.y) }, boardWidth: boardWidth, boardHeight: boardHeight, hud: hud)
    }

    /// `point` turned counterclockwise by `angle` radians about the origin, y up: pygame's
    /// `Vector2.rotate_rad`, which Gymnasium turns its shapes with.
    public static func rotated(_ point: (x: Double, y: Double), by angle: Double) -> (x: Double, y: Double) {
        (point.x * cos(angle) - point.y * sin(angle), point.x * sin(angle) + point.y * cos(angle))
    }
}
