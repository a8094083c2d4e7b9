/// The interval each coordinate's features cover: a continuous world's bounds, made finite
/// where the world's own are not (Cart Pole's velocities), and which coordinates are angles that
/// wrap around. A coordinate outside its interval counts as its nearest end, unless it wraps.
public struct FeatureRanges: Codable, Sendable, Equatable {
    public var low: [Double]
    public var high: [Double]
    /// Coordinates whose interval is one turn of a circle: `high` is the same point as `low`.
    public var wraps: [Bool]

    public init(low: [Double], high: [Double], wraps: [Bool]? = nil) {
        self.low = low
        self.high = high
        self.wraps = wraps ?? Array(repeating: false, count: low.count)
    }

    /// How many coordinates.
    @inlinable public var dimensionCount: Int { low.count }

    /// Checks the ranges fit `dimensionCount` coordinates and every interval is finite and not empty.
    public func validate(dimensionCount: Int) throws(FeatureError) {
        guard low.count == dimensionCount, high.count == dimensionCount, wraps.count == dimensionCount else {
            throw FeatureError("the feature ranges need \(dimensionCount) bounds of each kind, not \(low.count) and \(high.count)")
        }
        for dimension in 0..<dimensionCount {
            guard low[dimension].isFinite, high[dimension].isFinite, low[dimension] < high[dimension] else {
                throw FeatureError(
                    "the feature range of coordinate \(dimension) must be finite and not empty, not \(low[dimension])...\(high[dimension])")
            }
        }
    }

    /// `value` on coordinate `dimension` as a position in `0...cells` (a wrapping coordinate:
    /// in `0..<cells`, taken modulo one turn). NaN counts as the low end.
    @inlinable @inline(__always)
    public func position(of value: Double, dimension: Int, cells: Double) -> Double {
        let low = self.low[dimension], width = self.high[dimension] - low
        let unit = (value - low) / width
        if wraps[dimension] {
            let turn = unit - unit.rounded(.down)
            return turn.isFinite ? min(turn * cells, cells.nextDown) : 0
        }
        // `!(unit > 0)` is true for NaN too: a NaN coordinate reads as the low end, never a trap.
        if !(unit > 0) { return 0 }
        if unit >= 1 { return cells }
        return unit * cells
    }
}

/// A feature setting out of range, or features that would not fit in memory: one line.
public struct FeatureError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}

/// The most weights (features × actions) a linear agent may hold: 2²⁴, 128 MiB of values and
/// as much again of visit counts. A tiling past it is refused before anything is allocated.
public let maximumWeightCount = 1 << 24

/// Multiplies sizes, `nil` past ``maximumWeightCount`` (or on overflow).
@usableFromInline
func boundedProduct(_ factors: [Int]) -> Int? {
    var product = 1
    for factor in factors {
        let (result, overflow) = product.multipliedReportingOverflow(by: factor)
        guard !overflow, result <= maximumWeightCount else { return nil }
        product = result
    }
    return product
}
