import Foundation
import RLExperiments

/// The runs of one configuration: one world, one agent, one budget (an episode count, or steps),
/// one set of swept settings, any number of seeds. `rl report`'s unit.
public struct ReportGroup: Sendable {
    public var env: String
    public var agent: String
    /// The runs' episodes; for runs by steps, the mean of theirs (rounded).
    public var episodes: Int
    /// The steps each run was given, for runs by steps; `nil` for runs by episodes.
    public var stepsRequested: Int?
    public var settings: [String: String]
    /// Its runs, in the order first read.
    public var results: [SweepResult]
    /// Each run's per-episode CSV, as a path usable from here; empty for a planner's runs.
    public var curves: [String]

    /// `pong q-learning learning-rate=0.1`: how tables and `--compare` name the configuration.
    public var label: String {
        ([env, agent] + settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
    }

    /// Eight hex digits that name the configuration (its world, agent, episodes and settings)
    /// whatever the order of the files read: what the table prints beside the label, and what
    /// `--compare` takes when a label is ambiguous or long.
    public var id: String {
        // One field a line, settings sorted: the same configuration, the same text.
        let fields =
            [env, agent, stepsRequested.map { "steps=\($0)" } ?? String(episodes)]
            + settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return String(stableID(fields.joined(separator: "\n")).prefix(8))
    }

    /// `6000 episodes` or `50,000 steps`: what each run was given, for tables and messages.
    public var budget: String { stepsRequested.map { "\(grouped($0)) steps" } ?? "\(episodes) episodes" }
}

/// Reads results files and groups their runs by configuration, in the order configurations
/// first appear. A run (by id) that appears more than once, as when shards' files are read
/// together with the merged file, counts once. A run's curve is where its line says, relative to
/// the results file's folder, or else at that path in one of the folder's subfolders (the shards'
/// folders, when their files were merged into one beside them); never outside the folder.
public func loadReportGroups(_ paths: [String]) throws(ExperimentError) -> [ReportGroup] {
    var groups: [ReportGroup] = []
    var seen: Set<String> = []
    for path in paths {
        let content: JSONLinesContent<SweepResult>
        do { content = try JSONLines.read(SweepResult.self, from: path) } catch {
            throw ExperimentError(
                error.kind == .badData ? "\(error.message) (is it a results file of rl sweep?)" : error.message, kind: error.kind)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for (number, result) in content.values.enumerated() {
            if let problem = result.problem { throw ExperimentError("\(path): run \(number + 1) is not a result of rl sweep: \(problem)") }
        }
        let resolvedFolder = folder.resolvingSymlinksInPath().path
        func isInside(_ path: String) -> Bool { URL(fileURLWithPath: path).resolvingSymlinksInPath().path.hasPrefix(resolvedFolder + "/") }
        var subfolders: [URL]?
        for result in content.values where seen.insert(result.id).inserted {
            // Inside the results file's folder (checked above), and not through a link out of it.
            var curve = ""
            if !result.curve.isEmpty {
                curve = folder.appendingPathComponent(result.curve).path
                if !FileManager.default.fileExists(atPath: curve) {
                    // Shards' files concatenated in the folder above theirs: the curve is one folder down.
                    subfolders = subfolders ?? immediateSubfolders(of: folder)
                    if let found = subfolders?.lazy.map({ $0.appendingPathComponent(result.curve).path })
                        .first(where: { FileManager.default.fileExists(atPath: $0) && isInside($0) })
                    {
                        curve = found
                    }
                }
                guard isInside(curve) else {
                    throw ExperimentError("\(path): run \(result.id)'s curve leads out of the results file's folder")
                }
            }
            if let index = groups.firstIndex(where: {
                $0.env == result.env && $0.agent == result.agent && $0.settings == result.settings
                    && $0.stepsRequested == result.stepsRequested && ($0.stepsRequested != nil || $0.episodes == result.episodes)
            }) {
                groups[index].results.append(result)
                groups[index].curves.append(curve)
                if result.stepsRequested != nil {
                    let runs = groups[index].results
                    groups[index].episodes = Int((Double(runs.map(\.episodes).reduce(0, +)) / Double(runs.count)).rounded())
                }
            } else {
                groups.append(
                    ReportGroup(
                        env: result.env, agent: result.agent, episodes: result.episodes, stepsRequested: result.stepsRequested,
                        settings: result.settings, results: [result], curves: [curve]))
            }
        }
    }
    guard !groups.isEmpty else { throw ExperimentError("no finished run in \(paths.joined(separator: ", "))") }
    // Label configurations that differ only in their episode count apart.
    return groups
}

/// The folders in `folder`, sorted by name: where `rl report` looks for a curve that is not where
/// its line says, as when shards in their own folders are merged into a file beside them.
private func immediateSubfolders(of folder: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().map { folder.appendingPathComponent($0) }.filter {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isFolder) && isFolder.boolValue
    }
}

extension ReportGroup {
    /// Each run's score: `final` (the world's main metric) without a name, else the named figure
    /// of the final evaluation (`return`, `steps`, `hits`...) or `seconds`.
    public func scores(metric: String?) throws(ExperimentError) -> [Double] {
        var scores: [Double] = []
        for result in results {
            let value: Double?
            switch metric {
            case nil, "final": value = result.final
            case "seconds": value = result.seconds
            // Sutton & Barto's Figures 10.4 and 12.10: steps per training episode over the run.
            case "steps-per-episode": value = result.episodes > 0 ? Double(result.steps) / Double(result.episodes) : nil
            case let name?: value = result.evaluation[name]
            }
            guard let value else {
                let known = (["final", "seconds", "steps-per-episode"] + result.evaluation.keys.sorted()).joined(separator: ", ")
                throw ExperimentError(
                    "run \(result.id) (\(label)) has no metric '\(metric ?? "final")' (it has \(known))", kind: .usage)
            }
            guard value.isFinite else {
                throw ExperimentError("run \(result.id) (\(label)): its \(metric ?? "final") is not a finite number")
            }
            scores.append(value)
        }
        return scores
    }

