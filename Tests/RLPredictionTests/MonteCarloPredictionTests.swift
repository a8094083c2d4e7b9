import RLCore
import RLPrediction
import Testing

/// First-visit Monte Carlo and off-policy Monte Carlo with importance sampling (Sutton & Barto,
/// 2nd ed., p. 92 and eqs. 5.5-5.6), on episodes written by hand.
@Suite struct MonteCarloPredictionTests {
    /// Transitions through `states` with `rewards` and `actions`, the last one terminal.
    static func episode(_ states: [Int], rewards: [Double], actions: [Int]? = nil) -> [Transition<Int, Int>] {
        states.indices.map { t in
            Transition(
                observation: states[t], action: actions?[t] ?? 0, reward: rewards[t],
                nextObservation: t + 1 < states.count ? states[t + 1] : states[t], terminated: t == states.count - 1, truncated: false)
        }
    }

    @Test func firstVisitMonteCarloAveragesTheReturnsOfFirstVisitsOnly() {
        var mc = FirstVisitMonteCarlo<Discrete, Int>(space: Discrete(3))
        // S: 0 1 0 2, R: 1 0 2 −1. G_3 = −1, G_2 = 1, G_1 = 1, G_0 = 2; the second visit to 0
        // (t = 2, G = 1) is not counted.
        for transition in Self.episode([0, 1, 0, 2], rewards: [1, 0, 2, -1]) { mc.learn(from: transition) }
        #expect(mc.value(of: 0) == 0, "nothing moves before the episode ends")
        mc.endEpisode()
        #expect([0, 1, 2].map(mc.value(of:)) == [2, 1, -1])
        // A second episode, 0 with return 0: V(0) = (2 + 0) / 2.
        for transition in Self.episode([0], rewards: [0]) { mc.learn(from: transition) }
        mc.endEpisode()
        #expect(mc.value(of: 0) == 1 && mc.visits == [2, 1, 1])
    }

    @Test func firstVisitMonteCarloDiscounts() {
        var mc = FirstVisitMonteCarlo<Discrete, Int>(space: Discrete(3), discount: 0.5)
        // G_3 = −1, G_2 = 2 − 0.5 = 1.5, G_1 = 0.75, G_0 = 1 + 0.375 = 1.375.
        for transition in Self.episode([0, 1, 0, 2], rewards: [1, 0, 2, -1]) { mc.learn(from: transition) }
        mc.endEpisode()
        #expect([0, 1, 2].map(mc.value(of:)) == [1.375, 0.75, -1])
    }

    @Test func importanceSamplingIsEquationsFiveFiveAndFiveSix() {
        // π/b is 2 for action 0 and 0.5 for action 1.
        let ratio: @Sendable (Int, Int) -> Double = { _, action in action == 0 ? 2 : 0.5 }
        var ordinary = OffPolicyMonteCarlo<Discrete, Int>(space: Discrete(1), sampling: .ordinary, ratio: ratio)
        var weighted = OffPolicyMonteCarlo<Discrete, Int>(space: Discrete(1), sampling: .weighted, ratio: ratio)
        #expect(ordinary.value(of: 0) == 0 && weighted.value(of: 0) == 0)
        // Episode 1: action 0, reward 1: ρ = 2, G = 1.
        // Episode 2: action 1 (reward 0), action 1 (reward 3): ρ_{0:1} = 0.25, G_0 = 3; the
        // second visit (ρ_{1:1} = 0.5, G_1 = 3) is not a first visit.
        let episodes = [Self.episode([0], rewards: [1], actions: [0]), Self.episode([0, 0], rewards: [0, 3], actions: [1, 1])]
        for episode in episodes {
            for transition in episode {
                ordinary.learn(from: transition)
                weighted.learn(from: transition)
            }
            ordinary.endEpisode()
            weighted.endEpisode()
        }
        // Ordinary: (2 × 1 + 0.25 × 3) / 2 = 1.375; weighted: 2.75 / (2 + 0.25) = 11/9.
        #expect(ordinary.value(of: 0) == 1.375)
        #expect(abs(weighted.value(of: 0) - 11.0 / 9) < 1e-15)
        #expect(ordinary.visits == [2] && weighted.ratioSums == [2.25])
    }

    @Test func aZeroRatioCountsForOrdinaryAndNotForWeighted() {
        let ratio: @Sendable (Int, Int) -> Double = { _, action in action == 0 ? 2 : 0 }
        var ordinary = OffPolicyMonteCarlo<Discrete, Int>(space: Discrete(1), sampling: .ordinary, ratio: ratio)
        var weighted = OffPolicyMonteCarlo<Discrete, Int>(space: Discrete(1), sampling: .weighted, ratio: ratio)
        // Left, left, left and +1 (ρ = 8, G = 1); then right (ρ = 0, G = 0).
        for episode in [Self.episode([0, 0, 0], rewards: [0, 0, 1], actions: [0, 0, 0]), Self.episode([0], rewards: [0], actions: [1])] {
            for transition in episode {
                ordinary.learn(from: transition)
                weighted.learn(from: transition)
            }
            ordinary.endEpisode()
            weighted.endEpisode()
        }
        #expect(ordinary.value(of: 0) == 4 && weighted.value(of: 0) == 1)
    }
}
