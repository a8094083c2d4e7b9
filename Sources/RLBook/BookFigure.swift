import Foundation
import RLExperiments
import RLRender

/// One of Sutton & Barto's figures (2nd ed., 2018) as `rl book` draws it: a short declaration of
/// what is run (its series, each one method under the book's settings), how often (the book's
/// run count), what is plotted (its panels) and what the book says it shows (its checks). The
/// runner (``runFigure(_:options:progress:)``) does the rest; a figure is never a program of its own.
public struct BookFigure: Sendable {
    /// The book's number: `2.2`, `6.4`; an example's figure-less result is `example-6.2`.
    public var id: String
    /// The caption, shortened.
    public var title: String
    /// Where it belongs: `§2.3 The 10-armed Testbed`.
    public var section: String
    /// The page of the figure in the book's second edition (2018).
    public var page: Int
    /// What the 2018 printing calls it, where that is not `Figure <id>`: the ids follow the
    /// issue that listed the figures (the 2017 draft's numbers), and two of them moved when the
    /// book was printed (the cliff-walking plot is Example 6.6's, unnumbered; the interim and
    /// asymptotic study is Figure 6.3).
    public var printedAs: String
    /// The book's own run count.
    public var runs: Int
    /// The run count of `--quick`: enough for its checks, fast in a debug build.
    public var quickRuns: Int
    /// The settings, in the book's words, for `--list` and the docs.
    public var settings: String
    public var series: [BookSeries]
    public var panels: [BookPanel]
    public var checks: [BookCheck]
    /// The figure as `--quick` plays it, where its titles, legends, axes or checks would
    /// otherwise state the book's sizes (Figure 10.1's episodes 1000 and 9000, played as 150 and
    /// 300): ``sized(quick:)``.
    let quickFigure: (@Sendable () -> BookFigure)?

    public init(
        id: String, printedAs: String? = nil, title: String, section: String, page: Int, runs: Int, quickRuns: Int,
        settings: String, series: [BookSeries], panels: [BookPanel], checks: [BookCheck],
        quickFigure: (@Sendable () -> BookFigure)? = nil
    ) {
        self.id = id
        self.printedAs =
            printedAs ?? (id.hasPrefix(Self.examplePrefix) ? "Example \(id.dropFirst(Self.examplePrefix.count))" : "Figure \(id)")
        self.title = title
        self.section = section
        self.page = page
        self.runs = runs
        self.quickRuns = quickRuns
        self.settings = settings
        self.series = series
        self.panels = panels
        self.checks = checks
        self.quickFigure = quickFigure
    }

    /// The figure a run draws: under `--quick`, the one whose words and axes say what `--quick`
    /// plays, where the figure declares one; otherwise itself.
    public func sized(quick: Bool) -> BookFigure { quick ? quickFigure?() ?? self : self }

    /// The figure as it looks when the runs of the series named (every series, by default) stop
    /// at x = `last` (`--quick`'s shorter runs): each of those series keeps its points up to
    /// `last` rather than repeating the last one to the book's end, and each check's reading of
    /// them stops at the last point kept (a reading wholly past it reads that point).
    public func ending(at last: Double, series names: [String]? = nil) -> BookFigure {
        var figure = self
        let cut = Set(names ?? series.map(\.label))
        figure.series = series.map { series in
            guard cut.contains(series.label), let kept = series.x.lastIndex(where: { $0 <= last }), kept + 1 < series.x.count else {
                return series
            }
            return series.keeping(first: kept + 1)
        }
        let ends = Dictionary(figure.series.map { ($0.label, $0.x.last ?? last) }, uniquingKeysWith: { first, _ in first })
        func clamped(_ reading: BookCheck.Reading) -> BookCheck.Reading {
            guard cut.contains(reading.series), let end = ends[reading.series], reading.x.upperBound > end else { return reading }
            var clamped = reading
            clamped.x = min(reading.x.lowerBound, end)...end
            return clamped
        }
        figure.checks = checks.map { check in
            var check = check
            check.reading = clamped(check.reading)
            if case .above(let other) = check.claim { check.claim = .above(clamped(other)) }
            return check
        }
        return figure
    }

    /// The figure with each series named in `shown` keeping only its points at those x: a
    /// `--quick` parameter study that plays each curve at its best α only draws those points,
    /// not a level line through values it did not play. Checks read what is left.
    public func showing(only shown: [String: [Double]]) -> BookFigure {
        var figure = self
        figure.series = series.map { series in
            guard let values = shown[series.label] else { return series }
            return series.keeping(points: series.x.indices.filter { values.contains(series.x[$0]) })
        }
        return figure
    }

    /// The figure with its words about run counts (`averaged over 100 runs`, in a panel's title
    /// or y label) saying `runs`, the count played: `--quick`'s or `--runs`'s.
    public func counting(runs played: Int) -> BookFigure {
        guard played != runs else { return self }
        var figure = self
        let shown = played == 1 ? "1 run" : "\(played) runs"
        func said(_ words: String) -> String {
            // After a space or a parenthesis: `over 100 runs`, `(100 runs)`, not `1100 runs`.
            ["(", " "].reduce(words) { words, before in words.replacingOccurrences(of: before + "\(runs) runs", with: before + shown) }
        }
        for index in figure.panels.indices {
            figure.panels[index].title = said(figure.panels[index].title)
            figure.panels[index].yLabel = said(figure.panels[index].yLabel)
        }
        return figure
    }

