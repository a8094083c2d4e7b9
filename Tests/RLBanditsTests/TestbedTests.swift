import RLBandits
import RLCore
import Testing

/// The 10-armed testbed (§2.3): true values N(mean, 1), rewards N(q*(a), 1), seeded.
@Suite struct TestbedTests {
    @Test func aSeedMakesTheSameProblemAndRewards() {
        var a = Testbed(seed: 42), b = Testbed(seed: 42), c = Testbed(seed: 43)
        #expect(a.values == b.values && a.values != c.values)
        #expect((0..<20).map { a.pull($0 % 10) } == (0..<20).map { b.pull($0 % 10) })
        a.reset(seed: 42)
        #expect(a.values == b.values)
    }

    @Test func trueValuesAndRewardsHaveTheBooksDistributions() {
        // 2000 problems of 10 arms: the values' mean 0 and deviation 1; E[max] ≈ 1.54 (the
        // book's "best possible of about 1.55", p. 29).
        var values: [Double] = [], best: [Double] = []
        var testbed = Testbed(seed: 1)
        for problem in 0..<2000 {
            testbed.reset(seed: UInt64(problem))
            values += testbed.values
            best.append(testbed.values[testbed.optimalArm])
            #expect(testbed.values[testbed.optimalArm] == testbed.values.max())
        }
        let summary = SampleSummary(values)!
        #expect(abs(summary.mean) < 0.03 && abs(summary.standardDeviation - 1) < 0.03)
        #expect(abs(SampleSummary(best)!.mean - 1.54) < 0.04)
        // Rewards around q*(a) with deviation 1.
        testbed.reset(seed: 5)
        let rewards = (0..<20_000).map { _ in testbed.pull(3) }
        let pulled = SampleSummary(rewards)!
        #expect(abs(pulled.mean - testbed.values[3]) < 0.03 && abs(pulled.standardDeviation - 1) < 0.03)
    }

    @Test func figure25sTestbedIsShiftedByFour() {
        var values: [Double] = []
        var testbed = Testbed(Testbed.Settings(meanOfValues: 4), seed: 1)
        for problem in 0..<500 {
            testbed.reset(seed: UInt64(problem))
            values += testbed.values
        }
        #expect(abs(SampleSummary(values)!.mean - 4) < 0.05)
    }

    @Test func theNonstationaryTestbedStartsEqualAndWalks() {
        // Exercise 2.5: every q*(a) starts equal and takes a random walk of N(0, 0.01²) steps.
        var testbed = Testbed(Testbed.Settings(walk: 0.01), seed: 9)
        #expect(Set(testbed.values) == [0])
        for _ in 0..<10_000 { _ = testbed.pull(0) }
        // After 10,000 steps each value has moved by about 0.01 × √10000 = 1.
        let spread = SampleSummary(testbed.values)!.standardDeviation
        #expect(spread > 0.3 && spread < 3, "\(spread)")
        #expect(testbed.values[testbed.optimalArm] == testbed.values.max())
    }

    @Test func playRecordsRewardsAndOptimalPulls() {
        var testbed = Testbed(seed: 3)
        var agent = EpsilonGreedyBandit(arms: 10, settings: .init(epsilon: 0.1), seed: 4)
        var trace = BanditTrace(steps: 1000)
        play(&agent, on: &testbed, into: &trace)
        // Sample averages with ε = 0.1 find the best arm of one problem most of the time by the end.
        #expect(trace.optimal.suffix(200).count { $0 } > 100)
        #expect(trace.rewards.count == 1000)
    }
}
