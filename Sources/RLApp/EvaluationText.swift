import RLRender

/// The human-readable form of an ``EvaluationReport``.
public enum EvaluationText {
    public static func render(_ report: EvaluationReport) -> String {
        func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }
        let played =
            report.interrupted
            ? "\(report.episodes) of \(report.episodesRequested) episodes (interrupted)"
            : "\(report.episodes) episode\(report.episodes == 1 ? "" : "s")"
        var lines = [
            "\(report.agent) on \(report.environment): \(played), seed \(report.seed)",
            "  return           mean \(fixed(report.meanReturn, 2)) (95% CI \(fixed(report.meanReturnLow, 2)) to \(fixed(report.meanReturnHigh, 2))), median \(fixed(report.medianReturn, 1)), min \(fixed(report.minReturn, 1)), max \(fixed(report.maxReturn, 1))",
            "  steps            mean \(fixed(report.meanSteps, 1))",
        ]
        let counts = report.metrics.filter { !$0.isShare }
        if !counts.isEmpty {
            lines.append("  per episode      " + counts.map { "\(fixed($0.mean, 3)) \($0.phrase)" }.joined(separator: ", "))
        }
        let zeroShares = report.metrics.compactMap { metric in
            metric.zeroShare.map { "\(percent($0)) \(metric.zeroShareWords ?? "with no \(metric.name)")" }
        }
        if !zeroShares.isEmpty { lines.append("  episodes         " + zeroShares.joined(separator: ", ")) }
        let shares = report.metrics.filter(\.isShare).map { "\(percent($0.mean)) \($0.phrase)" }
        lines.append(
            "  outcome          "
                + (shares + [
                    "\(percent(report.terminatedShare)) terminated", "\(percent(report.truncatedShare)) truncated by the step cap",
                ]).joined(separator: ", "))
        if let exact = report.exactReturn, let optimal = report.optimalReturn, let gap = report.gap {
            let relative = optimal != 0 ? " (\(fixed(abs(gap / optimal) * 100, 2))% of the optimum)" : ""
            lines.append("  exact return     \(fixed(exact, 4)) for the greedy policy as played (ties broken uniformly), no sampling")
            lines.append("  optimum          \(fixed(optimal, 4)) within the same step cap; gap \(fixed(gap, 4))\(relative)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Several reports side by side, one row per agent, with a column per metric of the world.
    public static func comparison(_ reports: [EvaluationReport]) -> String {
        let maximumNameWidth = 28
        func name(_ report: EvaluationReport) -> String {
            report.agent.count <= maximumNameWidth ? report.agent : "…" + String(report.agent.suffix(maximumNameWidth - 1))
        }
        func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }
        let metrics = reports[0].metrics
        let exact = reports.contains { $0.exactReturn != nil }
        let headers =
            ["agent", "return", "±95%", "median", "steps"]
            + metrics.map { $0.name.replacingUnderscores() } + ["terminated", "truncated"] + (exact ? ["exact", "gap"] : [])
        var rows = [headers]
        for report in reports {
            let values = metrics.map { metric -> String in
                guard let value = report.metric(metric.name) else { return "-" }
                return value.isShare ? percent(value.mean) : fixed(value.mean, 3)
            }
            rows.append(
                [
                    name(report), fixed(report.meanReturn, 2), fixed(report.meanReturnHigh - report.meanReturn, 2),
                    fixed(report.medianReturn, 1), fixed(report.meanSteps, 1),
                ] + values + [percent(report.terminatedShare), percent(report.truncatedShare)]
                    + (exact ? [report.exactReturn.map { fixed($0, 4) } ?? "-", report.gap.map { fixed($0, 4) } ?? "-"] : []))
        }
        let widths = headers.indices.map { column in rows.map { $0[column].count }.max()! }
        let lines = rows.map { row in
            row.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + padding : padding + text
            }.joined(separator: "  ")
        }
        let first = reports[0]
        let interrupted = reports.contains(where: \.interrupted) ? " (interrupted)" : ""
        return
            "\(reports.count) agents on \(first.environment): \(first.episodes) episodes each\(interrupted), seed \(first.seed) (the same episodes for every agent)\n"
            + lines.joined(separator: "\n") + "\n"
            + "(metrics per episode; shares as percentages of episodes)\n"
    }
}

extension String {
    /// `avoidable_misses` → `avoidable misses`, for column headers.
    func replacingUnderscores() -> String { split(separator: "_").joined(separator: " ") }
}
