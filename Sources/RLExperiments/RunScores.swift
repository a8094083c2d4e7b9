/// Why experiment data or an experiment file could not be used, in one line.
public struct ExperimentError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, so a command can choose its exit status (sysexits.h) from the error.
    public enum Kind: Sendable, Equatable {
        /// An input is there but malformed or invalid (EX_DATAERR). The default.
        case badData
        /// A request that does not fit the data: a configuration or metric not there (EX_USAGE).
        case usage
        /// An input is missing or cannot be opened (EX_NOINPUT).
        case missingInput
        /// An output could not be written (EX_IOERR).
        case inputOutput
        /// Another process is using the file (a second sweep on the same results): try later.
        case busy
    }

    public var message: String
    public var kind: Kind
    public init(_ message: String, kind: Kind = .badData) {
        self.message = message
        self.kind = kind
    }
    public var description: String { message }
}

/// The final scores of one algorithm: for each task (a stratum), the score of each independent
/// run (a seed). rliable stores the same thing as a `runs × tasks` matrix; here every task keeps
/// its own list, so a task may have fewer runs (a crashed seed) without padding.
///
/// Scores are finite numbers: a NaN has no place in a sorted order, so it is refused up front
/// instead of silently skewing a median or a quantile.
public struct RunScores: Sendable, Equatable {
    /// `byTask[task][run]`.
    public let byTask: [[Double]]

    /// Scores grouped by task; every task needs at least one run.
    public init(byTask: [[Double]]) throws(ExperimentError) {
        guard !byTask.isEmpty else { throw ExperimentError("there are no tasks to aggregate") }
        for (task, runs) in byTask.enumerated() {
            guard !runs.isEmpty else { throw ExperimentError("task \(task) has no runs") }
            guard let bad = runs.firstIndex(where: { !$0.isFinite }) else { continue }
            throw ExperimentError("task \(task), run \(bad): the score \(runs[bad]) is not a finite number")
        }
        self.byTask = byTask
    }

    /// The scores of the runs of a single task.
    public init(runs: [Double]) throws(ExperimentError) {
        try self.init(byTask: [runs])
    }

    /// For resamples of scores already checked.
    init(checked byTask: [[Double]]) { self.byTask = byTask }

    public var taskCount: Int { byTask.count }
    /// How many runs each task has.
    public var runCounts: [Int] { byTask.map(\.count) }
    /// Every run of every task, task after task.
    public var pooled: [Double] { byTask.flatMap { $0 } }
    /// The mean score of each task over its runs.
    public var taskMeans: [Double] { byTask.map { RLExperiments.mean($0) } }

    /// The scores picked by `indices[task][k]`, the run index drawn for slot `k` of `task`:
    /// one bootstrap resample.
    public func resampled(by indices: [[Int]]) -> RunScores {
        precondition(indices.count == byTask.count, "one list of run indices per task")
        return RunScores(checked: zip(byTask, indices).map { runs, picks in picks.map { runs[$0] } })
    }
}
