import RLApp
import RLRender

/// What `rl book` prints: the figure, its runs and time, its key numbers, and its checks.
public enum BookText {
    /// The heading, the key numbers of each panel and where the picture went.
    public static func summary(_ result: BookResult, run: BookRun, picture: String) -> [String] {
        // Series that average fewer runs, as the book's do (Figure 6.6's asymptotic curves).
        let fewer = zip(run.figure.series, run.sums).filter { $1.runs != result.runs }.map { "\($0.label) \($1.runs)" }
        var lines = [
            "\(run.figure.heading): \(result.title) (\(result.section), p. \(result.page))",
            "\(result.runs) \(result.runs == 1 ? "run" : "runs") of each of \(run.figure.series.count) series"
                + (fewer.isEmpty ? "" : " (but \(fewer.joined(separator: ", ")))") + " in \(fixed(result.seconds, 2)) s "
                + "(seed \(result.seed), \(run.options.jobs) \(run.options.jobs == 1 ? "job" : "jobs"); \(fixed(run.overheadPerRunMilliseconds, 3)) ms per run outside its loop)",
        ]
        for (index, panel) in result.panels.enumerated() {
            if let categories = run.figure.panels[index].categories {
                lines += BookCategoricalGrid.summary(panel, categories)
                continue
            }
            // A heatmap panel's values are its value label's, over its two axes.
            let name = panel.heatmap.map { "\($0.valueLabel) over \(panel.xLabel.lowercased()) × \(panel.yLabel.lowercased())" }
            lines.append("  \(name ?? panel.yLabel)" + (panel.title.isEmpty ? "" : " (\(panel.title))") + ":")
            let width = (panel.series.map(\.label.count).max() ?? 0) + 2
            for series in panel.series {
                lines.append(
                    "    " + series.label.padded(to: width)
                        + (panel.heatmap == nil ? keyNumber(series, xLabel: panel.xLabel) : heatmapRange(series)))
            }
        }
        lines.append("Picture written to \(picture).")
        return lines
    }

    /// A curve's last tenth (its mean), or a parameter study's points, highest and lowest first.
    static func keyNumber(_ series: BookResult.Series, xLabel: String) -> String {
        guard series.x.count > 20 else {
            guard let high = series.y.indices.max(by: { series.y[$0] < series.y[$1] }),
                let low = series.y.indices.min(by: { series.y[$0] < series.y[$1] })
            else { return "" }
            return "max \(fixed(series.y[high], 3)) at \(formatNumber(series.x[high])), "
                + "min \(fixed(series.y[low], 3)) at \(formatNumber(series.x[low])); "
                + zip(series.x, series.y).map { "\(formatNumber($0)): \(fixed($1, 3))" }.joined(separator: ", ")
        }
        let first = series.x.count - series.x.count / 10
        let tail = series.y[first...]
        let mean = tail.reduce(0, +) / Double(tail.count)
        return "\(fixed(mean, 3)) (mean of \(xLabel.lowercased()) \(formatNumber(series.x[first]))-\(formatNumber(series.x.last!)))"
    }

    /// A heatmap's lowest and highest values.
    static func heatmapRange(_ series: BookResult.Series) -> String {
        "lowest \(fixed(series.y.min() ?? .nan, 3)), highest \(fixed(series.y.max() ?? .nan, 3))"
    }

    /// One line per check: `PASS`/`FAIL`, the claim, the numbers and the source.
    public static func checks(_ result: BookResult) -> [String] {
        result.checks.map { check in
            let numbers =
                check.kind == "value"
                ? "\(fixed(check.measured, 3)), book \(formatNumber(check.expected)) ± \(fixed(check.tolerance, 3))"
                : "\(fixed(check.measured, 3)) > \(fixed(check.expected, 3))"
            return (check.passed ? "PASS  " : "FAIL  ") + "\(check.words): \(numbers) (\(check.source))"
        }
    }
}

extension String {
    func padded(to width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
