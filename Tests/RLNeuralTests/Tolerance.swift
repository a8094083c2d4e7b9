import Testing

/// The largest relative difference between `actual` and `expected`, element by element:
/// `|a − e| / max(|e|, floor)`. The floor is a share of the largest `|e|` of the tensor, so that an
/// entry that is zero up to rounding (a sum of terms that cancel) is judged against the
/// tensor's scale rather than against its own rounding noise.
func relativeDifference(_ actual: [Double], _ expected: [Double], floorShare: Double = 1e-3) -> Double {
    precondition(actual.count == expected.count, "\(actual.count) values against \(expected.count)")
    let scale = expected.map(abs).max() ?? 0
    let floor = Swift.max(scale * floorShare, .leastNormalMagnitude)
    var worst = 0.0
    for (a, e) in zip(actual, expected) {
        worst = Swift.max(worst, abs(a - e) / Swift.max(abs(e), floor))
    }
    return worst
}

/// How close two tensors must be: `relative`, with the floor of ``relativeDifference``.
struct Tolerance {
    var relative: Double
    var floorShare: Double
}

/// Fails unless `actual` is within `tolerance` of `expected`, relatively (see ``relativeDifference``).
func assertClose(
    _ actual: [Double], _ expected: [Double], tolerance: Tolerance, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let difference = relativeDifference(actual, expected, floorShare: tolerance.floorShare)
    #expect(difference <= tolerance.relative, "\(message)", sourceLocation: sourceLocation)
}

/// Whether `actual` is within `accuracy` of `expected` (XCTest's `accuracy:`).
func isClose<T: FloatingPoint>(_ actual: T, _ expected: T, within accuracy: T) -> Bool { abs(actual - expected) <= accuracy }
