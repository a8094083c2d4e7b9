/// §8.5's comparison of expected and sample updates (Sutton & Barto, 2nd ed., 2018, Figure 8.7):
/// one state-action pair whose `b` successors are equally likely, with the value of each
/// successor's target, r + γ max_a' Q(s', a'), taken as correct. Each call below is one
/// computation of a max_a' Q(s', a'), the figure's unit of time.
///
/// An expected update sums the `b` targets one computation at a time and replaces the estimate
/// with their mean when the last one is in: before that the estimate is untouched, after it the
/// error is 0. A sample update draws one successor and moves the estimate towards its target with
/// step size 1/t (t the sample updates so far), so after t of them the estimate is the mean of t
/// draws: the initial estimate is forgotten at the first, and the error's mean square is the
/// targets' variance over t (the book's √((b − 1)/(bt)) when the targets are N(0, 1) draws).
/// One pair is updated one way or the other, not both.
public struct BranchingUpdate: Sendable {
    /// r + γ max_a' Q(s', a') for each of the `b` successors.
    public let targets: [Double]
    /// q(s, a): the mean of the targets, every successor equally likely.
    public let trueValue: Double
    /// Q(s, a).
    public private(set) var estimate: Double
    /// The max_a' Q(s', a') computed so far (the figure's x).
    public private(set) var computations = 0
    /// The expected update under way: the targets summed so far.
    private var partialSum = 0.0

    /// - Precondition: at least one successor.
    public init(targets: [Double], initialEstimate: Double) {
        precondition(!targets.isEmpty, "a state-action pair has at least one successor")
        self.targets = targets
        trueValue = targets.reduce(0, +) / Double(targets.count)
        estimate = initialEstimate
    }

    /// The branching factor b.
    public var branches: Int { targets.count }

    /// |Q(s, a) − q(s, a)|.
    public var error: Double { abs(estimate - trueValue) }

    /// One computation of an expected update: the next successor's target (in order) is added to
    /// the sum; the `b`-th completes the update, Q(s, a) ← Σ_s' p(s' | s, a) target(s'), and the
    /// next call starts another.
    public mutating func expectedUpdateStep() {
        partialSum += targets[computations % branches]
        computations += 1
        if computations % branches == 0 {
            estimate = partialSum / Double(branches)
            partialSum = 0
        }
    }

    /// One sample update from successor `successor` (drawn by the caller, uniformly):
    /// Q(s, a) ← Q(s, a) + (1/t) [target(s') − Q(s, a)], t the sample updates so far, this one
    /// included (sample averages).
    public mutating func sampleUpdate(successor: Int) {
        computations += 1
        estimate += (targets[successor] - estimate) / Double(computations)
    }
}
