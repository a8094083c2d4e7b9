/// The probability that a run of X scores higher than a run of Y on the same task, averaged over
/// tasks: rliable's `probability_of_improvement`.
///
/// On task m, with runs x₁…xₙ of X and y₁…yₖ of Y, it is
/// `(1 / nk) Σᵢ Σⱼ S(xᵢ, yⱼ)`, where S is 1 when xᵢ > yⱼ, ½ when they are equal and 0 otherwise:
/// the Mann–Whitney U statistic of X over Y divided by nk. Ties counting one half makes
/// P(X > Y) + P(Y > X) = 1, and identical results give exactly ½. The task values are then
/// averaged with equal weight per task, whatever each task's number of runs.
///
/// X and Y must have the same tasks in the same order; their run counts may differ.
public func probabilityOfImprovement(_ x: RunScores, over y: RunScores) -> Double {
    precondition(x.taskCount == y.taskCount, "both algorithms need scores on the same tasks")
    let perTask = zip(x.byTask, y.byTask).map { xs, ys in taskProbabilityOfImprovement(xs, over: ys) }
    return mean(perTask)
}

/// P(X > Y) on one task, ties counting one half.
func taskProbabilityOfImprovement(_ xs: [Double], over ys: [Double]) -> Double {
    // Counted in halves so the sum stays an exact integer.
    var halves = 0
    for x in xs {
        for y in ys {
            halves += x > y ? 2 : (x == y ? 1 : 0)
        }
    }
    return Double(halves) / Double(2 * xs.count * ys.count)
}

/// The probability of improvement of X over Y with its percentile interval, X and Y each
/// resampled on their own within each task (rliable's `StratifiedIndependentBootstrap`): the
/// runs of X and of Y are independent experiments, so neither resample follows the other.
///
/// One generator serves both: each replicate draws X's run indices for every task, then Y's.
public func probabilityOfImprovementInterval(
    _ x: RunScores,
    over y: RunScores,
    replicates: Int = defaultReplicates,
    confidence: Double = defaultConfidence,
    seed: UInt64
) -> IntervalEstimate {
    precondition(x.taskCount == y.taskCount, "both algorithms need scores on the same tasks")
    precondition(replicates > 0, "at least one bootstrap replicate")
    var resampler = StratifiedResampler(runCounts: x.runCounts + y.runCounts, seed: seed)
    let values = (0..<replicates).map { _ in
        let indices = resampler.nextIndices()
        return probabilityOfImprovement(
            x.resampled(by: Array(indices[..<x.taskCount])), over: y.resampled(by: Array(indices[x.taskCount...])))
    }
    return IntervalEstimate(
        point: probabilityOfImprovement(x, over: y), interval: percentileInterval(of: values, confidence: confidence))
}
