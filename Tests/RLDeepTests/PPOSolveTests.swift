import Foundation
import RLClassicControl
import RLCore
import RLDeep
import RLTabular
import Testing

/// PPO solves Cart Pole as rl-zoo3's tuned run does: its defaults, 100,000 steps, then 100
/// greedy episodes averaging at least 475 of 500. Minutes in a debug build, seconds in
/// release: `RL_SOLVE_TESTS=1 swift test -c release --filter PPOSolveTests`.
// Serialized, so that each run's wall-clock time is its own.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["RL_SOLVE_TESTS"] == "1"))
struct PPOSolveTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func solvesCartPoleWithZoosSettings(seed: UInt64) {
        let hyperparameters = Hyperparameters(learningRate: .linear(from: 1e-3, to: 0, over: 1), discount: 0.98, epsilon: .constant(0))
        let encoder = CoordinateEncoder<CartPoleObservation>()
        let clock = ContinuousClock()
        let start = clock.now
        var agent = PPOAgent(inputWidth: 4, actionCount: 2, hyperparameters: hyperparameters, settings: PPOSettings(), seed: seed)
        let result = agent.train(
            makeEnvironment: { _ in CartPole.capped(at: 500, seed: seed) }, encoder: encoder, totalSteps: 100_000, seed: seed,
            onEpisode: { _, _ in .proceed })
        let trainingTime = clock.now - start
        var world = CartPole.capped(at: 500, seed: seed)
        var player = GreedyNetworkAgent(network: agent.policyNetwork, encoder: encoder, actionSpace: world.actionSpace)
        let records = evaluate(&player, on: &world, episodes: 100, seed: derivedSeed(seed, purpose: SeedPurpose.evaluation))
        let mean = records.map(\.totalReward).reduce(0, +) / Double(records.count)
        let diagnostics = agent.diagnostics.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        print(
            "PPO CartPole seed \(seed): \(result.steps) steps, \(result.episodes) episodes in \(trainingTime); greedy mean \(mean); \(diagnostics)"
        )
        #expect(result.steps == 100_096)
        #expect(mean >= 475)
    }
}
