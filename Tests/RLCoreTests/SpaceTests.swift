import Testing

@testable import RLCore

@Suite struct SpaceTests {
    @Test func discreteIndexesItsIntegers() {
        let space = Discrete(5)
        #expect(space.count == 5 && space.shape == [5])
        #expect(space.contains(4) && !space.contains(5) && !space.contains(-1))
        #expect(space.index(of: 3) == 3 && space.element(at: 3) == 3)
    }

    @Test func multiDiscreteIsRowMajorWithStrides() {
        let space = MultiDiscrete([2, 3, 4])
        #expect(space.count == 24)
        #expect(space.strides == [12, 4, 1])
        #expect(space.index(of: [1, 2, 3]) == 23)
        #expect(space.index(of: [0, 1, 0]) == 4)
        for index in 0..<space.count { #expect(space.index(of: space.element(at: index)) == index) }
        #expect(!space.contains([2, 0, 0]) && !space.contains([0, 0]))
    }

    @Test func randomElementsComeFromTheSpace() {
        var generator = Xoshiro256StarStar(seed: 1)
        let space = MultiDiscrete([3, 3])
        let samples = (0..<200).map { _ in space.randomElement(using: &generator) }
        #expect(samples.allSatisfy(space.contains))
        #expect(Set(samples.map { space.index(of: $0) }).count == 9)
    }
}

@Suite struct ScheduleTests {
    @Test func constantNeverChanges() {
        let schedule = Schedule.constant(0.15)
        #expect(schedule.isConstant)
        #expect([0, 3000, 5999].map { schedule.value(atEpisode: $0, of: 6000) } == [0.15, 0.15, 0.15])
    }

    @Test func linearDecayReachesItsEndAndStays() {
        let schedule = Schedule.linear(from: 1, to: 0, over: 0.5)
        #expect(schedule.value(atEpisode: 0, of: 100) == 1)
        #expect(abs(schedule.value(atEpisode: 25, of: 100) - 0.5) < 1e-12)
        #expect(schedule.value(atEpisode: 50, of: 100) == 0)
        #expect(schedule.value(atEpisode: 99, of: 100) == 0)
    }
}

@Suite struct StatisticsTests {
    @Test func summaryMatchesHandComputedValues() throws {
        let summary = try #require(SampleSummary([2, 4, 4, 4, 5, 5, 7, 9]))
        #expect(summary.mean == 5)
        #expect(abs(summary.standardDeviation - 2.138_089_935_299_395) < 1e-12)
        #expect(summary.median == 4.5)
        #expect(summary.minimum == 2 && summary.maximum == 9)
        #expect(abs(summary.confidenceHalfWidth95 - 1.959_963_984_540_054 * 2.138_089_935_299_395 / 8.0.squareRoot()) < 1e-12)
        #expect(SampleSummary([Double]()) == nil)
        #expect(SampleSummary([3])?.confidenceHalfWidth95 == 0)
    }

    @Test func movingWindowAveragesTheLastValues() {
        var window = MovingWindow(capacity: 3)
        #expect(window.mean == 0)
        for value in [1.0, 2, 3, 4] { window.push(value) }
        #expect(window.mean == 3)
    }
}
