import Testing

@testable import RLCore

/// Golden values computed by an independent Python transcription of the reference C code.
@Suite struct RandomTests {
    @Test func splitMix64MatchesTheReferenceSequence() {
        var generator = SplitMix64(seed: 1_234_567)
        #expect(
            [generator.next(), generator.next(), generator.next()]
                == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    @Test func xoshiroSeededBySplitMixGivesTheGoldenValues() {
        var zero = Xoshiro256StarStar(seed: 0)
        #expect(
            (0..<4).map { _ in zero.next() }
                == [11_091_344_671_253_066_420, 13_793_997_310_169_335_082, 1_900_383_378_846_508_768, 7_684_712_102_626_143_532])
        var fortyTwo = Xoshiro256StarStar(seed: 42)
        #expect(
            (0..<4).map { _ in fortyTwo.next() }
                == [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009, 17_057_574_109_182_124_193])
    }

    @Test func boundedIntegersFollowLemiresMethod() {
        var generator = Xoshiro256StarStar(seed: 7)
        #expect((0..<8).map { _ in generator.nextIndex(below: 10) } == [7, 2, 8, 9, 9, 8, 0, 1])
    }

    @Test func boundedIntegersCoverTheirRangeUniformly() {
        var generator = Xoshiro256StarStar(seed: 3)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[generator.nextIndex(below: 6)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
        var inRange = Xoshiro256StarStar(seed: 4)
        let values = (0..<1000).map { _ in inRange.nextInt(in: 25...50) }
        #expect(values.min() == 25 && values.max() == 50)
    }

    @Test func unitDoublesStayInTheHalfOpenInterval() {
        var generator = Xoshiro256StarStar(seed: 5)
        let values = (0..<10_000).map { _ in generator.nextUnitDouble() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(values.reduce(0, +) / 10_000 - 0.5) < 0.02)
    }

    @Test func derivedSeedsDifferByPurposeAndAreStable() {
        let seeds = [SeedPurpose.training, SeedPurpose.agent, SeedPurpose.evaluation].map { derivedSeed(1, purpose: $0) }
        #expect(Set(seeds).count == 3)
        #expect(derivedSeed(1, purpose: SeedPurpose.training) == derivedSeed(1, purpose: SeedPurpose.training))
        #expect(derivedSeed(1, purpose: SeedPurpose.training) != derivedSeed(2, purpose: SeedPurpose.training))
    }
}
