#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The Fourier cosine basis of order n (Sutton & Barto §9.5.2; Konidaris, Osentoski & Thomas
/// 2011): with each coordinate scaled to `0...1` as s, one feature cos(π s·c) for every integer
/// vector c in `{0, …, n}ᵏ`, so (n+1)ᵏ features, all active. Vectors are listed with the last
/// coordinate varying fastest; c = 0 (the constant feature) is the first.
public struct FourierBasis: Sendable, Equatable {
    public let order: Int
    public let ranges: FeatureRanges
    public let featureCount: Int

    /// The largest order accepted, and the most features: every one is active on every step.
    public static let maximumOrder = 64
    public static let maximumFeatures = 1 << 16

    /// - Throws: when `order` is out of range or the basis would pass ``maximumFeatures``.
    public init(order: Int, ranges: FeatureRanges, actionCount: Int = 1) throws(FeatureError) {
        guard (0...Self.maximumOrder).contains(order) else {
            throw FeatureError("--order must be in 0...\(Self.maximumOrder), not \(order)")
        }
        let dimensions = ranges.dimensionCount
        guard dimensions <= 8 else { throw FeatureError("the Fourier basis takes at most 8 coordinates, not \(dimensions)") }
        let size = (0..<dimensions).reduce(1.0) { product, _ in product * Double(order + 1) }
        guard size <= Double(Self.maximumFeatures), boundedProduct([Int(size), actionCount]) != nil else {
            throw FeatureError(
                "a Fourier basis of order \(order) over \(dimensions) coordinates would have \(countText(size)) features, "
                    + "all active on every step; the limit is \(countText(Double(Self.maximumFeatures)))")
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
        var scaled = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        withUnsafeMutableBytes(of: &scaled) { raw in
            let s = raw.bindMemory(to: Double.self)
            for dimension in 0..<dimensions {
                s[dimension] = ranges.position(of: coordinate(dimension), dimension: dimension, cells: 1)
            }
            for index in 0..<featureCount {
                // The digits of `index` in base order+1, last coordinate fastest, are c.
                var rest = index, dot = 0.0
                for dimension in stride(from: dimensions - 1, through: 0, by: -1) {
                    dot += Double(rest % (order + 1)) * s[dimension]
                    rest /= order + 1
                }
                features.append(index, value: cos(Double.pi * dot))
            }
        }
    }
}
