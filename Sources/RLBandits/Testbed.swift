import RLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The k-armed testbed of Sutton & Barto (2nd ed., §2.3): each problem draws the arms' true
/// values q*(a) from N(mean, 1), and each pull of arm a pays a reward drawn from N(q*(a), 1).
/// Figure 2.5 shifts the values' mean to +4; Exercise 2.5's nonstationary testbed starts every
/// q*(a) equal and lets each take an independent random walk at every step.
public struct Testbed: Bandit, Sendable {
    /// How the testbed's problems are made.
    public struct Settings: Sendable, Equatable, Codable {
        /// k, the number of arms (10 in the book).
        public var arms: Int
        /// The mean of the arms' true values (0 in the book; +4 in Figure 2.5).
        public var meanOfValues: Double
        /// The standard deviation of each true value's step of random walk per pull; 0 for the
        /// stationary testbed (Exercise 2.5 uses 0.01, and starts all values equal).
        public var walk: Double

        public init(arms: Int = 10, meanOfValues: Double = 0, walk: Double = 0) {
            self.arms = arms
            self.meanOfValues = meanOfValues
            self.walk = walk
        }

        /// Whether the true values move (Exercise 2.5).
        public var isNonstationary: Bool { walk > 0 }
    }

    public let settings: Settings
    /// q*(a), the true value of each arm.
    public private(set) var values: [Double]
    public private(set) var optimalArm = 0
    var generator: Xoshiro256StarStar

    /// - Precondition: at least 2 arms; a finite mean and a walk ≥ 0.
    public init(_ settings: Settings = Settings(), seed: UInt64 = 0) {
        precondition(settings.arms >= 2 && settings.meanOfValues.isFinite && settings.walk >= 0 && settings.walk.isFinite)
        self.settings = settings
        values = Array(repeating: settings.meanOfValues, count: settings.arms)
        generator = Xoshiro256StarStar(seed: seed)
        reset(seed: seed)
    }

    public var armCount: Int { settings.arms }

    /// The generator's state words: what a caller restores to go on drawing where it stopped
    /// (the true values are kept apart, so a problem can be replayed with other draws).
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }

    /// A new problem: fresh true values (all equal to the mean when the testbed walks).
    public mutating func reset(seed: UInt64?) {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        for arm in values.indices {
            values[arm] = settings.meanOfValues + (settings.isNonstationary ? 0 : generator.nextGaussian())
        }
        optimalArm = Self.best(of: values)
    }

    /// Pays arm `arm`'s reward, N(q*(arm), 1). On the nonstationary testbed the true values take
    /// their step of random walk first, so ``optimalArm`` is the best arm when the reward was paid.
    public mutating func pull(_ arm: Int) -> Double {
        if settings.isNonstationary {
            for index in values.indices { values[index] += settings.walk * generator.nextGaussian() }
            optimalArm = Self.best(of: values)
        }
        return values[arm] + generator.nextGaussian()
    }

    static func best(of values: [Double]) -> Int {
        var best = 0
        for arm in values.indices where values[arm] > values[best] { best = arm }
        return best
    }
}
