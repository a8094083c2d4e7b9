import RLRender
/// The human-readable form of an ``EvaluationReport``.
public enum EvaluationText {
    public static func render(_ report: EvaluationReport) -> String {
        func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }
        var lines = [
            "\(report.agent) on \(report.environment): \(report.episodes) episode\(report.episodes == 1 ? "" : "s"), seed \(report.seed)",
            "  return           mean \(fixed(report.meanReturn, 2)) (95% CI \(fixed(report.meanReturnLow, 2)) to \(fixed(report.meanReturnHigh, 2))), median \(fixed(report.medianReturn, 1)), min \(fixed(report.minReturn, 1)), max \(fixed(report.maxReturn, 1))",
            "  steps            mean \(fixed(report.meanSteps, 1))",
        ]
        if let hits = report.meanHits, let misses = report.meanMisses, let avoidable = report.avoidableMissesPerEpisode,
           let won = report.wonShare, let lost = report.lostShare, let noLifeLost = report.noLifeLostShare,
           let noAvoidable = report.noAvoidableMissShare {
            lines += [
                "  per episode      \(fixed(hits, 2)) hits, \(fixed(misses, 3)) misses (lives lost), \(fixed(avoidable, 3)) avoidable misses",
                "  episodes         \(percent(noAvoidable)) with no avoidable miss, \(percent(noLifeLost)) with no life lost",
                "  outcome          \(percent(won)) won, \(percent(lost)) lost (no lives left), \(percent(report.truncatedShare)) truncated by the step cap",
            ]
        } else {
            lines.append("  outcome          \(percent(report.terminatedShare)) terminated, \(percent(report.truncatedShare)) truncated by the step cap")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Several reports side by side, one row per agent, fitting 120 columns. Pong's columns
    /// show "-" for other environments.
    public static func comparison(_ reports: [EvaluationReport]) -> String {
        let maximumNameWidth = 28
        func name(_ report: EvaluationReport) -> String {
            report.agent.count <= maximumNameWidth ? report.agent : "…" + String(report.agent.suffix(maximumNameWidth - 1))
        }
        func percent(_ share: Double?) -> String { share.map { fixed($0 * 100, 1) + "%" } ?? "-" }
        func number(_ value: Double?, _ digits: Int) -> String { value.map { fixed($0, digits) } ?? "-" }
        let headers = ["agent", "return", "±95%", "median", "steps", "hits", "misses", "avoidable", "no avoid.", "lost", "truncated"]
        var rows = [headers]
        for report in reports {
            rows.append([
                name(report), fixed(report.meanReturn, 2), fixed(report.meanReturnHigh - report.meanReturn, 2),
                fixed(report.medianReturn, 1), fixed(report.meanSteps, 1), number(report.meanHits, 2),
                number(report.meanMisses, 3), number(report.avoidableMissesPerEpisode, 3),
                percent(report.noAvoidableMissShare), percent(report.lostShare), percent(report.truncatedShare),
            ])
        }
        let widths = headers.indices.map { column in rows.map { $0[column].count }.max()! }
        let lines = rows.map { row in
            row.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + padding : padding + text
            }.joined(separator: "  ")
        }
        let first = reports[0]
        return "\(reports.count) agents on \(first.environment): \(first.episodes) episodes each, seed \(first.seed) (the same serves for every agent)\n"
            + lines.joined(separator: "\n") + "\n"
            + "(per episode: hits, misses, avoidable misses; shares of episodes: no avoidable miss, lost, truncated)\n"
    }
}
