import RLFeatures
import Testing

@Suite struct PolynomialBasisTests {
    /// §9.5.1 on one coordinate: 1, s, s², s³ with s the state scaled to 0...1.
    @Test func theOrderThreeBasisOnOneCoordinate() throws {
        let basis = try PolynomialBasis(order: 3, ranges: FeatureRanges(low: [0], high: [1000]))
        #expect(basis.featureCount == 4)
        var features = ActiveFeatures(capacity: 4)
        basis.values(of: { _ in 500 }, into: &features)
        #expect(features.count == 4)
        #expect(Array(features.indices.prefix(4)) == [0, 1, 2, 3])
        // s = 500/1000 = 0.5: 1, 0.5, 0.25, 0.125, exactly.
        #expect(Array(features.values.prefix(4)) == [1, 0.5, 0.25, 0.125])
        basis.values(of: { _ in 250 }, into: &features)
        #expect(Array(features.values.prefix(4)) == [1, 0.25, 0.0625, 0.015625])
    }

    /// Eq. 9.17 over two coordinates, listed as the Fourier basis lists c: (0,0), (0,1), (1,0), (1,1).
    @Test func theOrderOneBasisOverTwoCoordinates() throws {
        let basis = try PolynomialBasis(order: 1, ranges: FeatureRanges(low: [0, -1], high: [1, 1]))
        var features = ActiveFeatures(capacity: 4)
        let point = [0.25, 0.0]  // s = (0.25, 0.5)
        basis.values(of: { point[$0] }, into: &features)
        #expect(Array(features.values.prefix(4)) == [1, 0.5, 0.25, 0.125])
    }

    @Test func outOfRangeOrdersAreRefused() {
        let line = FeatureRanges(low: [0], high: [1])
        #expect(throws: FeatureError.self) { try PolynomialBasis(order: -1, ranges: line) }
        #expect(throws: FeatureError.self) { try PolynomialBasis(order: 65, ranges: line) }
        let many = FeatureRanges(low: Array(repeating: 0, count: 6), high: Array(repeating: 1, count: 6))
        #expect(throws: FeatureError.self) { try PolynomialBasis(order: 9, ranges: many) }
    }
}
