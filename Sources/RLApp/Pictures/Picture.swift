/// An RGBA colour, 8 bits a channel.
public struct Colour: Sendable, Equatable, Hashable {
    public var red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    public static let white = Colour(red: 255, green: 255, blue: 255)
    public static let black = Colour(red: 0, green: 0, blue: 0)
    public static let grey = Colour(red: 128, green: 128, blue: 128)
    public static let lightGrey = Colour(red: 215, green: 215, blue: 215)

    /// The colour `fraction` (0...1) of the way from `self` to `other`.
    public func mixed(with other: Colour, _ fraction: Double) -> Colour {
        func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * min(max(fraction, 0), 1)).rounded())
        }
        return Colour(red: channel(red, other.red), green: channel(green, other.green),
                      blue: channel(blue, other.blue), alpha: channel(alpha, other.alpha))
    }
}

/// One thing to paint, in pixel coordinates: x to the right, y downwards, origin top left.
public enum Shape: Sendable, Equatable {
    /// A filled rectangle.
    case rectangle(x: Double, y: Double, width: Double, height: Double, colour: Colour)
    /// A straight line `width` pixels thick.
    case line(fromX: Double, fromY: Double, toX: Double, toY: Double, width: Double, colour: Colour)
    /// A filled circle.
    case circle(centreX: Double, centreY: Double, radius: Double, colour: Colour)
    /// Text whose top-left corner is at (x, y), `size` pixels tall.
    case text(String, x: Double, y: Double, size: Double, colour: Colour)
}

/// A picture as plain data: what to draw, in order, computed by pure Swift so that tests can
/// check it without a window or a file. A renderer (SDL) only paints it.
public struct Picture: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var background: Colour
    public var shapes: [Shape]

    public init(width: Int, height: Int, background: Colour = .white, shapes: [Shape] = []) {
        self.width = width
        self.height = height
        self.background = background
        self.shapes = shapes
    }

    public mutating func add(_ shape: Shape) { shapes.append(shape) }
}

/// Round tick values for an axis from `low` to `high`: steps of 1, 2 or 5 × 10^k, about `count` of them.
public func niceTicks(from low: Double, to high: Double, count: Int = 5) -> [Double] {
    guard high > low, low.isFinite, high.isFinite else { return [low] }
    let rough = (high - low) / Double(max(count, 1))
    var magnitude = 1.0
    while magnitude * 10 <= rough { magnitude *= 10 }
    while magnitude > rough { magnitude /= 10 }
    // The round step nearest the rough one (by ratio), so there are about `count` ticks.
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.min { max($0 / rough, rough / $0) < max($1 / rough, rough / $1) }!
    var ticks: [Double] = []
    var tick = (low / step).rounded(.up) * step
    while tick <= high + step * 1e-9 {
        ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
        tick += step
    }
    return ticks
}