    /// What `final` measures for these runs (the world's main metric), or the chosen metric.
    public func metricName(_ metric: String?) -> String {
        metric ?? "final (\(Set(results.map(\.metric)).sorted().joined(separator: ", ")))"
    }
}

/// A configuration's statistics, as `rl report --json` prints them.
public struct ReportSummary: Sendable, Encodable, Equatable {
    /// ``ReportGroup/id``.
    public var id: String
    public var env: String
    public var agent: String
    public var settings: [String: String]
    /// The runs' episodes (their mean, for runs by steps).
    public var episodes: Int
    /// The steps each run was given, for runs by steps (absent for runs by episodes).
    public var steps: Int?
    public var metric: String
    public var runs: Int
    public var mean: Double
    public var median: Double
    public var iqm: Double
    /// 95% (or the chosen level) stratified bootstrap percentile intervals, `[low, high]`.
    public var meanCI: [Double]
    public var medianCI: [Double]
    public var iqmCI: [Double]

    enum CodingKeys: String, CodingKey {
        case id, env, agent, settings, episodes, steps, metric, runs, mean, median, iqm
        case meanCI = "mean_ci", medianCI = "median_ci", iqmCI = "iqm_ci"
    }
}

/// The mean, median and interquartile mean of a configuration's runs, each with its bootstrap
/// percentile interval from one set of `replicates` resamples drawn with `seed`.
///
/// A configuration is one world, so its runs are one stratum and the statistics are over runs:
/// the median is the median of the runs (rliable's "median" is a median of per-task means,
/// which for one task would be the mean).
public func summarize(
    _ group: ReportGroup, metric: String?, replicates: Int = defaultReplicates,
    confidence: Double = defaultConfidence, seed: UInt64 = 0
) throws(ExperimentError) -> ReportSummary {
    let values = try group.scores(metric: metric)
    let scores = try RunScores(runs: values)
    func statistics(_ runs: [Double]) -> [Double] { [mean(runs), median(runs), interquartileMean(runs)] }
    let replicated = stratifiedBootstrapReplicates(of: scores, replicates: replicates, seed: seed) { statistics($0.pooled) }
    let points = statistics(values)
    let intervals = (0..<3).map { column in
        let interval = percentileInterval(of: replicated.map { $0[column] }, confidence: confidence)
        return [interval.lower, interval.upper]
    }
    return ReportSummary(
        id: group.id, env: group.env, agent: group.agent, settings: group.settings, episodes: group.episodes,
        steps: group.stepsRequested, metric: metric ?? group.results[0].metric, runs: values.count, mean: points[0], median: points[1],
        iqm: points[2], meanCI: intervals[0], medianCI: intervals[1], iqmCI: intervals[2])
}

/// The probability that a run of `x` scores above a run of `y` (ties count half), with its
/// bootstrap interval: rliable's probability of improvement for one task.
public struct ReportComparison: Sendable, Encodable, Equatable {
    public var x: String
    public var y: String
    public var metric: String
    public var probability: Double
    public var ci: [Double]
}

public func compare(
    _ x: ReportGroup, _ y: ReportGroup, metric: String?, replicates: Int = defaultReplicates,
    confidence: Double = defaultConfidence, seed: UInt64 = 0
) throws(ExperimentError) -> ReportComparison {
    let estimate = probabilityOfImprovementInterval(
        try RunScores(runs: x.scores(metric: metric)), over: try RunScores(runs: y.scores(metric: metric)),
        replicates: replicates, confidence: confidence, seed: seed)
    return ReportComparison(
        x: x.label, y: y.label, metric: metric ?? "final", probability: estimate.point,
        ci: [estimate.interval.lower, estimate.interval.upper])
}

extension Array where Element == ReportGroup {
    /// The configuration a `--compare` argument names: its id or its label as the table prints
    /// them, or its number in the table (1-based, which follows the order of the files read).
    /// - Throws: a usage error when it names none, or more than one (a label shared by
    ///   configurations that differ in episodes, or a number that is also an id).
    public func named(_ name: String) throws(ExperimentError) -> ReportGroup {
        var matches = indices.filter { self[$0].id == name.lowercased() || self[$0].label == name }
        if let number = Int(name), indices.contains(number - 1), !matches.contains(number - 1) { matches.append(number - 1) }
        guard matches.count == 1 else {
            let choices = matches.map { "\(self[$0].id) (\($0 + 1). \(self[$0].label), \(self[$0].budget))" }
            throw ExperimentError(
                matches.isEmpty
                    ? "no configuration '\(name)' (give an id, a label or a number from the table: "
                        + "\(prefix(8).map { "\($0.id) '\($0.label)'" }.joined(separator: ", "))"
                        + "\(count > 8 ? " and \(count - 8) more" : ""))"
                    : "'\(name)' names \(matches.count) configurations, give one of their ids: \(choices.joined(separator: ", "))",
                kind: .usage)
        }
        return self[matches[0]]
    }
}
