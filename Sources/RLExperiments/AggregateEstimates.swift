/// The aggregate statistics a report shows, by name.
public enum Aggregate: String, CaseIterable, Sendable {
    case mean
    case median
    case interquartileMean = "iqm"
    /// The optimality gap at a target of 1 (normalised scores).
    case optimalityGap = "optimality-gap"

    /// The statistic of `scores`.
    public func value(of scores: RunScores) -> Double {
        switch self {
        case .mean: scores.mean
        case .median: scores.median
        case .interquartileMean: scores.interquartileMean
        case .optimalityGap: scores.optimalityGap()
        }
    }
}

/// Several aggregates with their stratified bootstrap percentile intervals, from one set of
/// resamples: each aggregate's interval is the one ``stratifiedBootstrapInterval(of:replicates:confidence:seed:statistic:)``
/// gives for it with the same seed, at the cost of one resampling.
public func aggregateEstimates(
    of scores: RunScores,
    _ aggregates: [Aggregate] = Aggregate.allCases,
    replicates: Int = defaultReplicates,
    confidence: Double = defaultConfidence,
    seed: UInt64
) -> [Aggregate: IntervalEstimate] {
    let resampled = stratifiedBootstrapReplicates(of: scores, replicates: replicates, seed: seed) { resample in
        aggregates.map { $0.value(of: resample) }
    }
    var estimates: [Aggregate: IntervalEstimate] = [:]
    for (column, aggregate) in aggregates.enumerated() {
        estimates[aggregate] = IntervalEstimate(
            point: aggregate.value(of: scores),
            interval: percentileInterval(of: resampled.map { $0[column] }, confidence: confidence))
    }
    return estimates
}
