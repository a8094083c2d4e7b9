import RLCore
import RLGambler
import RLPlanning

/// Figure 4.3 (p. 84): value iteration on the gambler's problem with p_h = 0.4: the value
/// estimates after sweeps 1, 2, 3 and 32 and at convergence, and the final policy. Nothing is
/// random: one run is the figure.
enum Figure4_3 {
    static let capital = (1...99).map(Double.init)
    static let sweeps = [1, 2, 3, 32]
    /// The book's θ is "a small positive number"; the final values are those of no change larger.
    static let tolerance = 1e-12
    /// Stakes whose values are this close count as tied, and the smallest is drawn, as in the
    /// book's policy (float rounding would otherwise pick among equal stakes at random).
    static let tie = 1e-9

    /// The values after each of `sweeps` and at convergence, then the final policy's stakes.
    static func solve() -> (sweeps: [[Double]], final: [Double], stakes: [Double]) {
        let model = GamblersProblem.model()
        var seen: [Int: [Double]] = [:]
        let result = valueIteration(model, discount: 1, tolerance: tolerance) { sweep, values in
            if sweeps.contains(sweep) { seen[sweep] = values }
        }
        let stakes = (1...99).map { state -> Double in
            let values = (0..<model.actionCount).filter { model.legalActions(in: state).contains($0) }.map {
                model.actionValue(state: state, action: $0, values: result.values, discount: 1)
            }
            let best = values.max()!
            return Double(values.firstIndex { $0 >= best - tie }! + 1)
        }
        // A sweep after convergence would leave the values as they are.
        return (sweeps.map { Array((seen[$0] ?? result.values)[1...99]) }, Array(result.values[1...99]), stakes)
    }

    static func series(_ label: String, _ pick: @escaping @Sendable ((sweeps: [[Double]], final: [Double], stakes: [Double])) -> [Double])
        -> BookSeries
    {
        BookSeries(label: label, x: capital) { seeds, _, sums in
            let clock = ContinuousClock()
            let start = clock.now
            let values = pick(solve())
            sums.secondsInRuns += seconds(clock.now - start)
            for _ in seeds { sums.add(values) }
        }
    }

    static let figure = BookFigure(
        id: "4.3", title: "The solution to the gambler's problem for p_h = 0.4", section: "§4.4 Value Iteration (Example 4.3)",
        page: 84, runs: 1, quickRuns: 1,
        settings: "capital 1-99, goal 100, p_h = 0.4, γ = 1; in-place value iteration; ties between stakes to the smallest",
        series: sweeps.enumerated().map { index, sweep in series("sweep \(sweep)") { $0.sweeps[index] } }
            + [series("Final value function") { $0.final }, series("Final policy") { $0.stakes }],
        panels: [
            BookPanel(
                title: "", xLabel: "Capital", yLabel: "Value estimates",
                series: sweeps.map { "sweep \($0)" } + ["Final value function"], yRange: 0...1),
            BookPanel(title: "", xLabel: "Capital", yLabel: "Final policy (stake)", series: ["Final policy"]),
        ],
        checks: [
            BookCheck(
                "staking everything at 50 wins with p_h: v(50) = 0.4", .init("Final value function", x: 50...50),
                .value(0.4, reading: 1e-6), source: "Figure 4.3, p. 84"),
            BookCheck(
                "the final policy stakes 50 at capital 50", .init("Final policy", panel: 1, x: 50...50), .value(50, reading: 0),
                source: "Figure 4.3, p. 84"),
            BookCheck(
                "the final policy stakes 25 at capital 25", .init("Final policy", panel: 1, x: 25...25), .value(25, reading: 0),
                source: "Figure 4.3, p. 84"),
            BookCheck(
                "the final policy stakes 25 at capital 75", .init("Final policy", panel: 1, x: 75...75), .value(25, reading: 0),
                source: "Figure 4.3, p. 84"),
            BookCheck(
                "sweep 32 above sweep 1 at capital 60", .init("sweep 32", x: 60...60), .above(.init("sweep 1", x: 60...60)),
                source: "Figure 4.3, p. 84"),
        ])
}
