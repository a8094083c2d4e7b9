/// The `q`-quantile of values already sorted in increasing order, by linear interpolation between
/// the two nearest order statistics: NumPy's default (`np.quantile(x, q)`, method `linear`, type 7
/// of Hyndman & Fan 1996). The arithmetic is NumPy's too (its index `(n − 1) q` and its two-sided
/// interpolation), so the result is the same to the last bit, which the tests check.
public func quantile(sorted values: [Double], _ q: Double) -> Double {
    precondition(!values.isEmpty, "a quantile of nothing is undefined")
    precondition(q >= 0 && q <= 1, "a quantile level lies in [0, 1]")
    let index = Double(values.count - 1) * q
    if index >= Double(values.count - 1) { return values[values.count - 1] }
    let below = Int(index.rounded(.down))
    let weight = index - Double(below)
    let low = values[below], high = values[below + 1]
    let difference = high - low
    // NumPy interpolates from the nearer end, which keeps the result inside [low, high].
    return weight >= 0.5 ? high - difference * (1 - weight) : low + difference * weight
}

/// A two-sided interval around an estimate.
public struct ConfidenceInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public var width: Double { upper - lower }
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}

/// The two quantile levels of a central interval: 0.025 and 0.975 for 95%.
public func percentileLevels(confidence: Double) -> (lower: Double, upper: Double) {
    precondition(confidence > 0 && confidence < 1, "a confidence level lies strictly between 0 and 1")
    let tail = (1 - confidence) / 2
    return (tail, 1 - tail)
}

/// The percentile interval of bootstrap replicates: the central `confidence` share of them,
/// between the quantiles at `(1 − confidence)/2` and `(1 + confidence)/2` (Efron's percentile
/// method, rliable's default and `scipy.stats.bootstrap(..., method='percentile')`).
public func percentileInterval(of replicates: [Double], confidence: Double = defaultConfidence) -> ConfidenceInterval {
    let sorted = replicates.sorted()
    let levels = percentileLevels(confidence: confidence)
    return ConfidenceInterval(lower: quantile(sorted: sorted, levels.lower), upper: quantile(sorted: sorted, levels.upper))
}

/// 95%, the level rliable and most papers report.
public let defaultConfidence = 0.95
