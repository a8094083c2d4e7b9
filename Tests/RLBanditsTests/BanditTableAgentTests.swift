import RLBandits
import RLCore
import RLTabular
import Testing

/// The registry's bandit agents are the book's methods: the same seed pulls the same arms and
/// learns the same values as the type `rl book 2.2`-`2.6` plays, and the table shows them.
@Suite struct BanditTableAgentTests {
    static let hyperparameters = Hyperparameters(learningRate: .constant(0.1), discount: 1, epsilon: .constant(0.1))

    func playBoth<M: RegistryBandit>(_ method: M.Type, _ settings: M.Registered, book: M) {
        var agent = BanditTableAgent<M, Discrete, Discrete>(
            observationSpace: Discrete(1), actionSpace: Discrete(5), hyperparameters: Self.hyperparameters, settings: settings, seed: 9)
        var reference = book
        var testbed = Testbed(Testbed.Settings(arms: 5, walk: 0), seed: 3)
        agent.beginEpisode(0, of: 1)
        agent.ownStorageForEpisode()
        for _ in 0..<300 {
            let arm = agent.action(for: 0, mode: .training)
            #expect(arm == reference.selectArm())
            let reward = testbed.pull(arm)
            agent.learn(
                from: Transition(observation: 0, action: arm, reward: reward, nextObservation: 0, terminated: false, truncated: false))
            reference.learn(arm: arm, reward: reward)
        }
        #expect((0..<5).map { agent.table[0, $0] } == reference.values)
    }

    @Test func eachIsTheBooksOwnMethod() {
        var sample = SampleAverageSettings()
        sample.initialValue = 5
        playBoth(
            EpsilonGreedyBandit.self, sample, book: EpsilonGreedyBandit(arms: 5, settings: .init(epsilon: 0.1, initialValue: 5), seed: 9))
        playBoth(UCBBandit.self, UCBSettings(), book: UCBBandit(arms: 5, settings: .init(confidence: 2), seed: 9))
        var gradient = GradientBanditSettings()
        gradient.baseline = false
        playBoth(GradientBandit.self, gradient, book: GradientBandit(arms: 5, settings: .init(stepSize: 0.1, baseline: false), seed: 9))
    }
}
