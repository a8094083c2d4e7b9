/// The polynomial basis of order n (Sutton & Barto §9.5.1, eq. 9.17): with each coordinate
/// scaled to `0...1` as s, one feature ∏ⱼ sⱼ^cⱼ for every integer vector c in `{0, …, n}ᵏ`, so
/// (n+1)ᵏ features, all active. On one coordinate the features are 1, s, s², …, sⁿ. Vectors are
/// listed as ``FourierBasis`` lists them: the last coordinate varying fastest, c = 0 (the
/// constant feature) first.
public struct PolynomialBasis: Sendable, Equatable {
    public let order: Int
    public let ranges: FeatureRanges
    public let featureCount: Int

    /// The largest order accepted, and the most features, as for ``FourierBasis``.
    public static let maximumOrder = FourierBasis.maximumOrder
    public static let maximumFeatures = FourierBasis.maximumFeatures

    /// - Throws: when `order` is out of range or the basis would pass ``maximumFeatures``.
    public init(order: Int, ranges: FeatureRanges) throws(FeatureError) {
        guard (0...Self.maximumOrder).contains(order) else {
            throw FeatureError("the polynomial basis's order must be in 0...\(Self.maximumOrder), not \(order)")
        }
        let dimensions = ranges.dimensionCount
        guard dimensions <= 8 else { throw FeatureError("the polynomial basis takes at most 8 coordinates, not \(dimensions)") }
        let size = (0..<dimensions).reduce(1.0) { product, _ in product * Double(order + 1) }
        guard size <= Double(Self.maximumFeatures) else {
            throw FeatureError(
                "a polynomial basis of order \(order) over \(dimensions) coordinates would have more than "
                    + "\(Self.maximumFeatures) features, all active on every step")
        }
        self.order = order
        self.ranges = ranges
        featureCount = Int(size)
    }

    /// Every feature's value at a point given by its coordinates.
    @inlinable
    public func values(of coordinate: (Int) -> Double, into features: inout ActiveFeatures) {
        features.removeAll()
        let dimensions = ranges.dimensionCount
        // powers[j][c] = sⱼ^c, by repeated multiplication: exact for c = 0 and 1.
        let powers = (0..<dimensions).map { dimension in
            let s = ranges.position(of: coordinate(dimension), dimension: dimension, cells: 1)
            var power = 1.0
            return (0...order).map { _ in
                defer { power *= s }
                return power
            }
        }
        for index in 0..<featureCount {
            // The digits of `index` in base order+1, last coordinate fastest, are c.
            var rest = index, product = 1.0
            for dimension in stride(from: dimensions - 1, through: 0, by: -1) {
                product *= powers[dimension][rest % (order + 1)]
                rest /= order + 1
            }
            features.append(index, value: product)
        }
    }
}
