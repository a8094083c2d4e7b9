import RLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Upper-confidence-bound action selection (Sutton & Barto, 2nd ed., §2.7, eq. 2.10):
/// A_t ← argmax_a [Q_t(a) + c √(ln t / N_t(a))], an arm never pulled (N_t(a) = 0) counting as
/// maximising; ties broken randomly. The estimates are sample averages (or a constant α).
public struct UCBBandit: TestbedAgent {
    public struct Settings: Sendable, Equatable {
        /// c > 0, the degree of exploration (Figure 2.4: c = 2).
        public var confidence: Double
        public var stepSize: StepSize

        public init(confidence: Double, stepSize: StepSize = .sampleAverage) {
            self.confidence = confidence
            self.stepSize = stepSize
        }
    }

    public internal(set) var settings: Settings
    public internal(set) var estimates: [Double]
    public internal(set) var counts: [Int]
    /// t, the number of the step being chosen (1 for the first).
    public internal(set) var step = 1
    /// The method's own generator (exploration, ties, draws).
    public var generator: Xoshiro256StarStar
    /// Scratch for the upper bounds, kept so that a step allocates nothing.
    var bounds: [Double]

    public init(arms: Int, settings: Settings, seed: UInt64) {
        self.settings = settings
        estimates = Array(repeating: 0, count: arms)
        counts = Array(repeating: 0, count: arms)
        bounds = Array(repeating: 0, count: arms)
        generator = Xoshiro256StarStar(seed: seed)
    }

    public mutating func selectArm() -> Int {
        let logStep = log(Double(step))
        for arm in estimates.indices {
            bounds[arm] =
                counts[arm] == 0
                ? .infinity : estimates[arm] + settings.confidence * (logStep / Double(counts[arm])).squareRoot()
        }
        return greedyArm(bounds, using: &generator)
    }

    public mutating func learn(arm: Int, reward: Double) {
        step += 1
        counts[arm] += 1
        let rate =
            switch settings.stepSize {
            case .sampleAverage: 1 / Double(counts[arm])
            case .constant(let alpha): alpha
            }
        estimates[arm] += rate * (reward - estimates[arm])
    }
}
