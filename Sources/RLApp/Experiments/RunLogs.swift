import Foundation
import RLExperiments

/// The logs a run writes for other tools while it goes: TensorBoard event files
/// (`rl train --tensorboard DIR`) and a JSON-lines progress stream (`--progress-jsonl FILE`)
/// that a tuner reads to prune a run early. Feed it ``handle(_:)`` and ``episode(_:)``; a
/// failure to write stops the logging, not the run, and is reported by ``finish()``.
///
/// TensorBoard tags (steps are training episodes):
/// - `episode/return`, `episode/length`, `episode/epsilon`, `episode/learning_rate` and
///   `episode/<metric>` for each of the world's metrics, every episode;
/// - `report/mean_return`, `report/mean_length`, `report/best_return`, `report/steps_per_second`
///   every report interval;
/// - `eval/return`, `eval/length`, `eval/<metric>` for each greedy evaluation (`--eval-every`).
public final class RunLogs {
    private var board: TensorBoardWriter?
    private var progress: JSONLinesWriter?
    private var progressStream: ConsoleStream?
    private var failure: String?
    private var lastProgress = (episodes: 0, steps: 0, seconds: 0.0)

    /// - Parameters:
    ///   - tensorBoard: the run's log directory, created if missing.
    ///   - progressPath: the JSON-lines file, appended to; `-` for standard output.
    public init(tensorBoard: String?, progressPath: String?) throws(ExperimentError) {
        if let tensorBoard {
            // The process id keeps two writers apart that start in the same second (a sweep's runs).
            board = try TensorBoardWriter(
                logDirectory: tensorBoard, suffix: ".\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0 ... .max))")
        }
        if progressPath == "-" {
            progressStream = .standardOutput
        } else if let progressPath {
            progress = try JSONLinesWriter(path: progressPath, durability: .syncOnClose)
        }
    }

    /// Whether per-episode summaries are wanted (only TensorBoard logs every episode).
    public var wantsEpisodes: Bool { board != nil }

    /// The TensorBoard event file, if any.
    public var tensorBoardFile: String? { board?.path }

    public func episode(_ summary: EpisodeSummary) {
        guard let board else { return }
        var scalars: [(tag: String, value: Double)] = [
            ("episode/return", summary.totalReward), ("episode/length", Double(summary.steps)),
            ("episode/epsilon", summary.epsilon), ("episode/learning_rate", summary.learningRate),
        ]
        scalars += summary.metrics.map { ("episode/" + $0.name, $0.value) }
        scalars += summary.training.map { ($0.name, $0.value) }
        write { () throws(ExperimentError) in try board.addScalars(scalars, step: summary.episode) }
    }

    public func handle(_ event: TrainingEvent) {
        switch event {
        case .progress(let episodes, _, let steps, let elapsed):
            lastProgress = (episodes, steps, elapsed)
        case .stepProgress(let steps, _, let elapsed):
            lastProgress = (lastProgress.0, steps, elapsed)
        case .report(let report):
            let (_, steps, elapsed) = lastProgress
            let rate = elapsed > 0 ? Double(steps) / elapsed : 0
            if let board {
                write { () throws(ExperimentError) in
                    try board.addScalars(
                        [
                            ("report/mean_return", report.averageReturn), ("report/mean_length", report.averageSteps),
                            ("report/best_return", report.bestReturn), ("report/steps_per_second", rate),
                        ],
                        step: report.episodes)
                }
            }
            emit(
                ProgressLine(
                    event: "report", episodes: report.episodes, meanReturn: report.averageReturn,
                    meanSteps: report.averageSteps, bestReturn: report.bestReturn,
                    steps: steps, seconds: elapsed, stepsPerSecond: rate, metrics: nil))
        case .evaluation(let point):
            if let board {
                let scalars =
                    [("eval/return", point.meanReturn), ("eval/length", point.meanSteps)]
                    + point.metrics.sorted { $0.key < $1.key }.map { ("eval/" + $0.key, $0.value) }
                write { () throws(ExperimentError) in try board.addScalars(scalars, step: point.episodes) }
            }
            emit(
                ProgressLine(
                    event: "evaluation", episodes: point.episodes, meanReturn: point.meanReturn,
                    meanSteps: point.meanSteps, bestReturn: nil, steps: nil, seconds: lastProgress.seconds,
                    stepsPerSecond: nil, metrics: point.metrics))
        case .note:
            // A world's own words (a self-play rating): for people, not for the logs' fixed schema.
            break
        }
    }

    /// Closes the files; the first write failure, if any, as a message.
    public func finish() -> String? {
        do throws(ExperimentError) {
            try board?.close()
            try progress?.close()
        } catch {
            if failure == nil { failure = error.message }
        }
        board = nil
        progress = nil
        return failure
    }

    private func emit(_ line: ProgressLine) {
        if let progressStream {
            progressStream.writeLine(JSONText.encode(line))
        } else if let progress {
            write { () throws(ExperimentError) in try progress.append(jsonLine: Array(JSONText.encode(line).utf8)) }
        }
    }

    private func write(_ body: () throws(ExperimentError) -> Void) {
        guard failure == nil else { return }
        do { try body() } catch { failure = error.message }
    }
}

/// One line of the progress stream. `event` is `report` (every report interval: the means over
/// the interval's episodes) or `evaluation` (a greedy evaluation, with `--eval-every`).
struct ProgressLine: Encodable {
    var event: String
    var episodes: Int
    var meanReturn: Double
    var meanSteps: Double
    var bestReturn: Double?
    var steps: Int?
    var seconds: Double
    var stepsPerSecond: Double?
    var metrics: [String: Double]?
}
