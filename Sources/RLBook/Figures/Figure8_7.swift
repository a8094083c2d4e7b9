import Foundation

/// Figure 8.7 (p. 174, from memory): expected against sample updates of one state-action pair
/// with b equally likely successors, the error of its estimate over the computations of a
/// max_a' Q(s', a') (in units of b). The book's case: the successors' values correct (here N(0, 1)
/// draws, as in Zhang's reproduction), the initial error 1, sample averages (α = 1/t); the RMS
/// error over 100 runs. An expected update's error is the same curve for every b in these units:
/// drawn once, at b = 10,000.
enum Figure8_7 {
    static let branchings = [2, 10, 100, 1000, 10_000]
    static let expected = "expected updates"
    static func label(_ b: Int) -> String { "sample updates, b = \(formatted(b))" }
    static func formatted(_ b: Int) -> String { b < 10_000 ? "\(b)" : "\(b / 1000),000" }

    static let figure = BookFigure(
        id: "8.7", title: "Comparison of efficiency of expected and sample updates",
        section: "§8.5 Expected vs. Sample Updates", page: 174, runs: 100, quickRuns: 30,
        settings: "one state-action pair, b = 2, 10, 100, 1000, 10,000 equally likely successors whose values are "
            + "correct (N(0, 1) draws), initial error 1; sample updates with α = 1/t; 2b computations; RMS error over 100 runs",
        series: [BookSeries.branchingErrors(expected, branches: 10_000, updates: .expected)]
            + branchings.map { BookSeries.branchingErrors(label($0), branches: $0, updates: .sample) },
        panels: [
            BookPanel(
                title: "", xLabel: "Number of max Q(s',a') computations, in units of b",
                yLabel: "RMS error in value estimate", yRange: 0...1.05)
        ],
        checks: [
            BookCheck(
                "expected updates leave the error at 1 until their b-th computation", .init(expected, x: 0...0.999),
                .value(1, reading: 1e-9), source: "text, p. 174"),
            BookCheck(
                "expected updates: \"the expected update reduces the error to zero upon its completion\"", .init(expected, x: 1...2),
                .value(0, reading: 1e-9), source: "text, p. 174"),
            formula(2, computations: 1),
        ]
            + [10, 100, 1000, 10_000].map { formula($0, computations: $0) } + [
                formula(
                    10_000, computations: 1000,
                    quoting: "for moderately large b the error falls dramatically with a tiny fraction of b updates"),
                BookCheck(
                    "after b computations, b = 2's sample updates are further from the truth than b = 10's", .init(label(2), x: 1...1),
                    .above(.init(label(10), x: 1...1)), source: "Figure 8.7, p. 174"),
            ])

    /// Sample updates' RMS error after `computations` of them, the book's √((b − 1)/(bt)),
    /// exact for the mean square over runs (rounded to 4 decimals, the precision allowed).
    static func formula(_ b: Int, computations t: Int, quoting text: String? = nil) -> BookCheck {
        let x = Double(t) / Double(b)
        return BookCheck(
            "b = \(formatted(b)), t = \(t) sample updates: √((b − 1)/(bt))" + (text.map { " (\"\($0)\")" } ?? ""),
            .init(label(b), x: x...x),
            .value((((Double(b) - 1) / (Double(b) * Double(t))).squareRoot() * 10_000).rounded() / 10_000, reading: 0.000_05),
            source: "text, p. 174")
    }
}
