import RLCore
import Testing

@testable import RLExperiments

/// Random samples for the reference comparisons: every size from 1 to 41 and a few large ones
/// (so every remainder of n mod 4, small and large), half of them drawn from a handful of integers
/// so that ties straddle the cut points.
func randomSamples(seed: UInt64) -> [[Double]] {
    var generator = Xoshiro256StarStar(seed: seed)
    var samples: [[Double]] = []
    for size in Array(1...41) + [1_000, 1_001, 1_002, 1_003] {
        for withTies in [false, true] {
            samples.append(
                (0..<size).map { _ in
                    withTies ? Double(generator.nextIndex(below: 4)) - 1 : generator.nextUnitDouble() * 20 - 5
                })
        }
    }
    return samples
}

@Suite struct AggregatesTests {
    @Test func trimmedMeanCutsTheFloorOfAQuarterFromEachEnd() {
        #expect(interquartileMean([5]) == 5)
        #expect(interquartileMean([1, 100, 3]) == 104.0 / 3)  // ⌊0.75⌋ = 0: nothing is cut
        #expect(interquartileMean([4, 1, 3, 2]) == 2.5)  // one from each end
        #expect(interquartileMean([1, 2, 3, 4, 5, 6, 7]) == 4)  // ⌊1.75⌋ = 1
        #expect(interquartileMean([0, 0, 1, 1, 1, 1, 9, 9]) == 1)  // ties cut by position
        #expect(trimmedMean([1, 2, 3, 4, 100], cutting: 0.2) == 3)
    }

    @Test func interquartileMeanMatchesSciPyTrimMean() throws {
        let samples = randomSamples(seed: 11)
        let reference = try referencePython(
            """
            import json, sys
            from scipy.stats import trim_mean
            samples = json.load(open(sys.argv[1]))
            print(json.dumps([float(trim_mean(s, 0.25)) for s in samples]))
            """, input: samples, output: [Double].self)
        #expect(reference.count == samples.count)
        for (sample, expected) in zip(samples, reference) {
            #expect(close(interquartileMean(sample), expected), "n = \(sample.count): \(sample)")
        }
    }

    @Test func aggregatesFollowRliable() throws {
        var generator = Xoshiro256StarStar(seed: 12)
        // A runs × tasks matrix, as rliable takes it, and the same scores grouped by task.
        let matrix = (0..<5).map { _ in (0..<7).map { _ in generator.nextUnitDouble() * 3 } }
        let scores = try RunScores(byTask: (0..<7).map { task in matrix.map { $0[task] } })
        let reference = try referencePython(
            """
            import json, sys
            import numpy as np
            from scipy.stats import trim_mean
            x = np.array(json.load(open(sys.argv[1])))
            print(json.dumps([np.mean(np.mean(x, axis=0)), np.median(np.mean(x, axis=0)),
                              trim_mean(x, 0.25, axis=None), 1 - np.mean(np.minimum(x, 1))]))
            """, input: matrix, output: [Double].self)
        #expect(close(scores.mean, reference[0]))
        #expect(close(scores.median, reference[1]))
        #expect(close(scores.interquartileMean, reference[2]))
        #expect(close(scores.optimalityGap(), reference[3]))
    }

    @Test func scoresMustBeFiniteAndEveryTaskNeedsARun() {
        #expect(throws: ExperimentError.self) { try RunScores(byTask: []) }
        #expect(throws: ExperimentError.self) { try RunScores(byTask: [[1], []]) }
        #expect(throws: ExperimentError("task 1, run 0: the score nan is not a finite number")) {
            try RunScores(byTask: [[1], [.nan]])
        }
    }
}
