import RLBaird
import RLCore
import RLFeatures
import RLPrediction
import Testing

/// The μ-weighted projection Π = X(XᵀDX)⁻¹XᵀD and the Bellman errors of §11.4, by hand.
@Suite struct BellmanErrorTests {
    func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-12) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) < tolerance, "\(actual) against \(expected)") }
    }

    /// One constant feature: Π y is the μ-weighted mean everywhere, 0.5 · 1 + 0.25 · 2 + 0.25 · 3 = 1.75.
    @Test func aConstantFeatureProjectsOnTheWeightedMean() {
        let projection = ValueProjection(rows: [[1], [1], [1]], distribution: [0.5, 0.25, 0.25])
        expectClose(projection.apply([1, 2, 3]), [1.75, 1.75, 1.75])
        #expect(abs(projection.norm([1, 2, 3]) - (0.5 + 1 + 2.25).squareRoot()) < 1e-12)
    }

    /// Two features, X = [[1, 0], [1, 1], [0, 1]], μ uniform, y = (1, 0, 0): XᵀDX = (1/3)[[2, 1], [1, 2]],
    /// XᵀDy = (1/3)(1, 0), so w = [[2, 1], [1, 2]]⁻¹ (1, 0) = (2/3, −1/3) and Π y = Xw = (2/3, 1/3, −1/3).
    @Test func twoFeaturesByTheNormalEquations() {
        let projection = ValueProjection(rows: [[1, 0], [1, 1], [0, 1]], distribution: [1.0 / 3, 1.0 / 3, 1.0 / 3])
        expectClose(projection.apply([1, 0, 0]), [2.0 / 3, 1.0 / 3, -1.0 / 3])
    }

    /// Dependent columns ((1, 0, 0) and its double) span one direction: Π y = (y₁, 0, 0).
    @Test func dependentColumnsAreDroppedNotInverted() {
        let projection = ValueProjection(rows: [[1, 2], [0, 0], [0, 0]], distribution: [0.2, 0.3, 0.5])
        #expect(projection.basis.count == 1)
        expectClose(projection.apply([4, 5, 6]), [4, 0, 0])
    }

    /// The residual y − Π y is μ-orthogonal to every column, and Π is idempotent.
    @Test func theResidualIsOrthogonal() {
        let rows: [[Double]] = [[1, 0], [1, 1], [0, 1], [2, 1]]
        let distribution = [0.1, 0.2, 0.3, 0.4]
        let projection = ValueProjection(rows: rows, distribution: distribution)
        let values = [1.0, -2, 3, 0.5]
        let projected = projection.apply(values)
        for feature in 0..<2 {
            let overlap = (0..<4).reduce(0.0) { $0 + distribution[$1] * rows[$1][feature] * (values[$1] - projected[$1]) }
            #expect(abs(overlap) < 1e-12)
        }
        expectClose(projection.apply(projected), projected)
    }

    /// Baird's 8 features span all 7 states' value functions (XᵀDX is singular): Π = I, and at
    /// w₀ under "always solid" δ̄ = (8.88 × 6, −0.12), so √PBE = √BE = √((6 · 8.88² + 0.12²)/7).
    @Test func bairdsProjectionIsTheIdentity() {
        let projection = ValueProjection(rows: BairdCounterexample.features, distribution: Array(repeating: 1.0 / 7, count: 7))
        #expect(projection.basis.count == 7)
        let errors = bellmanErrors(
            BairdCounterexample.initialWeights, model: BairdCounterexample().model,
            features: TabulatedFeatures(rows: BairdCounterexample.features),
            policy: { _, action in action == BairdCounterexample.Move.solid.rawValue ? 1 : 0 }, discount: 0.99)
        expectClose(errors, [8.88, 8.88, 8.88, 8.88, 8.88, 8.88, -0.12])
        expectClose(projection.apply(errors), errors, tolerance: 1e-9)
        #expect(abs(projection.norm(projection.apply(errors)) - ((6 * 8.88 * 8.88 + 0.0144) / 7).squareRoot()) < 1e-9)
    }
}
