// Point estimates of an algorithm's performance over tasks and runs, as rliable defines them
// (`rliable/metrics.py`). docs/STATISTICS.md says what each one means and when to prefer it.

/// The arithmetic mean; `values` must not be empty.
public func mean(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "the mean of nothing is undefined")
    return values.reduce(0, +) / Double(values.count)
}

/// The median: the middle value, or the mean of the two middle values when the count is even
/// (NumPy's `np.median`); `values` must not be empty.
public func median(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "the median of nothing is undefined")
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// The mean of what is left after cutting `proportion` of the values from each end, exactly as
/// SciPy's `scipy.stats.trim_mean(values, proportion)`: the number cut from each end is
/// `⌊proportion × n⌋`, so for n = 10 and 25% two values go from each end and the mean is over the
/// middle six. Ties are cut like any other value (by position in sorted order).
public func trimmedMean(_ values: [Double], cutting proportion: Double) -> Double {
    precondition(!values.isEmpty, "the trimmed mean of nothing is undefined")
    precondition(proportion >= 0 && proportion < 0.5, "cut less than half from each end")
    let cut = Int((proportion * Double(values.count)).rounded(.down))
    let sorted = values.sorted()
    return mean(Array(sorted[cut..<(sorted.count - cut)]))
}

/// The interquartile mean: the 25% trimmed mean, the mean of the middle half of the values.
public func interquartileMean(_ values: [Double]) -> Double {
    trimmedMean(values, cutting: interquartileProportion)
}

/// A quarter from each end leaves the middle half (the interquartile range).
let interquartileProportion = 0.25

extension RunScores {
    /// rliable's `aggregate_mean`: the mean over tasks of each task's mean score.
    public var mean: Double { RLExperiments.mean(taskMeans) }

    /// rliable's `aggregate_median`: the median over tasks of each task's mean score.
    public var median: Double { RLExperiments.median(taskMeans) }

    /// rliable's `aggregate_iqm`: the interquartile mean of all runs of all tasks pooled together
    /// (not of the task means), `trim_mean(scores, 0.25, axis=None)`.
    public var interquartileMean: Double { RLExperiments.interquartileMean(pooled) }

    /// rliable's `aggregate_optimality_gap`: how far the runs fall short of `target` on average,
    /// scores above the target counting as the target (`target − mean(min(score, target))`).
    /// For normalised scores, a target of 1 asks "how far from solved?"; lower is better.
    public func optimalityGap(target: Double = 1) -> Double {
        target - RLExperiments.mean(pooled.map { Swift.min($0, target) })
    }
}
