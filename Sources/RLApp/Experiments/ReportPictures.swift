import Foundation
import RLExperiments

extension ReportGroup {
    /// The configuration's learning curve: at about `points` episodes, the mean over runs of each
    /// run's moving average of the training return (or of the steps per episode, `ofSteps`) over
    /// `window` episodes, with a bootstrap percentile band for that mean over runs.
    public func learningCurve(
        window: Int, ofSteps: Bool = false, points: Int = 200, replicates: Int = 1_000, seed: UInt64 = 0
    ) throws(ExperimentError) -> BandChart.Series {
        var averaged: [[Double]] = []
        for path in curves {
            let bytes = try readBytes(path)
            // Not the parser's message: it would quote the file, which need not be ours to show.
            guard let text = String(validating: bytes, as: UTF8.self), let curve = try? LearningCurve(csv: text, name: path) else {
                throw ExperimentError("the curve \(path) is not a training log of rl")
            }
            averaged.append(movingAverage(ofSteps ? curve.steps : curve.returns, window: window))
        }
        let length = averaged.map(\.count).min()!
        let stride = max(1, length / points)
        let columns = Array(Swift.stride(from: stride - 1, to: length, by: stride))
        let scores = try RunScores(runs: Array(repeating: 0, count: averaged.count))
        // One set of resamples of the runs serves every episode, so the band is a band of curves.
        var resampler = StratifiedResampler(runCounts: scores.runCounts, seed: seed)
        let draws = (0..<replicates).map { _ in resampler.nextIndices()[0] }
        var y: [Double] = [], low: [Double] = [], high: [Double] = []
        for column in columns {
            let values = averaged.map { $0[column] }
            y.append(mean(values))
            let interval = percentileInterval(of: draws.map { picks in mean(picks.map { values[$0] }) })
            low.append(interval.lower)
            high.append(interval.upper)
        }
        return BandChart.Series(label: label, x: columns.map { Double($0 + 1) }, y: y, low: low, high: high)
    }
}

/// Each configuration's performance profile over a common grid of thresholds spanning every
/// score: the share of runs scoring above each threshold, with its bootstrap band.
public func performanceProfiles(
    _ groups: [ReportGroup], metric: String?, points: Int = 101,
    replicates: Int = defaultProfileReplicates, seed: UInt64 = 0
) throws(ExperimentError) -> [BandChart.Series] {
    var all: [[Double]] = []
    for group in groups { all.append(try group.scores(metric: metric)) }
    let flat = all.flatMap { $0 }
    let low = flat.min()!, high = max(flat.max()!, flat.min()! + 1e-9)
    let thresholds = thresholdGrid(from: low, through: high, count: points)
    var series: [BandChart.Series] = []
    for (group, scores) in zip(groups, all) {
        let profile = performanceProfile(of: try RunScores(runs: scores), at: thresholds, replicates: replicates, seed: seed)
        series.append(
            BandChart.Series(
                label: group.label, x: thresholds, y: profile.shares,
                low: profile.bands.map(\.lower), high: profile.bands.map(\.upper)))
    }
    return series
}

/// A parameter study (Sutton & Barto's Figures 10.3, 12.10, 12.11): one line per configuration
/// of everything but setting `x`, through the mean score of each value of `x`, with its 95%
/// bootstrap interval as the band. Lines are named by what sets them apart.
/// - Throws: when a configuration does not set `x` to a number, or a line would have one point.
public func parameterStudy(
    _ groups: [ReportGroup], x setting: String, metric: String?, replicates: Int = defaultReplicates, seed: UInt64 = 0
) throws(ExperimentError) -> [BandChart.Series] {
    struct Point {
        var x: Double
        var summary: ReportSummary
    }
    var lines: [(key: [String: String], points: [Point])] = []
    for group in groups {
        guard let text = group.settings[setting], let value = Double(text), value.isFinite else {
            throw ExperimentError(
                "--study-x \(setting): configuration \(group.label) does not set it to a number (swept settings: "
                    + "\(Set(groups.flatMap(\.settings.keys)).sorted().joined(separator: ", ")))", kind: .usage)
        }
        var key = group.settings
        key[setting] = nil
        key["agent"] = group.agent
        key["env"] = group.env
        key["episodes"] = group.budget
        let point = Point(x: value, summary: try summarize(group, metric: metric, replicates: replicates, seed: seed))
        if let index = lines.firstIndex(where: { $0.key == key }) {
            lines[index].points.append(point)
        } else {
            lines.append((key, [point]))
        }
    }
    if lines.allSatisfy({ $0.points.count < 2 }) {
        throw ExperimentError("--study-x \(setting): every configuration has a single value of it; sweep it over several", kind: .usage)
    }
    // What tells the lines apart names them: the keys whose values differ between lines.
    let varying = Set(lines.flatMap(\.key.keys)).filter { name in Set(lines.map { $0.key[name] ?? "" }).count > 1 }.sorted()
    return lines.map { line in
        let points = line.points.sorted { $0.x < $1.x }
        let label =
            varying.isEmpty
            ? (line.key["agent"] ?? "")
            : varying.compactMap { name in
                // A setting a line does not have is left out of its name.
                line.key[name].map { ["agent", "env"].contains(name) ? $0 : "\(name)=\($0)" }
            }.joined(separator: " ")
        return BandChart.Series(
            label: label, x: points.map(\.x), y: points.map(\.summary.mean), low: points.map { $0.summary.meanCI[0] },
            high: points.map { $0.summary.meanCI[1] })
    }
}
