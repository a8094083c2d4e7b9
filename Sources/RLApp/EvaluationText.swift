/// The human-readable form of an ``EvaluationReport``.
public enum EvaluationText {
    public static func render(_ report: EvaluationReport) -> String {
        func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }
        var lines = [
            "\(report.agent) on \(report.environment): \(report.episodes) greedy episodes, seed \(report.seed)",
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
}
