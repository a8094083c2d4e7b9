import RLBandits
import RLCore
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Each bandit method's update against its box in Sutton & Barto (2nd ed., ch. 2), on numbers
/// worked out by hand.
@Suite struct BanditUpdateTests {
    @Test func sampleAveragesAreTheMeanOfTheRewardsSeen() {
        // The simple bandit algorithm (p. 32): Q(A) ← Q(A) + 1/N(A) [R − Q(A)].
        var agent = EpsilonGreedyBandit(arms: 3, settings: .init(epsilon: 0), seed: 1)
        agent.learn(arm: 1, reward: 1)
        #expect(agent.estimates == [0, 1, 0] && agent.counts == [0, 1, 0])
        agent.learn(arm: 1, reward: 3)  // (1 + 3) / 2
        agent.learn(arm: 1, reward: 5)  // (1 + 3 + 5) / 3
        #expect(agent.estimates[1] == 3 && agent.counts[1] == 3)
        // Greedy: the best estimate, every time.
        #expect((0..<50).allSatisfy { _ in agent.selectArm() == 1 })
    }

    @Test func aConstantStepWeighsRecentRewardsMore() {
        // §2.5: Q ← Q + α (R − Q), α = 0.1, from the optimistic Q1 = 5 of Figure 2.3.
        var agent = EpsilonGreedyBandit(arms: 2, settings: .init(epsilon: 0, stepSize: .constant(0.1), initialValue: 5), seed: 1)
        agent.learn(arm: 0, reward: 1)  // 5 + 0.1 × (1 − 5) = 4.6
        #expect(abs(agent.estimates[0] - 4.6) < 1e-12)
        agent.learn(arm: 0, reward: 1)  // 4.6 + 0.1 × (1 − 4.6) = 4.24
        #expect(abs(agent.estimates[0] - 4.24) < 1e-12)
        // The untried arm still looks better: optimism makes a greedy agent explore.
        #expect(agent.selectArm() == 1)
    }

    @Test func greedyTiesAreBrokenAtRandomAndEpsilonExplores() {
        var tied = EpsilonGreedyBandit(arms: 4, settings: .init(epsilon: 0), seed: 3)
        let picks = Set((0..<200).map { _ in tied.selectArm() })
        #expect(picks == [0, 1, 2, 3])
        // ε = 0.1 of 10,000 choices among 4 arms: about 750 leave the greedy arm.
        var exploring = EpsilonGreedyBandit(arms: 4, settings: .init(epsilon: 0.1), seed: 3)
        exploring.learn(arm: 2, reward: 1)
        let away = (0..<10_000).count { _ in exploring.selectArm() != 2 }
        #expect((650...850).contains(away), "\(away)")
    }

    @Test func ucbTriesEveryArmThenAddsItsBonus() {
        // Eq. 2.10: A ← argmax Q(a) + c √(ln t / N(a)); N(a) = 0 counts as maximising.
        var agent = UCBBandit(arms: 3, settings: .init(confidence: 2), seed: 1)
        var first: Set<Int> = []
        let rewards = [1.0, 0, 0.5]  // what each arm pays, by arm
        for _ in rewards.indices {
            let arm = agent.selectArm()
            first.insert(arm)
            agent.learn(arm: arm, reward: rewards[arm])
        }
        #expect(first == [0, 1, 2] && agent.estimates == [1, 0, 0.5])
        // t = 4, every N = 1: the same bonus for all, so the best estimate wins.
        #expect(agent.selectArm() == 0)
        agent.learn(arm: 0, reward: 0)  // Q(0) = 0.5, N(0) = 2
        // t = 5: arm 0 scores 0.5 + 2 √(ln 5 / 2) = 2.294, arm 1 0 + 2 √(ln 5) = 2.537,
        // arm 2 0.5 + 2 √(ln 5) = 3.037.
        #expect(abs(0.5 + 2 * (log(5.0) / 2).squareRoot() - 2.294) < 1e-3)
        #expect(agent.selectArm() == 2)
    }

    @Test func theGradientBanditMovesPreferencesByTheRewardAboveItsBaseline() {
        // Eq. 2.12 with α = 0.1 and π = 1/3 each: the first reward is its own baseline (R̄₁ = R₁),
        // so nothing moves; the second, 3, is 1 above R̄ = (1 + 3) / 2 = 2.
        var agent = GradientBandit(arms: 3, settings: .init(stepSize: 0.1, baseline: true), seed: 1)
        agent.learn(arm: 0, reward: 1)
        #expect(agent.preferences == [0, 0, 0] && agent.averageReward == 1)
        agent.learn(arm: 0, reward: 3)
        #expect(agent.averageReward == 2)
        // H(0) += 0.1 × 1 × (1 − 1/3) = 0.0667; H(1), H(2) −= 0.1 × 1 × 1/3 = 0.0333.
        #expect(abs(agent.preferences[0] - 0.2 / 3) < 1e-12)
        #expect(abs(agent.preferences[1] + 0.1 / 3) < 1e-12 && abs(agent.preferences[2] + 0.1 / 3) < 1e-12)
        // The soft-max of those preferences (eq. 2.11).
        _ = agent.selectArm()
        let expected = exp(0.2 / 3) / (exp(0.2 / 3) + 2 * exp(-0.1 / 3))
        #expect(abs(agent.probabilities[0] - expected) < 1e-12)
        #expect(abs(agent.probabilities.reduce(0, +) - 1) < 1e-12)
    }

    @Test func withoutItsBaselineTheGradientBanditMovesByTheWholeReward() {
        var agent = GradientBandit(arms: 3, settings: .init(stepSize: 0.1, baseline: false), seed: 1)
        agent.learn(arm: 1, reward: 2)
        // H(1) += 0.1 × 2 × 2/3; the others −= 0.1 × 2 × 1/3.
        #expect(abs(agent.preferences[1] - 0.4 / 3) < 1e-12 && abs(agent.preferences[0] + 0.2 / 3) < 1e-12)
        #expect(agent.averageReward == 0)
    }

    @Test func theGradientBanditDrawsArmsAsItsPolicySays() {
        var agent = GradientBandit(arms: 2, settings: .init(stepSize: 1, baseline: false), seed: 7)
        agent.learn(arm: 0, reward: 2)  // H = [1, −1]: π(0) = e / (e + e⁻¹) = 0.881
        let zeros = (0..<10_000).count { _ in agent.selectArm() == 0 }
        #expect((8_650...8_970).contains(zeros), "\(zeros)")
    }
}
