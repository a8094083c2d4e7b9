/// Sums over runs of a vector of figures per run (a learning curve, a parameter study's points):
/// enough for the mean and the standard error of each point, in memory that does not grow with
/// the number of runs. Runs are added in a fixed order, and partial sums are merged in a fixed
/// order, so the result does not depend on how many threads produced it.
public struct RunSums: Sendable, Equatable {
    /// Σ x over runs, per point.
    public private(set) var sums: [Double]
    /// Σ x² over runs, per point.
    public private(set) var squares: [Double]
    /// Runs added.
    public private(set) var runs = 0
    /// Seconds spent inside the runs' own loops (agent and world), summed over runs: what a
    /// figure's wall time is compared with to find the cost of everything around the runs.
    public var secondsInRuns = 0.0

    public init(points: Int) {
        sums = Array(repeating: 0, count: points)
        squares = Array(repeating: 0, count: points)
    }

    public var points: Int { sums.count }

    /// Adds one run's figures.
    /// - Precondition: `values.count == points`.
    public mutating func add(_ values: [Double]) {
        precondition(values.count == sums.count, "a run gave \(values.count) points, not \(sums.count)")
        for index in values.indices {
            sums[index] += values[index]
            squares[index] += values[index] * values[index]
        }
        runs += 1
    }

    /// Adds another set of runs' sums.
    /// - Precondition: the same number of points.
    public mutating func merge(_ other: RunSums) {
        precondition(other.points == points)
        for index in sums.indices {
            sums[index] += other.sums[index]
            squares[index] += other.squares[index]
        }
        runs += other.runs
        secondsInRuns += other.secondsInRuns
    }

    /// The mean over runs of each point.
    public var means: [Double] { sums.map { $0 / Double(max(runs, 1)) } }

    /// The standard error of each point's mean (the sample standard deviation over √runs); 0
    /// with fewer than two runs.
    public var standardErrors: [Double] {
        guard runs > 1 else { return Array(repeating: 0, count: points) }
        let n = Double(runs)
        return sums.indices.map { index in
            let mean = sums[index] / n
            let variance = max(0, (squares[index] - n * mean * mean) / (n - 1))
            return (variance / n).squareRoot()
        }
    }
}
