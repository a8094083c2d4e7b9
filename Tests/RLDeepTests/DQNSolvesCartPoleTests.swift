import Foundation
import RLClassicControl
import RLCore
import RLNeural
import RLTabular
import Testing

@testable import RLDeep

/// rl-zoo3's DQN on CartPole-v1, 50,000 steps with its tuned settings, then 100 greedy
/// episodes: the zoo's agent averages 500. Minutes in a release build, so only when asked:
/// `RL_SOLVE_TESTS=1 swift test -c release --filter DQNSolvesCartPoleTests`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["RL_SOLVE_TESTS"] == "1"))
struct DQNSolvesCartPoleTests {
    static let hyperparameters = Hyperparameters(
        learningRate: .constant(2.3e-3), discount: 0.99, epsilon: .linear(from: 1, to: 0.04, over: 0.16))

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theZoosSettingsSolveCartPole(seed: UInt64) {
        let encoder = CoordinateEncoder<CartPoleObservation>()
        var agent = DQNAgent(inputWidth: 4, actionCount: 2, hyperparameters: Self.hyperparameters, settings: DQNSettings(), seed: seed)
        let start = ContinuousClock.now
        var episodes = 0
        agent.train(
            makeEnvironment: { _ in CartPole.capped(at: 500, seed: seed) }, encoder: encoder, totalSteps: 50_000, seed: seed,
            onEpisode: { _ in
                episodes += 1
                return .proceed
            })
        let elapsed = ContinuousClock.now - start
        var environment = CartPole.capped(at: 500, seed: seed)
        var player = GreedyNetworkAgent(network: agent.policyNetwork, encoder: encoder, actionSpace: environment.actionSpace)
        let records = evaluate(&player, on: &environment, episodes: 100, seed: derivedSeed(seed, purpose: SeedPurpose.evaluation))
        let mean = records.reduce(0) { $0 + $1.totalReward } / Double(records.count)
        print(
            "DQN CartPole seed \(seed): \(episodes) training episodes in \(elapsed), greedy mean \(mean) over 100 episodes, loss \(agent.lastLoss ?? .nan)"
        )
        #expect(mean >= 475)
    }
}
