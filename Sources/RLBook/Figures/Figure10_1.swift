import RLClassicControl

/// Figure 10.1 (p. 245): the cost-to-go −maxₐ q̂(s, a, w) learned during one run of semi-gradient
/// Sarsa (the box on p. 244) on the book's Mountain Car (``BookMountainCar``: 8 tilings of 8 × 8
/// tiles, w = 0, ε = 0, γ = 1), over position × velocity, at step 428 of the first episode and
/// after episodes 12, 104, 1000 and 9000: one run, each panel a snapshot of it. (The figure's
/// first panel, a drawing of the task, is not drawn.)
enum Figure10_1 {
    /// The book gives no step size for this run; the Python reproduction uses 0.3/8.
    static let alphaTimesTilings = 0.3
    static let heatmap = BookPanel.Heatmap(
        rows: 50, columns: 50, xRange: MountainCar.minimumPosition...MountainCar.goalPosition,
        yRange: -MountainCar.maximumSpeed...MountainCar.maximumSpeed, valueLabel: "cost-to-go")
    /// The book's snapshots, and `--quick`'s: episodes 1000 and 9000 become 150 and 300, so that a
    /// debug build plays it in seconds; the quick figure's panels are titled with what it played.
    static let moments: [(moment: BookMountainCar.Moment, quick: BookMountainCar.Moment)] = [
        (.step(428), .step(428)), (.episodes(12), .episodes(12)), (.episodes(104), .episodes(104)),
        (.episodes(1000), .episodes(150)), (.episodes(9000), .episodes(300)),
    ]
    /// A snapshot's panel title: `Step 428`, `Episode 9000`.
    static func label(_ moment: BookMountainCar.Moment) -> String {
        switch moment {
        case .step(let step): "Step \(step)"
        case .episodes(let episodes): "Episode \(episodes)"
        }
    }
    /// The whole grid, for a reading of its highest or lowest cell.
    static let everywhere = 0...Double(heatmap.rows * heatmap.columns - 1)
    /// A stretch of positions at one velocity: cells of one row.
    static func cells(positions: ClosedRange<Double>, velocity: Double) -> ClosedRange<Double> {
        Double(heatmap.cell(x: positions.lowerBound, y: velocity))...Double(heatmap.cell(x: positions.upperBound, y: velocity))
    }
    /// The start states (position −0.6 to −0.4, at rest; the row just above velocity 0), and
    /// the states just short of the goal moving right (position 0.3 to 0.5, velocity 0.035).
    static let start = cells(positions: -0.6...(-0.4), velocity: 0.0001)
    static let nearGoal = cells(positions: 0.3...0.5, velocity: 0.035)

    static let figure = make(quick: false)

    /// The book's figure, or `--quick`'s (its last two snapshots after episodes 150 and 300).
    static func make(quick: Bool) -> BookFigure {
        let labels = moments.map { label(quick ? $0.quick : $0.moment) }
        let last = labels[labels.count - 1]
        return BookFigure(
            id: "10.1", title: "The cost-to-go function (-max_a q(s, a, w)) learned during one run on Mountain Car",
            section: "§10.1 Episodic Semi-gradient Control", page: 245, runs: 1, quickRuns: 1,
            settings:
                "Example 10.1's Mountain Car, no step cap (a 1,000,000-step guard); 8 tilings of 8 × 8 tiles; w = 0, ε = 0, γ = 1; semi-gradient Sarsa, α = 0.3/8 (the Python reproduction's; the book gives none); −max_a q̂ on a 50 × 50 grid of cell centres over position -1.2...0.5 and velocity ±0.07 at step 428 and after episodes 12, 104, 1000, 9000 of one run (--quick: 1000 and 9000 become 150 and 300)",
            series: zip(labels, moments).map { label, moment in
                .mountainCarCostToGo(
                    label, alphaTimesTilings: alphaTimesTilings, at: moment.moment, quickMoment: moment.quick, heatmap: heatmap)
            },
            panels: [BookPanel(title: "", xLabel: "Position", yLabel: "Velocity", heatmap: heatmap)],
            checks: [
                BookCheck(
                    "Step 428: the states not yet visited keep w = 0's cost-to-go, 0", .init("Step 428", x: everywhere, .minimum),
                    .value(0, reading: 0), source: "text, p. 245"),
                BookCheck(
                    "Step 428: the states visited are valued worse than unexplored states (cost-to-go above 0)",
                    .init("Step 428", x: everywhere, .maximum), .exceeds(0), source: "text, p. 245"),
                BookCheck(
                    "the highest cost-to-go grows as the optimism is learned away: Episode 12 above Step 428",
                    .init("Episode 12", x: everywhere, .maximum), .above(.init("Step 428", x: everywhere, .maximum)),
                    source: "Figure 10.1, p. 245"),
                BookCheck(
                    "Episode 104 above Episode 12", .init("Episode 104", x: everywhere, .maximum),
                    .above(.init("Episode 12", x: everywhere, .maximum)), source: "Figure 10.1, p. 245"),
                BookCheck(
                    "\(last): the start states (position -0.6 to -0.4, at rest) cost more than those near the goal moving right (0.3 to 0.5, velocity 0.035)",
                    .init(last, x: start), .above(.init(last, x: nearGoal)), source: "Figure 10.1, p. 245"),
            ], quickFigure: { make(quick: true) })
    }
}
