import RLCore
import Testing

@testable import RLExperiments

@Suite struct PerformanceProfileTests {
    @Test func sharesCountScoresStrictlyAbove() throws {
        let scores = try RunScores(byTask: [[0, 1, 2, 3], [1, 1, 5, 6]])
        let expected: [Double] = [1, 7.0 / 8, 4.0 / 8, 1.0 / 8, 0]
        #expect(scores.profile(at: [-1, 0, 1, 5.5, 6]) == expected)
        #expect(scores.profile(at: [1.4, 3.2], basis: .taskMeans) == [1, 0.5])  // means 1.5 and 3.25
    }

    @Test func gridIsNumPysLinspace() {
        #expect(thresholdGrid(from: 0, through: 1, count: 5) == [0, 0.25, 0.5, 0.75, 1])
        #expect(thresholdGrid(from: -2, through: 2, count: 2) == [-2, 2])
    }

    /// Bands checked exactly: NumPy recomputes every replicate's curve from the run indices our
    /// generator drew, then takes the percentiles per threshold.
    @Test func bandsAreNumPysPercentilesOfTheResampledCurves() throws {
        let scores = sampleScores(seed: 50)
        let thresholds = thresholdGrid(from: 0, through: 4, count: 17)
        let replicates = 300, seed: UInt64 = 8
        var resampler = StratifiedResampler(runCounts: scores.runCounts, seed: seed)
        let indices = (0..<replicates).map { _ in resampler.nextIndices() }
        struct Input: Encodable {
            var scores: [[Double]]; var indices: [[[Int]]]; var thresholds: [Double]; var levels: [Double]
        }
        struct Output: Decodable { var shares: [Double]; var lower: [Double]; var upper: [Double] }
        let levels = percentileLevels(confidence: 0.95)
        let reference = try referencePython(
            """
            import json, sys
            import numpy as np
            d = json.load(open(sys.argv[1]))
            tasks = [np.array(t) for t in d["scores"]]
            tau = np.array(d["thresholds"])
            def profile(ts):  # rliable's score_distributions: np.mean(scores > tau) over all runs
                pooled = np.concatenate(ts)
                return np.array([np.mean(pooled > t) for t in tau])
            curves = np.array([profile([t[i] for t, i in zip(tasks, picks)]) for picks in d["indices"]])
            low, high = np.quantile(curves, d["levels"], axis=0)
            print(json.dumps({"shares": profile(tasks).tolist(), "lower": low.tolist(), "upper": high.tolist()}))
            """, input: Input(scores: scores.byTask, indices: indices, thresholds: thresholds, levels: [levels.lower, levels.upper]),
            output: Output.self)
        let profile = performanceProfile(of: scores, at: thresholds, replicates: replicates, seed: seed)
        #expect(profile.shares == reference.shares)
        #expect(profile.bands.map(\.lower) == reference.lower)
        #expect(profile.bands.map(\.upper) == reference.upper)
    }
}
