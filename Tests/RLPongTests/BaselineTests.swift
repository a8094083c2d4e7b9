import RLCore
import RLPong
import Testing

@Suite struct BaselineTests {
    @Test func theWrapperKeepsTheRulesAndServes() throws {
        var plain = try PongEnvironment()
        var observed = FullyObservedPong(try PongEnvironment())
        _ = plain.reset(seed: 4)
        let first = observed.reset(seed: 4)
        #expect(first == PongPositions(plain.state))
        for index in 0..<500 {
            let action: PongAction = index % 3 == 0 ? .up : .down
            let a = plain.step(action), b = observed.step(action)
            #expect(b.observation == PongPositions(plain.state) && a.reward == b.reward && a.terminated == b.terminated)
        }
        #expect(plain.counters == observed.counters)
        try checkEnvironment(FullyObservedPong(try PongEnvironment()), seed: 3)
    }

    @Test func theArrivalPredictionMatchesTheRules() throws {
        var environment = try PongEnvironment()
        var generator = Xoshiro256StarStar(seed: 8)
        _ = environment.reset(seed: 8)
        var checked = 0
        for _ in 0..<5000 {
            let prediction = environment.configuration.arrival(of: PongPositions(environment.state))
            let misses = environment.counters.misses, hits = environment.counters.hits
            var copy = environment
            for _ in 0..<(prediction.steps - 1) { _ = copy.step(.up) }
            // One step before arrival, nothing has reached the paddle yet.
            #expect(copy.counters.misses == misses && copy.counters.hits == hits)
            _ = copy.step(.up)
            // The hit test saw the predicted y; the ball may have respawned since, so check the counters.
            #expect(copy.counters.misses + copy.counters.hits == misses + hits + 1)
            checked += 1
            let step = environment.step(generator.nextIndex(below: 2) == 0 ? .up : .down)
            if step.isLast { _ = environment.reset() }
        }
        #expect(checked == 5000)
    }

    @Test(arguments: [false, true])
    func theOracleMakesNoAvoidableMiss(allowsStay: Bool) throws {
        var environment = FullyObservedPong(try PongEnvironment(configuration: PongConfiguration(allowsStay: allowsStay)))
        var oracle = PongOracle(configuration: environment.configuration)
        let records = evaluate(&oracle, on: &environment, episodes: 200, seed: 11)
        #expect(records.reduce(0) { $0 + $1.counters.avoidableMisses } == 0)
        // Unreturnable balls still happen (about 16% of 3000-step games lose a life).
        #expect(records.contains { $0.counters.misses > 0 })
    }

    @Test func theTrackerIsFarAheadOfRandom() throws {
        var environment = FullyObservedPong(try PongEnvironment())
        var tracker = PongTracker(configuration: environment.configuration)
        var random = RandomAgent<PongPositions, PongActionSpace>(actionSpace: environment.actionSpace, seed: 2)
        let mean = { (records: [EpisodeRecord<PongCounters>]) in records.reduce(0) { $0 + $1.totalReward } / Double(records.count) }
        let trackerMean = mean(evaluate(&tracker, on: &environment, episodes: 50, seed: 5))
        let randomMean = mean(evaluate(&random, on: &environment, episodes: 50, seed: 5))
        #expect(randomMean < 0)
        #expect(trackerMean > 300 && trackerMean > randomMean + 300, "tracker \(trackerMean), random \(randomMean)")
    }
}
