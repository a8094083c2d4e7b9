import RLCore

/// ε-greedy action-value method (Sutton & Barto, 2nd ed., §2.2–§2.6).
///
/// The box "A simple bandit algorithm" (p. 32): Q(a) ← Q₁, N(a) ← 0; loop:
/// A ← argmax_a Q(a) with probability 1 − ε (ties broken randomly), a random arm with
/// probability ε; R ← bandit(A); N(A) ← N(A) + 1; Q(A) ← Q(A) + 1/N(A) [R − Q(A)].
/// With a constant step size α the last line is Q(A) ← Q(A) + α [R − Q(A)] (§2.5), and with an
/// initial value Q₁ above every true value it is the optimistic greedy method of §2.6
/// (Figure 2.3: Q₁ = 5, ε = 0, α = 0.1).
public struct EpsilonGreedyBandit: TestbedAgent {
    public struct Settings: Sendable, Equatable {
        /// ε, the probability of a random arm.
        public var epsilon: Double
        public var stepSize: StepSize
        /// Q₁, every estimate's value before its first reward.
        public var initialValue: Double

        public init(epsilon: Double, stepSize: StepSize = .sampleAverage, initialValue: Double = 0) {
            self.epsilon = epsilon
            self.stepSize = stepSize
            self.initialValue = initialValue
        }
    }

    public internal(set) var settings: Settings
    /// Q(a), the estimates.
    public internal(set) var estimates: [Double]
    /// N(a), how often each arm was pulled.
    public internal(set) var counts: [Int]
    /// The method's own generator (exploration, ties, draws).
    public var generator: Xoshiro256StarStar

    public init(arms: Int, settings: Settings, seed: UInt64) {
        self.settings = settings
        estimates = Array(repeating: settings.initialValue, count: arms)
        counts = Array(repeating: 0, count: arms)
        generator = Xoshiro256StarStar(seed: seed)
    }

    public mutating func selectArm() -> Int {
        if settings.epsilon > 0 && generator.nextUnitDouble() < settings.epsilon {
            return generator.nextIndex(below: estimates.count)
        }
        return greedyArm(estimates, using: &generator)
    }

    public mutating func learn(arm: Int, reward: Double) {
        counts[arm] += 1
        let rate =
            switch settings.stepSize {
            case .sampleAverage: 1 / Double(counts[arm])
            case .constant(let alpha): alpha
            }
        estimates[arm] += rate * (reward - estimates[arm])
    }
}
