import RLCore

extension BookSeries {
    /// One component of a weight vector over a run (Figure 11.2): `trajectory(seed)` gives w
    /// before the first step and after each (one vector per x), and the series is its
    /// `component`. Each of a figure's components replays the run: the runs are short.
    public static func weightComponent(
        _ label: String, component: Int, x: [Double], trajectory: @escaping @Sendable (_ seed: UInt64) -> [[Double]]
    ) -> BookSeries {
        BookSeries(label: label, x: x) { seeds, _, sums in
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                let points = trajectory(seed).map { $0[component] }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(points)
            }
        }
    }
}
