import RLBandits
import RLCore
import RLExperiments

extension BookSeries {
    /// A bandit method on the testbed, `steps` pulls per run: two measures per step, the
    /// average reward and the % of runs that pulled the optimal arm (Figure 2.2's two panels).
    /// Run `seed` draws its problem from `derivedSeed(seed, purpose: SeedPurpose.training)` and
    /// the agent's generator from `derivedSeed(seed, purpose: SeedPurpose.agent)`, so every
    /// method of a figure meets the same problems.
    public static func bandit<A: TestbedAgent>(
        _ label: String, _ agent: A.Type, _ settings: A.Settings, testbed: Testbed.Settings = Testbed.Settings(), steps: Int = 1000
    ) -> BookSeries where A.Settings: Sendable {
        BookSeries(label: label, x: (1...steps).map(Double.init), measures: 2) { seeds, _, sums in
            var trace = BanditTrace(steps: steps)
            var values = Array(repeating: 0.0, count: 2 * steps)
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                var bandit = Testbed(testbed, seed: derivedSeed(seed, purpose: SeedPurpose.training))
                var agent = A(arms: testbed.arms, settings: settings, seed: derivedSeed(seed, purpose: SeedPurpose.agent))
                RLCore.play(&agent, on: &bandit, into: &trace)
                sums.secondsInRuns += seconds(clock.now - start)
                for step in 0..<steps {
                    values[step] = trace.rewards[step]
                    values[steps + step] = trace.optimal[step] ? 100 : 0
                }
                sums.add(values)
            }
        }
    }

    /// A parameter study of a bandit method (Figure 2.6): for each value of the parameter (the x
    /// values), a run of `steps` pulls on the same problem, measured by its average reward.
    public static func banditStudy<A: TestbedAgent>(
        _ label: String, _ agent: A.Type, values: [Double], settings: @escaping @Sendable (Double) -> A.Settings,
        testbed: Testbed.Settings = Testbed.Settings(), steps: Int = 1000
    ) -> BookSeries {
        BookSeries(label: label, x: values) { seeds, _, sums in
            var trace = BanditTrace(steps: steps)
            var points = Array(repeating: 0.0, count: values.count)
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                for (index, value) in values.enumerated() {
                    var bandit = Testbed(testbed, seed: derivedSeed(seed, purpose: SeedPurpose.training))
                    var agent = A(arms: testbed.arms, settings: settings(value), seed: derivedSeed(seed, purpose: SeedPurpose.agent))
                    RLCore.play(&agent, on: &bandit, into: &trace)
                    points[index] = trace.rewards.reduce(0, +) / Double(steps)
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(points)
            }
        }
    }
}
