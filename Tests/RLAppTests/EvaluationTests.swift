import Testing
import RLCore
import RLPong
@testable import RLApp

/// An environment whose episode k (counting resets) lasts k + 1 steps and pays 1, 2, ... per step.
private struct Staircase: Environment {
    var observationSpace: Discrete { Discrete(100) }
    var actionSpace: Discrete { Discrete(1) }
    var episode = -1
    var step = 0
    mutating func reset(seed: UInt64?) -> Int { episode += 1; step = 0; return 0 }
    mutating func step(_ action: Int) -> Step<Int> {
        step += 1
        return Step(observation: step, reward: Double(step), terminated: step > episode, truncated: false)
    }
}

private struct Idle: Agent {
    mutating func action(for observation: Int, mode: AgentMode) -> Int { 0 }
}

@Suite struct EvaluationTests {
    @Test func statisticsMatchHandComputedValuesOnAScriptedEnvironment() {
        var environment = Staircase()
        var agent = Idle()
        // Returns 1, 1+2 = 3, 1+2+3 = 6, 10: mean 5, median 4.5, sample sd √(46/3).
        let records = evaluate(&agent, on: &environment, episodes: 4, seed: 1)
        let report = EvaluationReport(environment: "staircase", agent: "idle", seed: 1, records: records)
        #expect(report.meanReturn == 5 && report.medianReturn == 4.5)
        #expect(report.minReturn == 1 && report.maxReturn == 10)
        #expect(report.meanSteps == 2.5 && report.terminatedShare == 1 && report.truncatedShare == 0)
        let sd = (46.0 / 3).squareRoot()
        #expect(abs(report.returnStandardDeviation - sd) < 1e-12)
        #expect(abs(report.meanReturnHigh - (5 + 1.959_963_984_540_054 * sd / 2)) < 1e-12)
        #expect(abs(report.meanReturnLow - (5 - 1.959_963_984_540_054 * sd / 2)) < 1e-12)
        #expect(report.meanHits == nil && report.wonShare == nil)
    }

    @Test func pongSharesMatchHandComputedValues() {
        func record(_ reward: Double, hits: Int, misses: Int, avoidable: Int, terminated: Bool, won: Bool = false) -> EpisodeRecord<PongCounters> {
            var counters = PongCounters()
            counters.hits = hits; counters.misses = misses; counters.avoidableMisses = avoidable; counters.won = won
            return EpisodeRecord(episode: 0, totalReward: reward, steps: 100, terminated: terminated, truncated: !terminated, counters: counters)
        }
        let report = EvaluationReport(environment: "pong", agent: "hand", seed: 0, records: [
            record(-30, hits: 0, misses: 3, avoidable: 3, terminated: true),
            record(90, hits: 10, misses: 1, avoidable: 0, terminated: false),
            record(1010, hits: 101, misses: 0, avoidable: 0, terminated: true, won: true),
            record(500, hits: 50, misses: 0, avoidable: 0, terminated: false),
        ])
        #expect(report.meanHits == 40.25 && report.meanMisses == 1 && report.livesLostPerEpisode == 1)
        #expect(report.avoidableMissesPerEpisode == 0.75)
        #expect(report.wonShare == 0.25 && report.lostShare == 0.25 && report.truncatedShare == 0.5)
        #expect(report.noLifeLostShare == 0.5 && report.noAvoidableMissShare == 0.75)
    }

    @Test func baselinesAreOrderedFromFloorToCeiling() {
        let configuration = PongConfiguration()
        let random = evaluateBaseline(.random, configuration: configuration, episodes: 40, seed: 3)
        let tracker = evaluateBaseline(.tracker, configuration: configuration, episodes: 40, seed: 3)
        let oracle = evaluateBaseline(.oracle, configuration: configuration, episodes: 40, seed: 3)
        #expect(random.meanReturn < 0 && tracker.meanReturn > random.meanReturn + 300)
        #expect(oracle.avoidableMissesPerEpisode == 0 && oracle.noAvoidableMissShare == 1)
        #expect(oracle.meanReturn >= tracker.meanReturn)
        #expect(evaluateBaseline(.random, configuration: configuration, episodes: 40, seed: 3) == random)
    }
}
