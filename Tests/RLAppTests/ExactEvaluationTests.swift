import Foundation
import RLCore
import RLTabular
import Testing

@testable import RLApp

@Suite struct ExactEvaluationTests {
    func trained(
        _ world: String, agent: String = "q-learning", episodes: Int, flags: [(name: String, value: String?)] = [],
        in folder: String
    ) throws -> LoadedPolicy {
        let registered = try #require(Registry.world(world))
        let configured = try registered.configure(flags: flags)
        let options = TrainingOptions(
            world: world, configuration: configured.configuration, agent: agent, episodes: episodes, seed: 3,
            hyperparameters: configured.defaultHyperparameters(forAgent: agent), outputPath: folder + "/\(world)-\(agent).safetensors")
        return try LoadedPolicy(path: try runTraining(options).policy)
    }

    /// The exact return is what `rl eval` samples: a half-trained table, with ties left in
    /// states it never reached, played for many episodes, lands within the sampling error.
    @Test(arguments: ["frozen-lake", "cliff-walking"])
    func theExactReturnIsWhatEvaluationSamples(world: String) throws {
        let flags: [(name: String, value: String?)] = world == "cliff-walking" ? [("slippery", nil), ("max-steps", "60")] : []
        let loaded = try trained(world, episodes: 200, flags: flags, in: temporaryFolder())
        let report = try evaluatePolicy(loaded, episodes: 20_000, seed: 5)
        let exact = try #require(report.exactReturn), optimal = try #require(report.optimalReturn)
        let standardError = report.returnStandardDeviation / Double(report.episodes).squareRoot()
        #expect(abs(report.meanReturn - exact) < 4 * standardError + 1e-12, "\(report.meanReturn) vs \(exact)")
        #expect(optimal >= exact - 1e-12 && report.gap == optimal - exact)
    }

    @Test func valueIterationHasNoGapOnTaxiAndTheOptimumIsBelowGymnasiumsThreshold() throws {
        let loaded = try trained("taxi", agent: "value-iteration", episodes: 1, in: temporaryFolder())
        let report = try evaluatePolicy(loaded, episodes: 10, seed: 1)
        #expect(abs(try #require(report.gap)) < 1e-9)
        // Gymnasium registers Taxi with reward_threshold 8.0, above what any policy can expect.
        #expect(abs(try #require(report.optimalReturn) - 7.93) < 1e-9)
        #expect(JSONText.encode(report).contains(#""exact_return":"#) && EvaluationText.render(report).contains("optimum"))
    }

    @Test func worldsWithoutAModelReportNoExactReturn() throws {
        let loaded = try trained("blackjack", episodes: 10, in: temporaryFolder())
        let report = try evaluatePolicy(loaded, episodes: 10, seed: 1)
        #expect(report.exactReturn == nil && !JSONText.encode(report).contains("exact_return"))
    }
}

@Suite struct DefaultRunTests {
    /// `rl train --env X --seed 1` with every default ends within 1% of the optimum's exact
    /// return (docs/WORLDS.md has seeds 1–5 and the 8x8 map, measured in a release build).
    @Test(arguments: ["frozen-lake", "taxi"])
    func aDefaultRunEndsWithinOnePercentOfTheOptimum(world: String) throws {
        let registered = try #require(Registry.world(world))
        let configuration = try registered.configure().configuration
        let options = TrainingOptions(
            world: world, configuration: configuration, episodes: try registered.configured(fromJSON: configuration).defaultEpisodes,
            seed: 1,
            hyperparameters: try registered.configured(fromJSON: configuration).defaultHyperparameters(forAgent: "q-learning"),
            outputPath: temporaryFolder() + "/\(world).safetensors")
        let report = try evaluatePolicy(try LoadedPolicy(path: try runTraining(options).policy), episodes: 1, seed: 1)
        let gap = try #require(report.gap), optimum = try #require(report.optimalReturn)
        #expect(gap <= 0.01 * abs(optimum), "\(world): exact \(report.exactReturn ?? .nan), optimum \(optimum)")
    }
}
