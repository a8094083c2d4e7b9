/// A colour with alpha, 8 bits a channel.
public struct RGBA: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public var alpha: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8, _ alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    public var description: String { "rgba(\(red), \(green), \(blue), \(alpha))" }

    public static let black = RGBA(0, 0, 0)
    public static let white = RGBA(255, 255, 255)
}

/// An axis-aligned rectangle in scene units; y grows downwards, as on screens and images.
public struct Rect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Whether a point lies inside (left and top edges included).
    public func contains(x px: Double, y py: Double) -> Bool {
        px >= x && px < x + width && py >= y && py < y + height
    }
}

/// One thing to draw.
public enum SceneItem: Hashable, Sendable {
    /// A filled rectangle.
    case rectangle(Rect, RGBA)
    /// A filled circle.
    case circle(centerX: Double, centerY: Double, radius: Double, RGBA)
    /// A straight line one scene unit wide (scaled with the scene).
    case line(fromX: Double, fromY: Double, toX: Double, toY: Double, RGBA)
    /// A filled polygon (a rotated rectangle, a triangle): what ``ShapeGeometry`` says is inside.
    case polygon([Point], RGBA)
    /// Connected straight segments `width` scene units wide, never thinner than one pixel of
    /// whatever paints them (a one-pixel line of a large picture stays visible in a small one).
    case polyline([Point], width: Double, RGBA)
    /// Text in the built-in bitmap font, its top-left corner at (x, y); each font pixel is
    /// `pixelSize` scene units.
    case text(String, x: Double, y: Double, pixelSize: Double, RGBA)
}

/// What to draw: plain values computed from state, so tests can check them without a window,
/// and every backend (SDL window, PNG file, terminal) paints the same thing.
public struct Scene: Hashable, Sendable {
    /// The size in scene units; painters scale it to pixels.
    public var width: Double
    public var height: Double
    public var background: RGBA
    /// Drawn in order: later items cover earlier ones.
    public var items: [SceneItem]

    public init(width: Double, height: Double, background: RGBA, items: [SceneItem] = []) {
        self.width = width
        self.height = height
        self.background = background
        self.items = items
    }

    /// The text items' strings, in drawing order (handy for tests and the terminal).
    public var texts: [String] {
        items.compactMap { if case .text(let string, _, _, _, _) = $0 { string } else { nil } }
    }

    /// The rectangles a painter fills, with text expanded into its glyphs' pixels and circles,
    /// lines and polygons left out (they are painted by their own routines).
    public func filledRectangles() -> [(Rect, RGBA)] {
        items.flatMap { item -> [(Rect, RGBA)] in
            switch item {
            case .rectangle(let rect, let color): [(rect, color)]
            case .text(let string, let x, let y, let size, let color):
                BitmapFont.rectangles(for: string, x: x, y: y, pixelSize: size).map { ($0, color) }
            case .circle, .line, .polygon, .polyline: []
            }
        }
    }
}
