import RLExperiments

/// A figure's data as `rl book --json` prints it: `{"id", "title", "panels": [{"title",
/// "x_label", "y_label", "series": [{"label", "x", "y"}]}], "checks": [...]}`, with the run count,
/// seed and time beside them.
public struct BookResult: Sendable, Encodable {
    public struct Panel: Sendable, Encodable {
        public var title: String
        public var xLabel: String
        public var yLabel: String
        public var series: [Series]
        /// A categorical panel's grid and categories (docs/BOOK.md); absent for the others.
        public var categorical: BookCategoricalShape? = nil
        /// A heatmap panel's grid (each series' y its values, row by row): ``BookPanel/Heatmap``.
        public var heatmap: BookPanel.Heatmap?
    }

    public struct Series: Sendable, Encodable {
        public var label: String
        public var x: [Double]
        /// The mean over runs at each x (the root mean square, for a series whose
        /// ``BookSeries/aggregate`` says so).
        public var y: [Double]
        /// The standard error of each mean.
        public var standardError: [Double]
        /// The runs averaged.
        public var runs: Int
    }

    public var id: String
    public var title: String
    public var section: String
    public var page: Int
    public var runs: Int
    public var seed: UInt64
    public var seconds: Double
    public var panels: [Panel]
    public var checks: [CheckResult]

    public init(_ run: BookRun) {
        let figure = run.figure
        id = figure.id
        title = figure.title
        section = figure.section
        page = figure.page
        runs = run.options.runs
        seed = run.options.seed
        seconds = run.seconds
        panels = figure.panels.map { panel in
            let shown = figure.series.indices.filter { panel.series?.contains(figure.series[$0].label) ?? true }
            return Panel(
                title: panel.title, xLabel: panel.xLabel, yLabel: panel.yLabel,
                series: shown.map { index in
                    let series = figure.series[index], sums = run.sums[index]
                    let points = series.x.count, first = panel.measure * points
                    var y = Array(sums.means[first..<first + points])
                    var standardError = Array(sums.standardErrors[first..<first + points])
                    if series.aggregate == .rootMeanSquare {
                        // √m has standard error se(m) / (2√m); a mean square of 0 has no spread.
                        y = y.map { max(0, $0).squareRoot() }
                        standardError = zip(y, standardError).map { root, error in root > 0 ? error / (2 * root) : 0 }
                    }
                    return Series(label: series.label, x: series.x, y: y, standardError: standardError, runs: sums.runs)
                }, categorical: panel.categories.map(BookCategoricalShape.init), heatmap: panel.heatmap)
        }
        checks = []
        checks = figure.checks.map { CheckResult($0, in: self) }
    }

    /// Whether every check passed.
    public var passed: Bool { checks.allSatisfy(\.passed) }
}

/// A check of a figure against the book, done.
public struct CheckResult: Sendable, Encodable {
    public var words: String
    public var source: String
    /// What the run gives.
    public var measured: Double
    /// What the book gives (a value claim), or the reading it must exceed (an order claim).
    public var expected: Double
    /// How far `measured` may be from `expected` (a value claim): the book's precision plus three
    /// standard errors at this run count; 0 for an order claim.
    public var tolerance: Double
    /// `value` or `above`.
    public var kind: String
    public var passed: Bool

    init(_ check: BookCheck, in result: BookResult) {
        words = check.words
        source = check.source
        let (measured, error) = Self.read(check.reading, in: result)
        self.measured = measured
        switch check.claim {
        case .value(let value, let reading):
            kind = "value"
            expected = value
            tolerance = reading + 3 * error
            passed = abs(measured - value) <= tolerance
        case .above(let other):
            kind = "above"
            expected = Self.read(other, in: result).value
            tolerance = 0
            passed = measured > expected
        case .exceeds(let value):
            kind = "above"
            expected = value
            tolerance = 0
            passed = measured > value
        }
    }

    /// The reading's value, and a bound on its standard error: the mean of the points' standard
    /// errors (the error of a mean of correlated points is at most that).
    static func read(_ reading: BookCheck.Reading, in result: BookResult) -> (value: Double, error: Double) {
        guard result.panels.indices.contains(reading.panel),
            let series = result.panels[reading.panel].series.first(where: { $0.label == reading.series })
        else { return (.nan, .nan) }
        let inside = series.x.indices.filter { reading.x.contains(series.x[$0]) }
        guard !inside.isEmpty else { return (.nan, .nan) }
        let error = inside.map { series.standardError[$0] }.reduce(0, +) / Double(inside.count)
        switch reading.summary {
        case .mean:
            return (inside.map { series.y[$0] }.reduce(0, +) / Double(inside.count), error)
        case .maximum:
            let best = inside.max { series.y[$0] < series.y[$1] }!
            return (series.y[best], series.standardError[best])
        case .minimum:
            let best = inside.min { series.y[$0] < series.y[$1] }!
            return (series.y[best], series.standardError[best])
        case .rise:
            // The error of a difference is at most the sum of the two errors.
            let first = inside.first!, last = inside.last!
            return (series.y[last] - series.y[first], series.standardError[first] + series.standardError[last])
        }
    }
}
