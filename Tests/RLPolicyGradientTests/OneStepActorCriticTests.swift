import RLCore
import RLFeatures
import RLPolicyGradient
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One-step actor–critic (episodic) (the box on p. 332) worked out by hand: three states in a
/// row, one-hot features for both the actor and the critic, two actions (left 0, right 1), so θ
/// is (θ_left(0), θ_left(1), θ_left(2), θ_right(0), θ_right(1), θ_right(2)), action-major, and
/// π(left|s) = 1 / (1 + e^{θ_right(s) − θ_left(s)}).
///
/// The soft-max gradient (eq. 13.9) with one-hot x(s): ∇ ln π(a|s, θ) is 0 outside state s's
/// two weights, and there ∂/∂θ_b(s) = 1[b = a] − π(b|s): for a = right at π = (½, ½) it is
/// (−½, +½), for a = left (+½, −½).
@Suite struct OneStepActorCriticTests {
    static let states = OneHotFeatures(Discrete(3))
    typealias Agent = OneStepActorCritic<OneHotFeatures<Discrete>, OneHotFeatures<Discrete>, Discrete>
    static let left = 0, right = 1

    func expectClose(_ actual: [Double], _ expected: [Double], _ tolerance: Double = 1e-14) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) < tolerance, "\(actual) against \(expected)") }
    }

    static func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false, truncated: Bool = false)
        -> Transition<Int, Int>
    {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: truncated)
    }

    /// α^θ = 0.5, α^w = 0.5, γ = 0.9, θ = 0, w = 0. The episode 0 →right, −1→ 1 →left, −1→ 0
    /// →right, +2→ 2 (terminal).
    ///
    /// Step 1 (I = 1): δ = −1 + 0.9 · w(1) − w(0) = −1; w(0) ← 0 + 0.5 · (−1) = −0.5;
    ///   θ(0) ← 0 + 0.5 · 1 · (−1) · (−½, ½) = (0.25, −0.25); I ← 0.9.
    /// Step 2 (I = 0.9): δ = −1 + 0.9 · w(0) − w(1) = −1 − 0.45 = −1.45; w(1) ← 0.5 · (−1.45) = −0.725;
    ///   θ(1) ← 0 + 0.5 · 0.9 · (−1.45) · (½, −½) = (−0.32625, 0.32625); I ← 0.81.
    /// Step 3 (I = 0.81, S′ terminal so v̂(S′) = 0): δ = 2 + 0 − w(0) = 2.5; w(0) ← −0.5 + 0.5 · 2.5 = 0.75;
    ///   π(left|0) = p = 1/(1 + e^{−0.5}) ≈ 0.6225 at θ(0) = (0.25, −0.25), π(right|0) = 1 − p; a = right:
    ///   ∇ = (0 − π(left|0), 1 − π(right|0)) = (−p, p);
    ///   θ(0) ← (0.25 − 0.5 · 0.81 · 2.5 · p, −0.25 + 0.5 · 0.81 · 2.5 · p) ≈ (−0.3802, 0.3802).
    /// Then I is back to 1 for the next episode.
    @Test func followsTheBox() {
        var agent = Agent(
            policyFeatures: Self.states, valueFeatures: Self.states, actionSpace: Discrete(2),
            settings: .init(policyStepSize: 0.5, valueStepSize: 0.5, discount: 0.9), seed: 1)
        agent.learn(from: Self.step(0, Self.right, -1, 1))
        expectClose(agent.valueWeights, [-0.5, 0, 0])
        expectClose(agent.policy.weights, [0.25, 0, 0, -0.25, 0, 0])
        #expect(agent.discounting == 0.9)
        agent.learn(from: Self.step(1, Self.left, -1, 0))
        expectClose(agent.valueWeights, [-0.5, -0.725, 0])
        expectClose(agent.policy.weights, [0.25, -0.32625, 0, -0.25, 0.32625, 0])
        #expect(abs(agent.discounting - 0.81) < 1e-15)
        agent.learn(from: Self.step(0, Self.right, 2, 2, terminated: true))
        let p = 1 / (1 + exp(-0.5))
        expectClose(agent.valueWeights, [0.75, -0.725, 0])
        expectClose(agent.policy.weights, [0.25 - 1.0125 * p, -0.32625, 0, -0.25 + 1.0125 * p, 0.32625, 0])
        #expect(abs(agent.policy.weights[0] - -0.380240) < 1e-6 && abs(agent.policy.weights[3] - 0.380240) < 1e-6)
        #expect(agent.discounting == 1)
    }

    /// A step cap is not the end of the task: δ bootstraps from v̂(S′) (w(1) = −1 here), and the
    /// next episode starts with I = 1 again.
    @Test func aStepCapBootstrapsAndRestartsI() {
        var agent = Agent(
            policyFeatures: Self.states, valueFeatures: Self.states, actionSpace: Discrete(2),
            settings: .init(policyStepSize: 0.5, valueStepSize: 0.5, discount: 0.9), weights: nil, valueWeights: [0, -1, 0], seed: 1)
        agent.learn(from: Self.step(0, Self.right, 0, 1, truncated: true))
        // δ = 0 + 0.9 · (−1) − 0 = −0.9; w(0) ← −0.45; θ(0) ← 0.5 · (−0.9) · (−½, ½) = (0.225, −0.225).
        expectClose(agent.valueWeights, [-0.45, -1, 0])
        expectClose(agent.policy.weights, [0.225, 0, 0, -0.225, 0, 0])
        #expect(agent.discounting == 1)
    }

    /// It draws from π in both modes, with its own generator: the same seed, the same actions.
    @Test func sameSeedSameActions() {
        func actions(_ seed: UInt64) -> [Int] {
            var agent = Agent(
                policyFeatures: Self.states, valueFeatures: Self.states, actionSpace: Discrete(2),
                settings: .init(policyStepSize: 0.5, valueStepSize: 0.5), weights: [1, 0, 0, -1, 0, 0], seed: seed)
            return (0..<64).map { _ in agent.action(for: 0, mode: .evaluation) }
        }
        #expect(actions(7) == actions(7))
        #expect(Set(actions(7)) == [Self.left, Self.right])
    }
}
