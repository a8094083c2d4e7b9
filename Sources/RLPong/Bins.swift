/// Splits an integer coordinate's reachable range into bins one movement step wide.
///
/// The tutorial computed `floor(coordinate / m) − 2`, which is negative near the edges (numpy
/// then wrapped it to the other end of the table). Here the bins start at the lowest reachable
/// value, so every reachable value has a bin in `0..<count`.
public struct Bins: Sendable, Equatable {
    /// The lowest reachable value.
    public let lowerBound: Int
    /// The highest reachable value.
    public let upperBound: Int
    /// How many values share a bin.
    public let width: Int

    public init(from lowerBound: Int, through upperBound: Int, width: Int) {
        precondition(lowerBound <= upperBound && width > 0)
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.width = width
    }

    /// How many bins cover the range.
    public var count: Int { (upperBound - lowerBound) / width + 1 }

    /// The bin of a reachable value.
    @inlinable
    public func bin(of value: Int) -> Int {
        precondition(value >= lowerBound && value <= upperBound, "\(value) is outside \(lowerBound)...\(upperBound)")
        return (value - lowerBound) / width
    }

    /// The range of values a bin holds.
    public func values(inBin bin: Int) -> ClosedRange<Int> {
        let low = lowerBound + bin * width
        return low...min(upperBound, low + width - 1)
    }

    /// The bin of every reachable value, so that the hot path looks bins up instead of
    /// dividing by a step known only at run time.
    public var lookupTable: [Int] { (lowerBound...upperBound).map(bin(of:)) }
}

extension PongConfiguration {
    /// The paddle's reachable y: from −m (the clamp at the bottom) to H − P (at the top).
    public var paddleBins: Bins { Bins(from: paddleMinimumY, through: paddleMaximumY, width: movementStep) }

    /// The ball's reachable y: it turns only once past an edge, so it can stand up to one step
    /// outside the court (−m below, H + m above).
    public var ballYBins: Bins { Bins(from: -movementStep, through: courtHeight + movementStep, width: movementStep) }

    /// The ball's reachable x: it moves left only while x > paddle line, so its lowest x is
    /// paddle line + 1 − m; it turns only once beyond W, so its highest is W + m.
    public var ballXBins: Bins {
        Bins(from: min(paddleLineX + 1 - movementStep, courtWidth / 2), through: courtWidth + movementStep, width: movementStep)
    }
}
