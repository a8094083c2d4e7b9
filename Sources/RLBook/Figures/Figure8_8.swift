/// Figure 8.8 (p. 176, from memory): expected updates distributed uniformly against along
/// on-policy trajectories, on §8.6's random tasks: 1000 states with b = 1, 3 and 10 branches (the
/// upper panel) and 10,000 states with b = 1 (the lower), 200 tasks each, the value of the start
/// state under the greedy policy (exact) over the updates made. ε = 0.1 for the trajectories.
enum Figure8_8 {
    static let small = 1000
    static let large = 10_000
    static let smallBranches = [1, 3, 10]
    /// `--quick` plays tasks this many times smaller for this many times fewer updates (a debug
    /// build is too slow for the book's), and its figure says so: 100 and 1000 states, updates
    /// to 2000 and 20,000.
    static let quickScale = 10

    /// A series' label; the lower panel's name their task's size (`10,000 states, b = 1, uniform`).
    static func label(states: Int? = nil, branches: Int, _ distribution: BookSeries.UpdateDistribution) -> String {
        (states.map { "\(written($0)) states, " } ?? "") + "b = \(branches), "
            + (distribution == .uniform ? "uniform" : "on-policy")
    }

    /// A count as the book writes it: `1000`, `10,000`.
    static func written(_ count: Int) -> String { count < 10_000 ? String(count) : Figure5_1.grouped(count) }

    static let figure = make(quick: false)

    /// The book's figure, or `--quick`'s: the tasks, the updates and the checks' stretches a
    /// tenth of the book's, played as they are (not drawn at the book's x).
    static func make(quick: Bool) -> BookFigure {
        let scale = quick ? quickScale : 1
        let smallTask = small / scale, largeTask = large / scale
        func series(states: Int, named: Int?, branches: Int, _ distribution: BookSeries.UpdateDistribution) -> BookSeries {
            .trajectorySampling(
                label(states: named, branches: branches, distribution), states: states, branches: branches,
                distribution: distribution, updates: states * 20, every: states * 20 / 50, quickScale: quick ? 1 : quickScale)
        }
        func updates(_ stretch: ClosedRange<Double>) -> ClosedRange<Double> {
            stretch.lowerBound / Double(scale)...stretch.upperBound / Double(scale)
        }
        let upper = smallBranches.flatMap { b in
            [series(states: smallTask, named: nil, branches: b, .onPolicy), series(states: smallTask, named: nil, branches: b, .uniform)]
        }
        let lower = [
            series(states: largeTask, named: largeTask, branches: 1, .onPolicy),
            series(states: largeTask, named: largeTask, branches: 1, .uniform),
        ]
        let onPolicyLarge = label(states: largeTask, branches: 1, .onPolicy), uniformLarge = label(states: largeTask, branches: 1, .uniform)
        return BookFigure(
            id: "8.8",
            title:
                "Relative efficiency of updates distributed uniformly across the state space versus focused on simulated on-policy trajectories",
            section: "§8.6 Trajectory Sampling", page: 176, runs: 200, quickRuns: 8,
            settings: "random tasks: 2 actions, b equally likely next states per pair, 0.1 chance of ending on each transition, "
                + "rewards N(0, 1); expected updates, uniform sweeps against ε-greedy trajectories (ε = 0.1) from the start; "
                + "1000 states, b = 1, 3, 10, 20,000 updates; 10,000 states, b = 1, 200,000 updates; 200 tasks "
                + "(--quick: 100 states, 2000 updates; 1000 states, 20,000 updates; 8 tasks)",
            series: upper + lower,
            panels: [
                BookPanel(
                    title: "\(written(smallTask)) states", xLabel: "Computation time, in expected updates",
                    yLabel: "Value of start state under greedy policy", series: upper.map(\.label)),
                BookPanel(
                    title: "\(written(largeTask)) states", xLabel: "Computation time, in expected updates",
                    yLabel: "Value of start state under greedy policy", series: lower.map(\.label)),
            ],
            checks: [
                early(1, updates(400...1600)), early(3, updates(400...800)), early(10, updates(400...400)),
                BookCheck(
                    "b = 1: on-policy still ahead after \(Int(1600 / scale)) updates (\"the initial period of faster planning was longer, at smaller branching factors\")",
                    .init(label(branches: 1, .onPolicy), x: updates(1600...1600)),
                    .above(.init(label(branches: 1, .uniform), x: updates(1600...1600))), source: "text, p. 176"),
                BookCheck(
                    "b = 10: uniform ahead after \(Int(1600 / scale)) updates (\"the initial period of faster planning was longer, at smaller branching factors\")",
                    .init(label(branches: 10, .uniform), x: updates(1600...1600)),
                    .above(.init(label(branches: 10, .onPolicy), x: updates(1600...1600))), source: "text, p. 176"),
                late(1, updates(18_000...20_000)), late(3, updates(18_000...20_000)), late(10, updates(18_000...20_000)),
                BookCheck(
                    "\(written(largeTask)) states, b = 1: on-policy ahead for \(written(40_000 / scale)) updates (\"the advantage of on-policy focusing is large and long-lasting\")",
                    .init(onPolicyLarge, panel: 1, x: updates(4000...40_000)),
                    .above(.init(uniformLarge, panel: 1, x: updates(4000...40_000))), source: "text, p. 176"),
            ], quickFigure: { make(quick: true) })
    }

    /// The upper panel: on-policy above uniform over `stretch` ("faster planning initially").
    static func early(_ b: Int, _ stretch: ClosedRange<Double>) -> BookCheck {
        BookCheck(
            "b = \(b): on-policy above uniform, updates \(Int(stretch.lowerBound))-\(Int(stretch.upperBound)) (\"faster planning initially\")",
            .init(label(branches: b, .onPolicy), x: stretch),
            .above(.init(label(branches: b, .uniform), x: stretch)), source: "text, p. 176")
    }

    /// The upper panel: uniform above on-policy over its last tenth of the updates ("retarded
    /// planning in the long run").
    static func late(_ b: Int, _ stretch: ClosedRange<Double>) -> BookCheck {
        BookCheck(
            "b = \(b): uniform above on-policy, updates \(written(Int(stretch.lowerBound)))-\(written(Int(stretch.upperBound))) (\"retarded planning in the long run\")",
            .init(label(branches: b, .uniform), x: stretch),
            .above(.init(label(branches: b, .onPolicy), x: stretch)), source: "text, p. 176")
    }
}
