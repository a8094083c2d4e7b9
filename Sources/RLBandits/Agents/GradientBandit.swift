import RLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The gradient bandit algorithm (Sutton & Barto, 2nd ed., §2.8): numerical preferences H(a),
/// a soft-max policy π(a) = e^{H(a)} / Σ_b e^{H(b)} (eq. 2.11), and after each reward (eq. 2.12)
///
///     H(A) ← H(A) + α (R − R̄)(1 − π(A)),   H(a) ← H(a) − α (R − R̄) π(a) for a ≠ A,
///
/// where π is the policy the arm was drawn from and R̄ the average of the rewards so far, this
/// one included (R̄₁ = R₁, as the book says); without the baseline R̄ stays 0 (Figure 2.5).
public struct GradientBandit: TestbedAgent {
    public struct Settings: Sendable, Equatable {
        /// α, the step size of the preferences.
        public var stepSize: Double
        /// Whether R̄ is the average reward (true) or 0 (false).
        public var baseline: Bool

        public init(stepSize: Double, baseline: Bool = true) {
            self.stepSize = stepSize
            self.baseline = baseline
        }
    }

    public internal(set) var settings: Settings
    /// H(a), the preferences.
    public internal(set) var preferences: [Double]
    /// π(a), the policy of the last choice.
    public private(set) var probabilities: [Double]
    /// R̄, the baseline.
    public internal(set) var averageReward = 0.0
    /// Rewards seen, for R̄'s average.
    public internal(set) var rewards = 0
    /// The method's own generator (exploration, ties, draws).
    public var generator: Xoshiro256StarStar

    public init(arms: Int, settings: Settings, seed: UInt64) {
        self.settings = settings
        preferences = Array(repeating: 0, count: arms)
        probabilities = Array(repeating: 1 / Double(arms), count: arms)
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// Draws an arm from π, computed from the preferences (shifted by their maximum, so e^H
    /// never overflows).
    public mutating func selectArm() -> Int {
        let highest = preferences.max()!
        var total = 0.0
        for arm in preferences.indices {
            probabilities[arm] = exp(preferences[arm] - highest)
            total += probabilities[arm]
        }
        for arm in probabilities.indices { probabilities[arm] /= total }
        var draw = generator.nextUnitDouble()
        for arm in probabilities.indices {
            draw -= probabilities[arm]
            if draw < 0 { return arm }
        }
        return probabilities.count - 1  // what rounding leaves over
    }

    public mutating func learn(arm: Int, reward: Double) {
        if settings.baseline {
            rewards += 1
            averageReward += (reward - averageReward) / Double(rewards)
        }
        let step = settings.stepSize * (reward - averageReward)
        for other in preferences.indices {
            preferences[other] += other == arm ? step * (1 - probabilities[other]) : -step * probabilities[other]
        }
    }
}
