import RLCore
import RLPong
import RLTabular
import Testing

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

private struct Idle: ScriptedAgent {
    mutating func action(for observation: Int, mode: AgentMode) -> Int { 0 }
}

@Suite struct EvaluationTests {
    @Test func statisticsMatchHandComputedValuesOnAScriptedEnvironment() {
        var environment = Staircase()
        var agent = Idle()
        // Returns 1, 1+2 = 3, 1+2+3 = 6, 10: mean 5, median 4.5, sample sd √(46/3).
        let records = evaluate(&agent, on: &environment, episodes: 4, seed: 1)
        let report = EvaluationReport(environment: "staircase", agent: "idle", seed: 1, records: records, metrics: [])
        #expect(report.meanReturn == 5 && report.medianReturn == 4.5)
        #expect(report.minReturn == 1 && report.maxReturn == 10)
        #expect(report.meanSteps == 2.5 && report.terminatedShare == 1 && report.truncatedShare == 0)
        let sd = (46.0 / 3).squareRoot()
        #expect(abs(report.returnStandardDeviation - sd) < 1e-12)
        #expect(abs(report.meanReturnHigh - (5 + 1.959_963_984_540_054 * sd / 2)) < 1e-12)
        #expect(abs(report.meanReturnLow - (5 - 1.959_963_984_540_054 * sd / 2)) < 1e-12)
        #expect(report.metrics.isEmpty && !report.interrupted && report.episodesRequested == 4)
    }

    @Test func pongSharesMatchHandComputedValues() {
        func record(_ reward: Double, hits: Int, misses: Int, avoidable: Int, terminated: Bool, won: Bool = false) -> EpisodeRecord<
            PongCounters
        > {
            var counters = PongCounters()
            counters.hits = hits; counters.misses = misses; counters.avoidableMisses = avoidable; counters.won = won
            return EpisodeRecord(
                episode: 0, totalReward: reward, steps: 100, terminated: terminated, truncated: !terminated, counters: counters)
        }
        let report = EvaluationReport(
            environment: "pong", agent: "hand", seed: 0,
            records: [
                record(-30, hits: 0, misses: 3, avoidable: 3, terminated: true),
                record(90, hits: 10, misses: 1, avoidable: 0, terminated: false),
                record(1010, hits: 101, misses: 0, avoidable: 0, terminated: true, won: true),
                record(500, hits: 50, misses: 0, avoidable: 0, terminated: false),
            ], metrics: PongWorld.metrics)
        #expect(report.metric("hits")?.mean == 40.25 && report.metric("misses")?.mean == 1)
        #expect(report.metric("avoidable_misses")?.mean == 0.75)
        #expect(report.metric("won")?.mean == 0.25 && report.metric("won")?.isShare == true)
        #expect(report.terminatedShare == 0.5 && report.truncatedShare == 0.5)
        #expect(report.metric("misses")?.zeroShare == 0.5 && report.metric("avoidable_misses")?.zeroShare == 0.75)
        #expect(report.metric("hits")?.zeroShare == nil)
    }

    @Test func baselinesAreOrderedFromFloorToCeiling() throws {
        let pong = try #require(Registry.world("pong"))
        let configuration = JSONText.encode(PongConfiguration())
        func play(_ name: String) throws -> EvaluationReport {
            try evaluateBaseline(name, world: try pong.configured(fromJSON: configuration), episodes: 40, seed: 3)
        }
        let random = try play("random"), tracker = try play("tracker"), oracle = try play("oracle")
        #expect(random.meanReturn < 0 && tracker.meanReturn > random.meanReturn + 300)
        #expect(oracle.metric("avoidable_misses")?.mean == 0 && oracle.metric("avoidable_misses")?.zeroShare == 1)
        #expect(oracle.meanReturn >= tracker.meanReturn)
        #expect(try play("random") == random)
        #expect(throws: RunError.self) { try play("psychic") }
    }

    @Test func aStopRequestEndsTheEvaluationWithTheEpisodesPlayed() throws {
        let pong = try #require(Registry.world("pong"))
        var asked = 0
        let report = try evaluateBaseline(
            "tracker", world: try pong.configured(fromJSON: JSONText.encode(PongConfiguration())),
            episodes: 50, seed: 3,
            shouldStop: {
                asked += 1; return asked > 3
            })
        #expect(report.episodes == 4 && report.episodesRequested == 50 && report.interrupted)
        #expect(EvaluationText.render(report).contains("4 of 50 episodes (interrupted)"))
    }
}
