import RLCore
import RLPlanning
import Testing

/// §8.5's expected and sample updates of one state-action pair (Figure 8.7), worked by hand.
@Suite struct BranchingUpdateTests {
    @Test func anExpectedUpdateChangesNothingUntilItsLastComputation() {
        // Targets 1, 3 and 8: q = 4. Q starts at 5, an error of 1.
        var pair = BranchingUpdate(targets: [1, 3, 8], initialEstimate: 5)
        #expect(pair.trueValue == 4 && pair.error == 1 && pair.branches == 3)
        pair.expectedUpdateStep()
        pair.expectedUpdateStep()
        #expect(pair.estimate == 5 && pair.computations == 2)
        // The third max completes Q ← (1 + 3 + 8) / 3 = 4: the error is 0.
        pair.expectedUpdateStep()
        #expect(pair.estimate == 4 && pair.error == 0)
        // A second expected update gives the same: the targets are correct.
        for _ in 0..<3 { pair.expectedUpdateStep() }
        #expect(pair.estimate == 4 && pair.computations == 6)
    }

    @Test func sampleUpdatesAreSampleAverages() {
        var pair = BranchingUpdate(targets: [1, 3, 8], initialEstimate: 5)
        // t = 1: Q ← 5 + (8 − 5)/1 = 8, the first draw: the initial estimate is forgotten.
        pair.sampleUpdate(successor: 2)
        #expect(pair.estimate == 8 && pair.error == 4)
        // t = 2: Q ← 8 + (1 − 8)/2 = 4.5.
        pair.sampleUpdate(successor: 0)
        #expect(pair.estimate == 4.5)
        // t = 3: Q ← 4.5 + (3 − 4.5)/3 = 4, the mean of 8, 1, 3.
        pair.sampleUpdate(successor: 1)
        #expect(pair.estimate == 4 && pair.error == 0 && pair.computations == 3)
    }

    @Test func theSampleErrorFollowsTheBooksFormula() {
        // E[(Q_t − q)²] = (mean population variance of b N(0, 1) targets) / t = (b − 1)/(bt):
        // the book's √((b − 1)/(bt)) (§8.5). b = 4, t = 2: 3/8, over 100,000 pairs.
        var generator = Xoshiro256StarStar(seed: 3)
        let b = 4, t = 2, pairs = 100_000
        var squares = 0.0, fourths = 0.0
        for _ in 0..<pairs {
            var pair = BranchingUpdate(targets: (0..<b).map { _ in generator.nextGaussian() }, initialEstimate: 0)
            for _ in 0..<t { pair.sampleUpdate(successor: generator.nextIndex(below: b)) }
            squares += pair.error * pair.error
            fourths += pair.error * pair.error * pair.error * pair.error
        }
        let mean = squares / Double(pairs)
        let standardError = ((fourths / Double(pairs) - mean * mean) / Double(pairs)).squareRoot()
        #expect(abs(mean - 3.0 / 8) < 4 * standardError)
        #expect(standardError < 0.005)
    }
}
