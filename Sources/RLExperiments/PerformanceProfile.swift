/// A performance profile: for each threshold τ, the share of runs scoring above τ, with a
/// stratified bootstrap band (rliable's `create_performance_profile` with score distributions).
/// Plotted against τ it is a falling curve; one curve wholly above another is better at every
/// level of ambition, which a single average cannot show.
public struct PerformanceProfile: Sendable, Equatable {
    public var thresholds: [Double]
    /// `shares[i]`: the share of runs with a score strictly above `thresholds[i]`.
    public var shares: [Double]
    /// `bands[i]`: the percentile interval of `shares[i]` over the bootstrap replicates.
    public var bands: [ConfidenceInterval]
}

/// What a profile counts above each threshold.
public enum ProfileBasis: Sendable {
    /// Every run of every task, pooled (rliable's default `score_distributions`): the share of
    /// runs above τ. With the same number of runs per task, this is the mean over tasks of each
    /// task's share; when counts differ, a task with more runs weighs more.
    case runs
    /// Each task's mean score (rliable's `average_score_distributions`): the share of tasks whose
    /// mean is above τ. Noisier with few tasks; use it to compare with profiles in papers that
    /// drew them this way.
    case taskMeans
}

/// rliable's default number of replicates for a profile's bands (fewer than for a single
/// aggregate, since every replicate evaluates the whole grid).
public let defaultProfileReplicates = 2_000

/// For each threshold, the share of scores strictly above it.
public func shareAbove(_ thresholds: [Double], in scores: [Double]) -> [Double] {
    precondition(!scores.isEmpty, "a share of nothing is undefined")
    let sorted = scores.sorted()
    return thresholds.map { threshold in
        // Binary search for the first score above the threshold.
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] > threshold { high = middle } else { low = middle + 1 }
        }
        return Double(sorted.count - low) / Double(sorted.count)
    }
}

extension RunScores {
    /// The profile's curve without bands: for each threshold, the share above it.
    public func profile(at thresholds: [Double], basis: ProfileBasis = .runs) -> [Double] {
        shareAbove(thresholds, in: basis == .runs ? pooled : taskMeans)
    }
}

/// The performance profile of `scores` at `thresholds`, each point with its stratified bootstrap
/// percentile band (one set of resamples serves every threshold, so the band is a band of curves).
public func performanceProfile(
    of scores: RunScores,
    at thresholds: [Double],
    basis: ProfileBasis = .runs,
    replicates: Int = defaultProfileReplicates,
    confidence: Double = defaultConfidence,
    seed: UInt64
) -> PerformanceProfile {
    let curves = stratifiedBootstrapReplicates(of: scores, replicates: replicates, seed: seed) {
        $0.profile(at: thresholds, basis: basis)
    }
    let bands = thresholds.indices.map { i in percentileInterval(of: curves.map { $0[i] }, confidence: confidence) }
    return PerformanceProfile(
        thresholds: thresholds, shares: scores.profile(at: thresholds, basis: basis), bands: bands)
}

/// `count` evenly spaced thresholds from `start` to `end`, both included (NumPy's `linspace`).
public func thresholdGrid(from start: Double, through end: Double, count: Int) -> [Double] {
    precondition(count >= 2, "a grid has at least its two ends")
    let step = (end - start) / Double(count - 1)
    return (0..<count).map { $0 == count - 1 ? end : start + Double($0) * step }
}