    /// The prefix of an example's id: `example-6.2` is Example 6.2.
    static let examplePrefix = "example-"

    /// `Figure 2.2`, `Example 6.2`, `Figure 6.6 (printed as Figure 6.3)`: the figure's name in
    /// headings and pictures.
    public var heading: String {
        let name = id.hasPrefix(Self.examplePrefix) ? "Example \(id.dropFirst(Self.examplePrefix.count))" : "Figure \(id)"
        return name == printedAs ? name : "\(name) (printed as \(printedAs))"
    }

    /// `Figure 2.2, p. 29`: where a check's value comes from.
    public var reference: String { "\(printedAs), p. \(page)" }
}

/// One curve of a figure (one method under one setting, or one method over a parameter): what a
/// single run measures, as a vector of numbers, and how to play one run per seed.
// Sendable: the closure captures only Sendable settings and types.
public struct BookSeries: @unchecked Sendable {
    /// The legend's text, as the book writes it (`ε = 0.1`, `Sarsa`).
    public var label: String
    /// The x of each point of a measure (steps 1...1000, episodes, a parameter's values).
    public var x: [Double]
    /// How many measures a run gives (a bandit run: average reward and % optimal action), each
    /// of `x.count` points, one after the other.
    public var measures: Int
    /// This series plays the figure's run count divided by this (at least 2 runs): Figure 6.6's
    /// asymptotic curves average 10 runs where its interim ones average 50,000.
    public var runDivisor: Int
    /// How the runs' numbers make the curve: their mean, or the root of their mean.
    public var aggregate: Aggregate
    /// Plays one run per seed and adds each run's `measures × x.count` numbers to the sums;
    /// `quick` asks for the series' shorter runs (`rl book --quick`), where it has any.
    let play: @Sendable (_ seeds: Range<UInt64>, _ quick: Bool, _ sums: inout RunSums) throws(BookError) -> Void

    public init(
        label: String, x: [Double], measures: Int = 1, runDivisor: Int = 1, aggregate: Aggregate = .mean,
        play: @escaping @Sendable (_ seeds: Range<UInt64>, _ quick: Bool, _ sums: inout RunSums) throws(BookError) -> Void
    ) {
        self.label = label
        self.x = x
        self.measures = measures
        self.runDivisor = runDivisor
        self.aggregate = aggregate
        self.play = play
    }

    /// How a series' runs are combined into its curve.
    public enum Aggregate: Sendable, Equatable {
        /// The mean over runs of each point (nearly every figure).
        case mean
        /// The square root of the mean over runs: each run gives squared errors and the curve is
        /// their root mean square over runs (Figure 8.7's RMS error of one estimate), its standard
        /// error the mean square's divided by 2 × the root (the delta method).
        case rootMeanSquare
    }

    /// The same series, named `label`, keeping the first `points` points of each measure (its x
    /// cut to match): what a `--quick` figure shows of a curve whose runs stop early, rather than
    /// the repeated last point.
    public func keeping(first points: Int, label: String? = nil) -> BookSeries {
        points == x.count && label == nil ? self : keeping(points: Array(0..<points), label: label)
    }

    /// The same series, named `label`, keeping only the points at these indices of its x, in
    /// each measure: what a `--quick` parameter study shows of a curve it plays at one value
    /// only. It plays each run alone and keeps the points asked for.
    public func keeping(points kept: [Int], label: String? = nil) -> BookSeries {
        precondition(!kept.isEmpty && kept.allSatisfy(x.indices.contains), "keep points of 0..<\(x.count)")
        let play = self.play, measures = self.measures, all = x.count
        return BookSeries(
            label: label ?? self.label, x: kept.map { x[$0] }, measures: measures, runDivisor: runDivisor, aggregate: aggregate
        ) { seeds, quick, sums throws(BookError) in
            for seed in seeds {
                var one = RunSums(points: measures * all)
                try play(seed..<seed + 1, quick, &one)
                sums.secondsInRuns += one.secondsInRuns
                sums.add((0..<measures).flatMap { measure in kept.map { one.sums[measure * all + $0] } })
            }
        }
    }

    /// The runs this series plays when the figure plays `runs`.
    public func runs(of runs: Int) -> Int { runDivisor == 1 ? runs : max(min(runs, 2), runs / runDivisor) }

    /// A curve every run gives alike (the book's dashed "optimal" lines).
    public static func constant(_ label: String, x: [Double], value: Double) -> BookSeries {
        BookSeries(label: label, x: x) { seeds, _, sums in
            let values = Array(repeating: value, count: x.count)
            for _ in seeds { sums.add(values) }
        }
    }
}

