/// Figure 8.8 (p. 176, from memory): expected updates distributed uniformly against along
/// on-policy trajectories, on §8.6's random tasks: 1000 states with b = 1, 3 and 10 branches (the
/// upper panel) and 10,000 states with b = 1 (the lower), 200 tasks each, the value of the start
/// state under the greedy policy (exact) over the updates made. ε = 0.1 for the trajectories.
enum Figure8_8 {
    static let small = 1000
    static let large = 10_000
    static let smallBranches = [1, 3, 10]
    static func label(states: Int, branches: Int, _ distribution: BookSeries.UpdateDistribution) -> String {
        (states == large ? "10,000 states, " : "") + "b = \(branches), " + (distribution == .uniform ? "uniform" : "on-policy")
    }

    static func series(states: Int, branches: Int, _ distribution: BookSeries.UpdateDistribution) -> BookSeries {
        .trajectorySampling(
            label(states: states, branches: branches, distribution), states: states, branches: branches, distribution: distribution,
            updates: states * 20, every: states * 20 / 50)
    }

    static let figure = BookFigure(
        id: "8.8",
        title:
            "Relative efficiency of updates distributed uniformly across the state space versus focused on simulated on-policy trajectories",
        section: "§8.6 Trajectory Sampling", page: 176, runs: 200, quickRuns: 8,
        settings: "random tasks: 2 actions, b equally likely next states per pair, 0.1 chance of ending on each transition, "
            + "rewards N(0, 1); expected updates, uniform sweeps against ε-greedy trajectories (ε = 0.1) from the start; "
            + "1000 states, b = 1, 3, 10, 20,000 updates; 10,000 states, b = 1, 200,000 updates; 200 tasks",
        series: smallBranches.flatMap { b in [series(states: small, branches: b, .onPolicy), series(states: small, branches: b, .uniform)] }
            + [series(states: large, branches: 1, .onPolicy), series(states: large, branches: 1, .uniform)],
        panels: [
            BookPanel(
                title: "1000 states", xLabel: "Computation time, in expected updates", yLabel: "Value of start state under greedy policy",
                series: smallBranches.flatMap { b in
                    [label(states: small, branches: b, .onPolicy), label(states: small, branches: b, .uniform)]
                }),
            BookPanel(
                title: "10,000 states", xLabel: "Computation time, in expected updates", yLabel: "Value of start state under greedy policy",
                series: [label(states: large, branches: 1, .onPolicy), label(states: large, branches: 1, .uniform)]),
        ],
        checks: [
            early(1, 400...1600), early(3, 400...800), early(10, 400...400),
            BookCheck(
                "b = 1: on-policy still ahead after 1600 updates (\"the initial period of faster planning was longer, at smaller branching factors\")",
                .init(label(states: small, branches: 1, .onPolicy), x: 1600...1600),
                .above(.init(label(states: small, branches: 1, .uniform), x: 1600...1600)), source: "text, p. 176"),
            BookCheck(
                "b = 10: uniform ahead after 1600 updates (\"the initial period of faster planning was longer, at smaller branching factors\")",
                .init(label(states: small, branches: 10, .uniform), x: 1600...1600),
                .above(.init(label(states: small, branches: 10, .onPolicy), x: 1600...1600)), source: "text, p. 176"),
            late(1), late(3), late(10),
            BookCheck(
                "10,000 states, b = 1: on-policy ahead for 40,000 updates (\"the advantage of on-policy focusing is large and long-lasting\")",
                .init(label(states: large, branches: 1, .onPolicy), panel: 1, x: 4000...40_000),
                .above(.init(label(states: large, branches: 1, .uniform), panel: 1, x: 4000...40_000)), source: "text, p. 176"),
        ])

    /// 1000 states: on-policy above uniform over `stretch` ("faster planning initially").
    static func early(_ b: Int, _ stretch: ClosedRange<Double>) -> BookCheck {
        BookCheck(
            "b = \(b): on-policy above uniform, updates \(Int(stretch.lowerBound))-\(Int(stretch.upperBound)) (\"faster planning initially\")",
            .init(label(states: small, branches: b, .onPolicy), x: stretch),
            .above(.init(label(states: small, branches: b, .uniform), x: stretch)), source: "text, p. 176")
    }

    /// 1000 states: uniform above on-policy over the last 2000 updates ("retarded planning in the long run").
    static func late(_ b: Int) -> BookCheck {
        BookCheck(
            "b = \(b): uniform above on-policy, updates 18,000-20,000 (\"retarded planning in the long run\")",
            .init(label(states: small, branches: b, .uniform), x: 18_000...20_000),
            .above(.init(label(states: small, branches: b, .onPolicy), x: 18_000...20_000)), source: "text, p. 176")
    }
}
