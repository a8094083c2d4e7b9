import Foundation
import RLCore
import RLTabular

/// The per-episode CSV log: episode, return, steps, the world's metrics, epsilon; with
/// evaluations, more columns (greedy mean return, mean steps and each metric), filled only on
/// the episodes after which an evaluation ran. Rows are buffered and flushed in blocks, so a
/// long run does not hold its whole log in memory.
final class TrainingLog {
    private let writer: AtomicFileWriter
    private let withEvaluations: Bool
    private let metricNames: [String]
    private var pending: String

    init(path: String, metrics: [String], withEvaluations: Bool = false) throws(PolicyFileError) {
        writer = try AtomicFileWriter(path: path)
        self.withEvaluations = withEvaluations
        metricNames = metrics
        var header = (["episode", "return", "steps"] + metrics + ["epsilon"]).joined(separator: ",")
        if withEvaluations { header += "," + (["eval_return", "eval_steps"] + metrics.map { "eval_" + $0 }).joined(separator: ",") }
        pending = header + "\n"
    }

    func append<Counters>(
        _ record: EpisodeRecord<Counters>, metrics: [EpisodeMetric<Counters>], epsilon: Double,
        evaluation: EvaluationPoint? = nil
    ) throws(PolicyFileError) {
        let values = metrics.map { formatNumber($0.value(record.counters)) }
        pending += (["\(record.episode + 1)", formatNumber(record.totalReward), "\(record.steps)"] + values + [formatNumber(epsilon)])
            .joined(separator: ",")
        if withEvaluations {
            if let evaluation {
                pending +=
                    ","
                    + ([formatNumber(evaluation.meanReturn), formatNumber(evaluation.meanSteps)]
                    + metricNames.map { evaluation.metrics[$0].map(formatNumber) ?? "" }).joined(separator: ",")
            } else {
                pending += String(repeating: ",", count: 2 + metricNames.count)
            }
        }
        pending += "\n"
        if pending.utf8.count >= 1 << 16 { try flush() }
    }

    /// Writes what is buffered and puts the file in place.
    func finish() throws(PolicyFileError) {
        try flush()
        try writer.commit()
    }

    private func flush() throws(PolicyFileError) {
        try writer.append(pending)
        pending = ""
    }
}
