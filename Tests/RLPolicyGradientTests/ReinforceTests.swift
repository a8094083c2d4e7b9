import RLCore
import RLFeatures
import RLPolicyGradient
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// REINFORCE (the box on p. 328) and REINFORCE with baseline (the box on p. 330) worked out by
/// hand on Example 13.1's features: one feature, 1 in every state, so θ = (θ_left, θ_right)
/// and π(left) = 1 / (1 + e^{θ_right − θ_left}).
@Suite struct ReinforceTests {
    static let blind = GroupAggregation(first: 0, states: 3, groups: 1)
    typealias Agent = Reinforce<GroupAggregation, Discrete>
    typealias BaselineAgent = ReinforceWithBaseline<GroupAggregation, GroupAggregation, Discrete>
    static let left = 0, right = 1

    /// The episode 0 →right→ 1 →left→ 2 →right→ goal, −1 a step (the corridor's own moves).
    static func episode(_ steps: [(state: Int, action: Int)] = [(0, right), (1, left), (2, right)]) -> EpisodeBuffer<Int, Int> {
        var buffer = EpisodeBuffer<Int, Int>()
        for (index, step) in steps.enumerated() {
            let next = index + 1 < steps.count ? steps[index + 1].state : 3
            buffer.append(
                Transition(
                    observation: step.state, action: step.action, reward: -1, nextObservation: next, terminated: next == 3,
                    truncated: false))
        }
        return buffer
    }

    func expectClose(_ actual: [Double], _ expected: [Double], _ tolerance: Double = 1e-14) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) < tolerance, "\(actual) against \(expected)") }
    }

    @Test func theSoftmaxAndItsFloor() {
        var policy = SoftmaxLinearPolicy(features: Self.blind, actionCount: 2, weights: [1.47, -1.47])
        policy.evaluate(1)
        expectClose(policy.probabilities, [1 / (1 + exp(-2.94)), 1 / (1 + exp(2.94))])
        // The Python reproduction's first policy: right with probability 0.0502, just above its floor.
        #expect(abs(policy.probabilities[Self.right] - 0.0502) < 0.0001)
        var floored = SoftmaxLinearPolicy(features: Self.blind, actionCount: 2, weights: [3, -3], minimumProbability: 0.05)
        floored.evaluate(0)
        expectClose(floored.probabilities, [0.95, 0.05])
        #expect(floored.sample(0.949) == Self.left && floored.sample(0.951) == Self.right)
    }

    /// γ = 1, α = 0.1, θ = 0: G₀ = −3, G₁ = −2, G₂ = −1.
    /// t = 0: π = (½, ½), A = right: ∇ ln π = (−½, ½); θ ← 0 + 0.1 · (−3) · (−½, ½) = (0.15, −0.15).
    /// t = 1: π(left) = 1/(1 + e^{−0.3}) = p₁, A = left: ∇ ln π = (1 − p₁, −(1 − p₁));
    ///        θ ← θ + 0.1 · (−2) · ∇.
    /// t = 2: π(left) = p₂ at that θ, A = right: ∇ ln π = (−p₂, p₂); θ ← θ + 0.1 · (−1) · ∇.
    @Test func reinforceFollowsTheBox() {
        var agent = Agent(features: Self.blind, actionSpace: Discrete(2), settings: .init(stepSize: 0.1), seed: 1)
        agent.learn(fromEpisode: Self.episode())
        var theta = [0.15, -0.15]
        let p1 = 1 / (1 + exp(-0.3))
        theta = [theta[0] + 0.1 * -2 * (1 - p1), theta[1] - 0.1 * -2 * (1 - p1)]
        let p2 = 1 / (1 + exp(theta[1] - theta[0]))
        theta = [theta[0] + 0.1 * -1 * -p2, theta[1] + 0.1 * -1 * p2]
        expectClose(agent.policy.weights, theta)
    }

    /// γ = 0.9: G₁ = −1, G₀ = −1 + 0.9 · (−1) = −1.9; the second update is scaled by γ¹ too.
    @Test func reinforceDiscountsTheReturnAndTheStep() {
        var agent = Agent(features: Self.blind, actionSpace: Discrete(2), settings: .init(stepSize: 0.1, discount: 0.9), seed: 1)
        agent.learn(fromEpisode: Self.episode([(0, Self.right), (1, Self.left)]))
        let first = 0.1 * -1.9 * -0.5  // θ_left after t = 0; θ_right is its negative
        let p = 1 / (1 + exp(-2 * first))  // π(left) at θ = (first, −first)
        let second = first + 0.1 * 0.9 * -1 * (1 - p)
        expectClose(agent.policy.weights, [second, -second])
    }

    /// α^θ = 0.1, α^w = 0.5, γ = 1, w = 0, θ = 0; G = −3, −2, −1.
    /// t = 0: δ = −3 − 0 = −3; w ← 0 + 0.5 · (−3) = −1.5; θ ← 0.1 · (−3) · (−½, ½) = (0.15, −0.15).
    /// t = 1: δ = −2 − (−1.5) = −0.5; w ← −1.5 + 0.5 · (−0.5) = −1.75; A = left:
    ///        θ ← θ + 0.1 · (−0.5) · (1 − p₁, −(1 − p₁)), p₁ = 1/(1 + e^{−0.3}).
    /// t = 2: δ = −1 − (−1.75) = 0.75; w ← −1.75 + 0.5 · 0.75 = −1.375; A = right:
    ///        θ ← θ + 0.1 · 0.75 · (−p₂, p₂).
    /// (δ is the one computed before w moves: the Python reproduction's δ after w's update
    /// would give θ = (0.075, −0.075) after t = 0.)
    @Test func reinforceWithBaselineFollowsTheBox() {
        var agent = BaselineAgent(
            policyFeatures: Self.blind, valueFeatures: Self.blind, actionSpace: Discrete(2),
            settings: .init(policyStepSize: 0.1, valueStepSize: 0.5), seed: 1)
        agent.learn(fromEpisode: Self.episode())
        var theta = [0.15, -0.15]
        let p1 = 1 / (1 + exp(-0.3))
        theta = [theta[0] + 0.1 * -0.5 * (1 - p1), theta[1] - 0.1 * -0.5 * (1 - p1)]
        let p2 = 1 / (1 + exp(theta[1] - theta[0]))
        theta = [theta[0] + 0.1 * 0.75 * -p2, theta[1] + 0.1 * 0.75 * p2]
        expectClose(agent.policy.weights, theta)
        expectClose(agent.valueWeights, [-1.375])
        #expect(agent.value(of: 2) == -1.375)
    }

    /// With α^w = 0 the baseline stays 0 and the agent is REINFORCE, bit for bit.
    @Test func aBaselineThatNeverLearnsIsReinforce() {
        var plain = Agent(features: Self.blind, actionSpace: Discrete(2), settings: .init(stepSize: 0.01), seed: 4)
        var baseline = BaselineAgent(
            policyFeatures: Self.blind, valueFeatures: Self.blind, actionSpace: Discrete(2),
            settings: .init(policyStepSize: 0.01, valueStepSize: 0), seed: 4)
        for _ in 0..<5 {
            plain.learn(fromEpisode: Self.episode())
            baseline.learn(fromEpisode: Self.episode())
        }
        #expect(plain.policy.weights == baseline.policy.weights)
        #expect(plain.action(for: 0, mode: .training) == baseline.action(for: 0, mode: .training))
    }
}
