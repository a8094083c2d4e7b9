import RLCore
import RLPlanning
import RLSmallGridworld

/// Figure 4.1 (p. 77, Example 4.1): iterative policy evaluation of the equiprobable random policy
/// on the 4 × 4 gridworld, γ = 1, −1 per move, the two shaded corners terminal; the values
/// after k = 0, 1, 2, 3, 10 sweeps and at convergence. Sweeps are synchronous (each computes
/// from the previous sweep's values), as the figure's numbers are. Nothing is random.
enum Figure4_1 {
    static let size = SmallGridworld.size
    static let sweeps = [0, 1, 2, 3, 10]

    /// The gridworld's model (RLSmallGridworld, the registered `gridworld` world): states 0…15
    /// row by row, 0 and 15 terminal; up, down, right, left; a move off the grid stays put.
    static let model = SmallGridworld.model

    /// v_k for each of `sweeps`, then v_π (no value moving by 1e-10 in a sweep).
    static func evaluate() -> [[Double]] {
        var values = Array(repeating: 0.0, count: size * size)
        var seen: [[Double]] = []
        var sweep = 0
        while true {
            if sweeps.contains(sweep) { seen.append(values) }
            let next = (0..<values.count).map { state in
                (0..<4).map { model.actionValue(state: state, action: $0, values: values, discount: 1) }.reduce(0, +) / 4
            }
            let change = zip(next, values).map { abs($0 - $1) }.max()!
            values = next
            sweep += 1
            if change < 1e-10 && sweep > sweeps.last! { break }
        }
        return seen + [values]
    }

    static func series(_ label: String, _ index: Int) -> BookSeries {
        BookSeries(label: label, x: (0..<(size * size)).map(Double.init)) { seeds, _, sums in
            let clock = ContinuousClock()
            let start = clock.now
            let values = evaluate()[index]
            sums.secondsInRuns += seconds(clock.now - start)
            for _ in seeds { sums.add(values) }
        }
    }

    /// The figure prints values to one decimal: a check of a sweep's value is good to ±0.05 (the
    /// book prints v_2's −1.75 as −1.7, hence a hair more).
    static let labels = sweeps.map { "k = \($0)" } + ["k = ∞"]

    static let figure = BookFigure(
        id: "4.1", title: "Convergence of iterative policy evaluation on a small gridworld",
        section: "§4.1 Policy Evaluation (Example 4.1)",
        page: 77, runs: 1, quickRuns: 1,
        settings: "4 × 4 grid, corners terminal, -1 per move, equiprobable random policy, γ = 1; synchronous sweeps",
        series: labels.enumerated().map { series($1, $0) },
        panels: [
            BookPanel(title: "", xLabel: "state", yLabel: "v_k for the random policy", grid: (size, size))
        ],
        checks: [
            BookCheck(
                "k = 1: every non-terminal state -1.0", .init("k = 1", x: 1...14), .value(-1, reading: 1e-9), source: "Figure 4.1, p. 77"),
            BookCheck(
                "k = 2: the state beside a corner -1.7", .init("k = 2", x: 1...1), .value(-1.7, reading: 0.0501),
                source: "Figure 4.1, p. 77"),
            BookCheck("k = 3: state 1 -2.4", .init("k = 3", x: 1...1), .value(-2.4, reading: 0.05), source: "Figure 4.1, p. 77"),
            BookCheck("k = 10: state 1 -6.1", .init("k = 10", x: 1...1), .value(-6.1, reading: 0.05), source: "Figure 4.1, p. 77"),
            BookCheck("k = 10: state 3 -9.0", .init("k = 10", x: 3...3), .value(-9.0, reading: 0.05), source: "Figure 4.1, p. 77"),
            BookCheck("k = ∞: state 1 -14", .init("k = ∞", x: 1...1), .value(-14, reading: 1e-6), source: "Figure 4.1, p. 77"),
            BookCheck("k = ∞: state 3 -22", .init("k = ∞", x: 3...3), .value(-22, reading: 1e-6), source: "Figure 4.1, p. 77"),
            BookCheck("k = ∞: state 5 -18", .init("k = ∞", x: 5...5), .value(-18, reading: 1e-6), source: "Figure 4.1, p. 77"),
        ])
}
