/// State aggregation (Sutton & Barto §9.3): each coordinate's range cut into `bins` equal
/// intervals, and one feature per cell of the grid they make; exactly one is active, with value
/// 1. A table over a discretised world, as a feature map.
public struct StateAggregation: Sendable, Equatable {
    public let bins: Int
    public let ranges: FeatureRanges
    public let featureCount: Int

    /// The largest number of bins per coordinate accepted.
    public static let maximumBins = 1 << 16

    /// - Throws: when `bins` is out of range or the grid (times `actionCount`) would pass
    ///   ``maximumWeightCount``.
    public init(bins: Int, ranges: FeatureRanges, actionCount: Int = 1) throws(FeatureError) {
        guard (1...Self.maximumBins).contains(bins) else {
            throw FeatureError("--tiles (bins per coordinate) must be in 1...\(Self.maximumBins), not \(bins)")
        }
        let dimensions = ranges.dimensionCount
        guard let count = boundedProduct(Array(repeating: bins, count: dimensions) + [actionCount]) else {
            let size = (0..<dimensions).reduce(Double(actionCount)) { product, _ in product * Double(bins) }
            throw FeatureError(
                "\(bins) bins over \(dimensions) coordinates would need \(countText(size)) weights for \(actionCount) actions "
                    + "(\(bytes(size * 16))); the limit is \(countText(Double(maximumWeightCount)))")
        }
        self.bins = bins
        self.ranges = ranges
        featureCount = count / actionCount
    }

    /// The one active cell of a point given by its coordinates.
    @inlinable
    public func activeCell(of coordinate: (Int) -> Double, into features: inout ActiveFeatures) {
        features.removeAll()
        var index = 0
        for dimension in 0..<ranges.dimensionCount {
            let position = ranges.position(of: coordinate(dimension), dimension: dimension, cells: Double(bins))
            index = index &* bins &+ min(Int(position), bins &- 1)
        }
        features.append(index)
    }
}
