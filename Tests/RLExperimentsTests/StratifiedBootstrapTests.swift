import RLCore
import Testing

@testable import RLExperiments

/// Three tasks with different numbers of runs and different spreads.
func sampleScores(seed: UInt64, runs: [Int] = [10, 8, 12]) -> RunScores {
    var generator = Xoshiro256StarStar(seed: seed)
    let byTask = runs.enumerated().map { task, count in
        (0..<count).map { _ in Double(task) + generator.nextUnitDouble() * Double(task + 1) }
    }
    return try! RunScores(byTask: byTask)
}

@Suite struct StratifiedBootstrapTests {
    @Test func resamplesStayWithinTheirTaskAndKeepItsRunCount() {
        let scores = sampleScores(seed: 1)
        var resampler = StratifiedResampler(runCounts: scores.runCounts, seed: 3)
        for _ in 0..<50 {
            let resample = scores.resampled(by: resampler.nextIndices())
            #expect(resample.runCounts == scores.runCounts)
            for (drawn, original) in zip(resample.byTask, scores.byTask) {
                #expect(drawn.allSatisfy(original.contains))
            }
        }
    }

    /// Pinned draws: a change in the draw order (tasks, then runs, one `nextIndex` each) would
    /// silently change every published interval for a given seed.
    @Test func drawsArePinned() {
        var resampler = StratifiedResampler(runCounts: [3, 2], seed: 1)
        #expect([resampler.nextIndices(), resampler.nextIndices()] == [[[2, 1, 1], [0, 1]], [[0, 0, 1], [1, 1]]])
    }

    @Test func theSameSeedGivesTheSameInterval() {
        let scores = sampleScores(seed: 2)
        let first = stratifiedBootstrapInterval(of: scores, replicates: 500, seed: 9) { $0.interquartileMean }
        let again = stratifiedBootstrapInterval(of: scores, replicates: 500, seed: 9) { $0.interquartileMean }
        let other = stratifiedBootstrapInterval(of: scores, replicates: 500, seed: 10) { $0.interquartileMean }
        #expect(first == again)
        #expect(first.interval != other.interval)
        #expect(first.point == scores.interquartileMean)
        #expect(first.interval.contains(first.point))
    }

    @Test func aggregatesTogetherMatchEachAlone() {
        let scores = sampleScores(seed: 13)
        let together = aggregateEstimates(of: scores, replicates: 400, seed: 2)
        #expect(Set(together.keys) == Set(Aggregate.allCases))
        for aggregate in Aggregate.allCases {
            let alone = stratifiedBootstrapInterval(of: scores, replicates: 400, seed: 2) { aggregate.value(of: $0) }
            #expect(together[aggregate] == alone, "\(aggregate)")
        }
    }

    /// The example of docs/STATISTICS.md.
    @Test func theDocumentedExampleRuns() throws {
        let scores = try RunScores(byTask: [[0.61, 0.70, 0.55, 0.66, 0.64], [0.92, 0.88, 0.95, 0.40, 0.90]])
        let iqm = stratifiedBootstrapInterval(of: scores, seed: 1) { $0.interquartileMean }
        #expect(iqm.point == interquartileMean([0.55, 0.61, 0.64, 0.66, 0.70, 0.40, 0.88, 0.90, 0.92, 0.95]))
        #expect(iqm.interval.lower < iqm.point && iqm.point < iqm.interval.upper)
    }

    /// The exact check: NumPy takes the percentile interval of the very replicates we computed,
    /// and recomputes each replicate's statistic from the run indices our generator drew.
    @Test func intervalIsNumPysPercentileOfOurReplicates() throws {
        let scores = sampleScores(seed: 4)
        let replicates = 2_000, seed: UInt64 = 5
        var resampler = StratifiedResampler(runCounts: scores.runCounts, seed: seed)
        let indices = (0..<replicates).map { _ in resampler.nextIndices() }
        let iqms = stratifiedBootstrapReplicates(of: scores, replicates: replicates, seed: seed) { $0.interquartileMean }
        let means = stratifiedBootstrapReplicates(of: scores, replicates: replicates, seed: seed) { $0.mean }
        let levels = percentileLevels(confidence: 0.95)

        struct Input: Encodable {
            var scores: [[Double]]; var indices: [[[Int]]]; var iqms: [Double]; var levels: [Double]
        }
        struct Output: Decodable { var interval: [Double]; var iqms: [Double]; var means: [Double] }
        let reference = try referencePython(
            """
            import json, sys
            import numpy as np
            from scipy.stats import trim_mean
            d = json.load(open(sys.argv[1]))
            tasks = [np.array(t) for t in d["scores"]]
            resamples = [[t[i] for t, i in zip(tasks, picks)] for picks in d["indices"]]
            print(json.dumps({
                "interval": [float(q) for q in np.quantile(d["iqms"], d["levels"])],
                "iqms": [float(trim_mean(np.concatenate(r), 0.25)) for r in resamples],
                "means": [float(np.mean([np.mean(t) for t in r])) for r in resamples],
            }))
            """, input: Input(scores: scores.byTask, indices: indices, iqms: iqms, levels: [levels.lower, levels.upper]),
            output: Output.self)

        let ours = stratifiedBootstrapInterval(of: scores, replicates: replicates, seed: seed) { $0.interquartileMean }
        #expect([ours.interval.lower, ours.interval.upper] == reference.interval)
        #expect(zip(iqms, reference.iqms).allSatisfy { close($0, $1) })
        #expect(zip(means, reference.means).allSatisfy { close($0, $1) })
    }

    /// The independent check: SciPy's own bootstrap, which resamples each sample on its own (as we
    /// resample each task), agrees within Monte Carlo error on many replicates.
    @Test func intervalAgreesWithSciPyBootstrap() throws {
        for runs in [[25], [10, 8, 12]] {
            let scores = sampleScores(seed: 6, runs: runs)
            let replicates = 20_000
            struct Output: Decodable { var low: Double; var high: Double; var standardError: Double }
            let reference = try referencePython(
                """
                import json, sys
                import numpy as np
                from scipy.stats import bootstrap, trim_mean
                tasks = [np.array(t) for t in json.load(open(sys.argv[1]))]
                def iqm(*samples, axis=-1):
                    return trim_mean(np.concatenate(samples, axis=-1), 0.25, axis=-1)
                r = bootstrap(tuple(tasks), iqm, method="percentile", n_resamples=\(replicates),
                              confidence_level=0.95, vectorized=True, paired=False, rng=np.random.default_rng(0))
                print(json.dumps({"low": r.confidence_interval.low, "high": r.confidence_interval.high,
                                  "standardError": r.standard_error}))
                """, input: scores.byTask, output: Output.self)
            let ours = stratifiedBootstrapInterval(of: scores, replicates: replicates, seed: 7) { $0.interquartileMean }
            // Each end's Monte Carlo error is about 2% of the bootstrap standard error at this
            // many replicates; 15% leaves room for both sides' error and stays far below a real
            // difference in method (a wrong stratification or a basic instead of a percentile
            // interval moves the ends by a large part of the standard error).
            let tolerance = 0.15 * reference.standardError
            #expect(abs(ours.interval.lower - reference.low) < tolerance, "\(runs): \(ours) vs \(reference)")
            #expect(abs(ours.interval.upper - reference.high) < tolerance, "\(runs): \(ours) vs \(reference)")
        }
    }
}
