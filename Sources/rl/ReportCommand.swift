import ArgumentParser
import Foundation
import RLApp
import RLExperiments
import RLRender

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Aggregate sweep results: per configuration the mean, median and IQM with bootstrap intervals.",
        discussion: """
            A configuration is a world, an agent, an episode count and the swept settings; its runs are its \
            seeds. Each statistic comes with a 95% percentile bootstrap interval over runs (rliable's; \
            docs/STATISTICS.md). A run listed in several files counts once. See docs/EXPERIMENTS.md.
            """)

    @Argument(help: "Results files written by 'rl sweep --out'.")
    var files: [String]

    @Option(
        help:
            "The score to aggregate: final (the world's main metric, default), a figure of the final evaluation (return, steps, hits...), seconds, or steps-per-episode (of training; lower is better)."
    )
    var metric: String?

    @Option(
        parsing: .upToNextOption,
        help:
            "Two configurations, each by its id or label as the table prints them, or its table number (numbers follow the order of the files): the probability that a run of the first beats a run of the second."
    )
    var compare: [String] = []

    @Option(parsing: .unconditional, help: "Bootstrap resamples (100...1000000; default 50000).")
    var replicates = defaultReplicates

    @Option(parsing: .unconditional, help: "Seed of the bootstrap resamples.")
    var seed: UInt64 = 0

    @Option(help: "Draw the configurations' learning curves (mean of each run's moving average, with a 95% band) to this PNG.")
    var curves: String?

    @Option(name: .customLong("curve-metric"), help: "What --curves draws: return (default) or steps (per episode).")
    var curveMetric: CurveMetric = .return

    @Flag(help: "Draw --curves with a logarithmic y axis (steps per episode, as Sutton & Barto's Figure 10.2).")
    var logScale = false

    @Option(parsing: .unconditional, help: "Episodes in each run's moving average for --curves (default 100).")
    var window = 100

    @Option(help: "Draw the configurations' performance profiles (share of runs above each score, with a 95% band) to this PNG.")
    var profiles: String?

    @Option(
        help:
            "Draw a parameter study to this PNG: the mean score (95% band) over the values of --study-x, a line per configuration of the other settings (S&B Figures 12.10, 12.11)."
    )
    var study: String?

    @Option(name: .customLong("study-x"), help: "The swept setting across --study (learning-rate, lambda...).")
    var studyX: String?

    @Option(name: .customLong("y-range"), help: "LOW,HIGH: the y axis of --study and --curves; values beyond it are drawn at its edge.")
    var yRange: String?

    @Flag(help: "Print JSON on stdout: {\"configurations\": [...], \"comparison\": {...}}, each configuration with its id.")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one results file") }
        try requireFlag("replicates", replicates, in: 100...1_000_000)
        guard compare.isEmpty || compare.count == 2 else {
            throw ValidationError("--compare takes two configurations, got \(compare.count)")
        }
        try requireFlag("window", window, in: 1...1_000_000)
        if (study == nil) != (studyX == nil) { throw ValidationError("--study and --study-x go together") }
        _ = try parsedYRange()
    }

    /// `--y-range` as a range, checked.
    func parsedYRange() throws -> ClosedRange<Double>? {
        guard let yRange else { return nil }
        let parts = yRange.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], low.isFinite, high.isFinite, low < high,
            abs(low) <= 1e15, abs(high) <= 1e15
        else {
            throw ValidationError("--y-range takes LOW,HIGH with LOW < HIGH, got '\(yRange)'")
        }
        if logScale && low <= 0 { throw ValidationError("--y-range with --log-scale must be above zero, got '\(yRange)'") }
        return low...high
    }

    func run() throws {
        let groups: [ReportGroup]
        var summaries: [ReportSummary] = []
        var comparison: ReportComparison?
        do throws(ExperimentError) {
            groups = try loadReportGroups(files)
            for group in groups { summaries.append(try summarize(group, metric: metric, replicates: replicates, seed: seed)) }
            if compare.count == 2 {
                comparison = try RLApp.compare(
                    groups.named(compare[0]), groups.named(compare[1]), metric: metric,
                    replicates: replicates, seed: seed)
            }
        } catch {
            // A file missing (66) or malformed (65), or a name given that is not in them (64).
            throw CommandError(error)
        }
        if let curves {
            var series: [BandChart.Series] = []
            // Planners play no episodes: they have no curve to draw.
            let learners = groups.filter { $0.curves.allSatisfy { !$0.isEmpty } }
            guard !learners.isEmpty else {
                throw CommandError.usage("--curves: no configuration has learning curves (planners play no episodes)")
            }
            do throws(ExperimentError) {
                for group in learners { series.append(try group.learningCurve(window: window, ofSteps: curveMetric == .steps, seed: seed)) }
            } catch {
                // A curve file missing is 66, one that is not a log 65.
                throw CommandError(error)
            }
            let what = curveMetric == .steps ? "steps per episode" : "return"
            if logScale, series.contains(where: { ($0.low + $0.y).contains { !($0 > 0) } }) {
                throw CommandError("--log-scale: the \(what) curves reach zero or below; draw them without it")
            }
            try savePNG(
                BandChart.picture(
                    series,
                    title: window == 1
                        ? "Learning curves - mean over runs of the \(what), 95% band"
                        : "Learning curves - mean over runs of the \(what)'s moving average over \(window) episodes, 95% band",
                    xLabel: "episode", yLabel: what + (logScale ? " (log scale)" : ""), logarithmicY: logScale,
                    yRange: try parsedYRange()), to: curves)
        }
        if let study, let studyX {
            let series: [BandChart.Series]
            do throws(ExperimentError) {
                series = try parameterStudy(groups, x: studyX, metric: metric, replicates: replicates, seed: seed)
            } catch {
                throw CommandError(error)
            }
            let score = groups[0].metricName(metric)
            if logScale, series.contains(where: { ($0.low + $0.y).contains { !($0 > 0) } }) {
                throw CommandError("--log-scale: the \(score) means reach zero or below; draw them without it")
            }
            try savePNG(
                BandChart.picture(
                    series, title: "Parameter study - mean \(score) of the runs by \(studyX), 95% intervals",
                    xLabel: studyX, yLabel: score + (logScale ? " (log scale)" : ""), logarithmicY: logScale,
                    yRange: try parsedYRange(), errorBars: true), to: study)
        }
        if let profiles {
            let series: [BandChart.Series]
            do throws(ExperimentError) {
                series = try performanceProfiles(groups, metric: metric, seed: seed)
            } catch {
                throw CommandError(error)
            }
            try savePNG(
                BandChart.picture(
                    series, title: "Performance profiles - share of runs scoring above each score, 95% band",
                    xLabel: metric ?? "final score", yLabel: "share of runs above"), to: profiles)
        }
        if json {
            ConsoleStream.standardOutput.writeLine(JSONText.encode(ReportDocument(configurations: summaries, comparison: comparison)))
            return
        }
        let output = ConsoleStream.standardOutput
        output.writeLine("Score: \(groups[0].metricName(metric)); 95% bootstrap intervals over runs.")
        for (number, (group, summary)) in zip(groups, summaries).enumerated() {
            func estimate(_ value: Double, _ interval: [Double]) -> String {
                "\(fixed(value, 2)) [\(fixed(interval[0], 2)), \(fixed(interval[1], 2))]"
            }
            output.writeLine(
                "\(number + 1). \(group.label) (id \(group.id), \(group.budget), \(summary.runs) runs): "
                    + "mean \(estimate(summary.mean, summary.meanCI)), median \(estimate(summary.median, summary.medianCI)), "
                    + "IQM \(estimate(summary.iqm, summary.iqmCI))")
        }
        if let comparison {
            output.writeLine(
                "P(\(comparison.x) > \(comparison.y)) = \(fixed(comparison.probability, 3)) "
                    + "[\(fixed(comparison.ci[0], 3)), \(fixed(comparison.ci[1], 3))]")
        }
        if let curves { output.writeLine("Learning curves written to \(curves).") }
        if let profiles { output.writeLine("Performance profiles written to \(profiles).") }
        if let study { output.writeLine("Parameter study written to \(study).") }
    }
}

/// `rl report --json`.
struct ReportDocument: Encodable {
    var configurations: [ReportSummary]
    var comparison: ReportComparison?
}

/// What `rl report --curves` draws.
enum CurveMetric: String, ExpressibleByArgument, CaseIterable {
    case `return`, steps
}
