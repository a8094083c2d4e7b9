import RLCore
import Testing

@testable import RLExperiments

@Suite struct ProbabilityOfImprovementTests {
    @Test func tiesCountOneHalf() throws {
        let same = try RunScores(byTask: [[1, 2, 3], [4, 4]])
        #expect(probabilityOfImprovement(same, over: same) == 0.5)
        let x = try RunScores(runs: [1, 2]), y = try RunScores(runs: [1])
        #expect(probabilityOfImprovement(x, over: y) == 0.75)  // (½ + 1) / 2
        #expect(probabilityOfImprovement(y, over: x) == 0.25)
    }

    @Test func tasksWeighEquallyWhateverTheirRunCounts() throws {
        let x = try RunScores(byTask: [[1], [0, 0, 0, 0]])
        let y = try RunScores(byTask: [[0], [1, 1, 1, 1]])
        #expect(probabilityOfImprovement(x, over: y) == 0.5)
    }

    @Test func matchesADirectNumPyComputationAndRliablesMannWhitney() throws {
        var generator = Xoshiro256StarStar(seed: 31)
        var pairs: [[[[Double]]]] = []  // [pair][algorithm][task][run]
        for trial in 0..<40 {
            let tasks = 1 + trial % 5
            let (runsX, runsY) = (1 + generator.nextIndex(below: 12), 1 + generator.nextIndex(below: 12))
            // Small integers give many ties; every other trial uses continuous scores.
            func draw(_ count: Int, shift: Double) -> [Double] {
                (0..<count).map { _ in
                    trial.isMultiple(of: 2) ? Double(generator.nextIndex(below: 4)) : generator.nextUnitDouble() + shift
                }
            }
            pairs.append([(0..<tasks).map { _ in draw(runsX, shift: 0.2) }, (0..<tasks).map { _ in draw(runsY, shift: 0) }])
        }
        struct Output: Decodable { var direct: [Double]; var mannWhitney: [Double] }
        let reference = try referencePython(
            """
            import json, sys
            import numpy as np
            from scipy.stats import mannwhitneyu
            pairs = json.load(open(sys.argv[1]))
            def direct(xs, ys):
                return np.mean([np.mean((np.array(x)[:, None] > np.array(y)[None, :])
                                        + 0.5 * (np.array(x)[:, None] == np.array(y)[None, :]))
                                for x, y in zip(xs, ys)])
            def rliable(xs, ys):  # rliable.metrics.probability_of_improvement, per task
                ps = []
                for x, y in zip(xs, ys):
                    if np.array_equal(x, y):
                        ps.append(0.5)
                    else:
                        u, _ = mannwhitneyu(x, y, alternative="greater")
                        ps.append(u / (len(x) * len(y)))
                return np.mean(ps)
            print(json.dumps({"direct": [float(direct(x, y)) for x, y in pairs],
                              "mannWhitney": [float(rliable(x, y)) for x, y in pairs]}))
            """, input: pairs, output: Output.self)
        for (pair, (direct, mannWhitney)) in zip(pairs, zip(reference.direct, reference.mannWhitney)) {
            let ours = probabilityOfImprovement(try RunScores(byTask: pair[0]), over: try RunScores(byTask: pair[1]))
            #expect(close(ours, direct), "\(pair)")
            #expect(close(ours, mannWhitney), "\(pair)")
        }
    }

    @Test func intervalResamplesEachAlgorithmOnItsOwn() throws {
        let x = sampleScores(seed: 40), y = sampleScores(seed: 41, runs: [6, 9, 5])
        let estimate = probabilityOfImprovementInterval(x, over: y, replicates: 1_000, seed: 3)
        #expect(estimate == probabilityOfImprovementInterval(x, over: y, replicates: 1_000, seed: 3))
        #expect(estimate.point == probabilityOfImprovement(x, over: y))
        #expect(estimate.interval.contains(estimate.point))
        // The same draws by hand: X's tasks, then Y's, from one generator.
        var resampler = StratifiedResampler(runCounts: x.runCounts + y.runCounts, seed: 3)
        let values = (0..<1_000).map { _ in
            let picks = resampler.nextIndices()
            return probabilityOfImprovement(x.resampled(by: Array(picks[..<3])), over: y.resampled(by: Array(picks[3...])))
        }
        #expect(estimate.interval == percentileInterval(of: values))
    }
}
