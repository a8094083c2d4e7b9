import Testing

@testable import RLExperiments

@Suite struct QuantileTests {
    @Test func quantilesInterpolateBetweenOrderStatistics() {
        #expect(quantile(sorted: [1, 2, 3, 4], 0) == 1)
        #expect(quantile(sorted: [1, 2, 3, 4], 1) == 4)
        #expect(quantile(sorted: [1, 2, 3, 4], 0.5) == 2.5)
        #expect(quantile(sorted: [10, 20], 0.25) == 12.5)
        #expect(quantile(sorted: [7], 0.975) == 7)
    }

    @Test func quantilesAreNumPysToTheLastBit() throws {
        let samples = randomSamples(seed: 21).map { $0.sorted() }
        let levels =
            [0, 0.025, 0.1, 1.0 / 3, 0.5, 0.7, 0.975, 1] + [
                percentileLevels(confidence: 0.95).lower, percentileLevels(confidence: 0.95).upper,
            ]
        struct Input: Encodable { var samples: [[Double]]; var levels: [Double] }
        let reference = try referencePython(
            """
            import json, sys
            import numpy as np
            d = json.load(open(sys.argv[1]))
            print(json.dumps([[float(np.quantile(s, q)) for q in d["levels"]] for s in d["samples"]]))
            """, input: Input(samples: samples, levels: levels), output: [[Double]].self)
        for (sample, expected) in zip(samples, reference) {
            #expect(levels.map { quantile(sorted: sample, $0) } == expected, "\(sample)")
        }
    }
}