/// One panel of a figure: which measure of which series it plots, on what axes.
public struct BookPanel: Sendable {
    public enum Scale: Sendable, Equatable {
        case linear
        /// Base 2, ticks labelled 1/4, 1/2, 1, 2, 4 (Figure 2.6's parameters).
        case logarithmic2
        /// Base 10, ticks labelled 1, 10, 100 (Figures 5.3 and 5.4's episodes).
        case logarithmic10
    }

    /// How a grid panel draws its cells: their size, the text of a value, the labels of rows and
    /// columns, and colours. The default is Figure 4.1's: values to one decimal, no labels, no colour.
    public struct Cells: Sendable {
        public var width: Double
        public var height: Double
        /// A cell's text, from its series' label and its value.
        public var text: @Sendable (_ series: String, _ value: Double) -> String
        /// Each row's label, left of it, and each column's, above it.
        public var rowLabels: [String]?
        public var columnLabels: [String]?
        /// What the row and column labels are (`player sum`, `dealer showing`).
        public var rowTitle: String
        public var columnTitle: String
        /// Cells shaded from red (the range's low end) through white to green (its high end).
        public var shading: ClosedRange<Double>?

        public init(
            width: Double = 70, height: Double = 52,
            text: @escaping @Sendable (_ series: String, _ value: Double) -> String = { fixed($1, 1) },
            rowLabels: [String]? = nil, columnLabels: [String]? = nil, rowTitle: String = "", columnTitle: String = "",
            shading: ClosedRange<Double>? = nil
        ) {
            self.width = width
            self.height = height
            self.text = text
            self.rowLabels = rowLabels
            self.columnLabels = columnLabels
            self.rowTitle = rowTitle
            self.columnTitle = columnTitle
            self.shading = shading
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// Which of the series' measures it shows (0 for the first).
    public var measure: Int
    /// The series it shows, by label; `nil` for every series.
    public var series: [String]?
    public var xScale: Scale
    /// `.linear`, or logarithmic (the steps per episode of Figures 10.2 and 10.3): either
    /// logarithmic case draws the y axis in log10, ticked at round values (100, 200, 500, 1000).
    public var yScale: Scale
    /// The book's y range, when it cuts the axis (Figure 6.4's −100 to −25); values beyond it are
    /// drawn at its edge.
    public var yRange: ClosedRange<Double>?
    /// When set, each series is drawn as a grid of its values, row by row (Figure 4.1's value
    /// tables), not as a curve.
    public var grid: (rows: Int, columns: Int)?
    /// How a grid's cells are drawn.
    public var cells: Cells
    /// When set, each series is drawn as a heatmap (Figure 10.1): ``Heatmap``.
    public var heatmap: Heatmap?
    /// When set, the panel is one grid of categories (Figure 10.5's policy), its series the
    /// categories: ``categorical(title:_:)``, drawn by `BookCategoricalGrid`.
    public var categories: Categories?

    public init(
        title: String, xLabel: String, yLabel: String, measure: Int = 0, series: [String]? = nil, xScale: Scale = .linear,
        yScale: Scale = .linear, yRange: ClosedRange<Double>? = nil, grid: (rows: Int, columns: Int)? = nil, cells: Cells = Cells(),
        heatmap: Heatmap? = nil
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.measure = measure
        self.series = series
        self.xScale = xScale
        self.yScale = yScale
        self.yRange = yRange
        self.grid = grid
        self.cells = cells
        self.heatmap = heatmap
    }
}

/// A value (or an order) the book gives, and where: what `rl book --check` compares with.
public struct BookCheck: Sendable {
    /// A stretch of one series in one panel, summarised to one number.
    public struct Reading: Sendable, Equatable {
        public var series: String
        public var panel: Int
        /// The x values it covers (a single step is `11...11`).
        public var x: ClosedRange<Double>
        public var summary: Summary

        public enum Summary: Sendable, Equatable {
            case mean
            case maximum
            /// The lowest point (the best of an error curve).
            case minimum
            /// The last point less the first (what a cumulative curve gained over the stretch).
            case rise
        }

        public init(_ series: String, panel: Int = 0, x: ClosedRange<Double>, _ summary: Summary = .mean) {
            self.series = series
            self.panel = panel
            self.x = x
            self.summary = summary
        }
    }

    public enum Claim: Sendable, Equatable {
        /// The reading is `value`, within `reading` (how precisely the book's figure or text
        /// gives it) plus three standard errors of the mean at the run count.
        case value(Double, reading: Double)
        /// The reading is above another one (by more than nothing: the book's ordering).
        case above(Reading)
        /// The reading is above a number (Figure 5.4's runs that have not converged).
        case exceeds(Double)
    }

    /// What is claimed, in words: `ε = 0.1: % optimal action, steps 901–1000`.
    public var words: String
    public var reading: Reading
    public var claim: Claim
    /// Where the book says it: `Figure 2.2, p. 29` or `text, p. 29`.
    public var source: String

    public init(_ words: String, _ reading: Reading, _ claim: Claim, source: String) {
        self.words = words
        self.reading = reading
        self.claim = claim
        self.source = source
    }
}

/// A figure that cannot run as asked, in one line.
public struct BookError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}
