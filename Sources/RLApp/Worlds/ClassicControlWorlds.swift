import RLClassicControl
import RLCore
import RLDeep
import RLFeatures
import RLTabular

/// The settings of a classic-control world: the features its linear agents see (the
/// dynamics, start states and step cap are Gymnasium's, not settings).
public struct ClassicControlConfiguration: Codable, Sendable, Equatable {
    public var features: FeatureSettings
    /// Episodes are truncated after this many steps: Gymnasium's cap unless told otherwise
    /// (Sutton & Barto's Mountain Car has none: their Figure 10.2 needs a large one).
    public var maxSteps: Int
    public init(features: FeatureSettings, maxSteps: Int) {
        self.features = features
        self.maxSteps = maxSteps
    }
}

/// What the three classic-control registrations share: a configuration that is only features,
/// their flags and checks, and how a scripted baseline is played.
protocol ClassicControlRegistration: ContinuousWorld, BaselineWorld
where Configuration == ClassicControlConfiguration, World == TimeLimit<Environment> {
    associatedtype Environment: ClassicControlWorld
    /// The features the world's agents see unless told otherwise.
    static var defaultFeatures: FeatureSettings { get }
    /// Plays `baseline`'s episodes on `world` (seeded by the caller).
    static func play(
        _ baseline: Baseline, on world: inout World, episodes: Int, seed: UInt64, agentSeed: UInt64, shouldStop: () -> Bool
    ) -> [EpisodeRecord<NoCounters>]
}

/// The largest step cap a classic-control episode may be given: long enough for the book's
/// uncapped Mountain Car (its first episodes take thousands of steps), short enough to end.
let maximumStepCap = 1_000_000

extension ClassicControlRegistration {
    public static var defaultConfiguration: ClassicControlConfiguration {
        ClassicControlConfiguration(features: defaultFeatures, maxSteps: Environment.stepCap)
    }
    public static var featureSettings: WritableKeyPath<ClassicControlConfiguration, FeatureSettings> { \.features }
    public static var flags: [SettingFlag<ClassicControlConfiguration>] {
        [
            .integer(
                "max-steps", \.maxSteps, in: 1...maximumStepCap,
                help: "Step cap of an episode (default Gymnasium's, \(Environment.stepCap)).")
        ] + featureFlags
    }
    public static func validate(_ configuration: ClassicControlConfiguration) throws(SettingError) {
        guard (1...maximumStepCap).contains(configuration.maxSteps) else {
            throw SettingError("max steps must be in 1...\(maximumStepCap), got \(configuration.maxSteps)")
        }
        try validateFeatures(configuration)
    }
    public static func makeWorld(_ configuration: ClassicControlConfiguration) -> TimeLimit<Environment> {
        Environment.capped(at: configuration.maxSteps)
    }
    public static func describe(_ configuration: ClassicControlConfiguration) -> String {
        configuration.features.summary
            + (configuration.maxSteps == Environment.stepCap ? "" : ", \(configuration.maxSteps)-step cap")
    }

    /// Baselines meet the starts `rl eval --seed` gives a policy.
    public static func evaluate(
        _ baseline: Baseline, _ configuration: ClassicControlConfiguration, episodes: Int, seed: UInt64, shouldStop: () -> Bool
    ) -> [EpisodeRecord<NoCounters>] {
        var world = makeWorld(configuration)
        return play(
            baseline, on: &world, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.evaluation),
            agentSeed: derivedSeed(seed, purpose: SeedPurpose.agent), shouldStop: shouldStop)
    }
}

/// `cart-pole`: Gymnasium's CartPole-v1.
public enum CartPoleWorld: ClassicControlRegistration {
    typealias Environment = CartPole
    public static let id = "cart-pole"
    public static let summary = "Gymnasium's CartPole-v1: balance a pole on a cart (500 steps, +1 each)"
    static var defaultFeatures: FeatureSettings { FeatureSettings(kind: .tiles, tilings: 8, tiles: 8) }

    /// The features cover the cart's track and the pole's failure angle, and velocities a
    /// balancing policy stays within (Gymnasium's own bounds are infinite).
    public static func featureRanges(_ configuration: ClassicControlConfiguration) -> FeatureRanges {
        FeatureRanges(low: [-2.4, -3, -CartPole.angleThreshold, -3.5], high: [2.4, 3, CartPole.angleThreshold, 3.5])
    }

    /// Measured (docs/CLASSIC-CONTROL.md): ε 0.1 → 0 explores enough to find the long balances
    /// (zero weights are not optimistic under +1 rewards); γ = 1 over a 500-step cap.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(
            learningRate: .linear(from: 0.2, to: 0.01, over: Hyperparameters.defaultDecay), discount: 1,
            epsilon: .linear(from: 0.1, to: 0, over: Hyperparameters.defaultDecay))
    }
    public static func defaultEpisodes(_ configuration: ClassicControlConfiguration) -> Int { 5000 }

    public enum Baseline: String, CaseIterable, Sendable {
        /// Push right when angle + 0.5 × angular velocity > 0, else left.
        case lean
        case random
    }

    static func play(
        _ baseline: Baseline, on world: inout TimeLimit<CartPole>, episodes: Int, seed: UInt64, agentSeed: UInt64,
        shouldStop: () -> Bool
    ) -> [EpisodeRecord<NoCounters>] {
        switch baseline {
        case .lean:
            var agent = CartPoleLean()
            return RLCore.evaluate(&agent, on: &world, episodes: episodes, seed: seed, until: shouldStop)
        case .random:
            var agent = RandomAgent<CartPoleObservation, EnumSpace<CartPoleAction>>(actionSpace: world.actionSpace, seed: agentSeed)
            return RLCore.evaluate(&agent, on: &world, episodes: episodes, seed: seed, until: shouldStop)
        }
    }
}

/// `mountain-car`: Gymnasium's MountainCar-v0 (Sutton & Barto's Example 10.1).
public enum MountainCarWorld: ClassicControlRegistration {
    typealias Environment = MountainCar
    public static let id = "mountain-car"
    public static let summary = "Gymnasium's MountainCar-v0 (S&B Example 10.1): drive an underpowered car up a hill (200 steps, −1 each)"
    static var defaultFeatures: FeatureSettings { FeatureSettings(kind: .tiles, tilings: 16, tiles: 10) }

    /// The world's own bounds: position −1.2…0.6, velocity ±0.07.
    public static func featureRanges(_ configuration: ClassicControlConfiguration) -> FeatureRanges {
        FeatureRanges(
            low: [MountainCar.minimumPosition, -MountainCar.maximumSpeed], high: [MountainCar.maximumPosition, MountainCar.maximumSpeed])
    }

    /// Measured (docs/CLASSIC-CONTROL.md): the book's ε = 0 and γ = 1 (zero weights are
    /// optimistic under −1 rewards, so greedy choices explore), α decaying so the greedy policy settles.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(
            learningRate: .linear(from: 0.5, to: 0.01, over: Hyperparameters.defaultDecay), discount: 1, epsilon: .constant(0))
    }
    public static func defaultEpisodes(_ configuration: ClassicControlConfiguration) -> Int { 10_000 }
    /// rl-zoo3's MountainCar-v0 settings (PPO's reach −112 on seed 1: Gymnasium's threshold is −110).
    public static func deepDefaults(forAgent agent: String) -> DeepDefaults? {
        if agent == "ppo" { return zooPPO(gaeLambda: "0.98", steps: "16") }
        guard agent == "dqn" else { return nil }
        return DeepDefaults(
            steps: 120_000,
            hyperparameters: Hyperparameters(
                learningRate: .constant(4e-3), discount: 0.98, epsilon: .linear(from: 1, to: 0.07, over: 0.2)),
            settings: [
                ("batch-size", "128"), ("buffer-size", "10000"), ("learning-starts", "1000"), ("target-update-interval", "600"),
                ("train-frequency", "16"), ("gradient-steps", "8"), ("hidden", "256,256"),
            ], keepBestEvery: DQN.defaultKeepBestEvery)
    }

    public enum Baseline: String, CaseIterable, Sendable {
        /// Push the way the car moves (right at rest).
        case energy
        case random
    }

    static func play(
        _ baseline: Baseline, on world: inout TimeLimit<MountainCar>, episodes: Int, seed: UInt64, agentSeed: UInt64,
        shouldStop: () -> Bool
    ) -> [EpisodeRecord<NoCounters>] {
        switch baseline {
        case .energy:
            var agent = MountainCarEnergy()
            return RLCore.evaluate(&agent, on: &world, episodes: episodes, seed: seed, until: shouldStop)
        case .random:
            var agent = RandomAgent<MountainCarObservation, EnumSpace<MountainCarAction>>(actionSpace: world.actionSpace, seed: agentSeed)
            return RLCore.evaluate(&agent, on: &world, episodes: episodes, seed: seed, until: shouldStop)
        }
    }
}

/// `acrobot`: Gymnasium's Acrobot-v1 (Sutton & Barto's §10 acrobot, Sutton 1996).
public enum AcrobotWorld: ClassicControlRegistration {
    typealias Environment = Acrobot
    public static let id = "acrobot"
    public static let summary = "Gymnasium's Acrobot-v1: swing a two-link arm's tip above the bar (500 steps, −1 each)"
    static var defaultFeatures: FeatureSettings { FeatureSettings(kind: .tiles, tilings: 16, tiles: 3, hashSize: 1 << 16) }

    /// cos and sin in −1…1, the angular velocities to Gymnasium's bounds (4π, 9π).
    public static func featureRanges(_ configuration: ClassicControlConfiguration) -> FeatureRanges {
        let first = Acrobot.maximumFirstAngularVelocity, second = Acrobot.maximumSecondAngularVelocity
        return FeatureRanges(low: [-1, -1, -1, -1, -first, -second], high: [1, 1, 1, 1, first, second])
    }

    /// Measured (docs/CLASSIC-CONTROL.md): as Mountain Car's, ε = 0 under −1 rewards; coarse
    /// tiles (3 per coordinate, 16 tilings, hashed into 2^16 features) generalise across the six
    /// coordinates (hashed did better than the same tiles dense, measured).
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(
            learningRate: .linear(from: 0.5, to: 0.01, over: Hyperparameters.defaultDecay), discount: 1, epsilon: .constant(0))
    }
    public static func defaultEpisodes(_ configuration: ClassicControlConfiguration) -> Int { 20_000 }
    /// rl-zoo3's Acrobot-v1 settings. DQN's `gradient_steps: -1` means as many as the steps
    /// between rounds, here 4. PPO's reach −70 to −73 on seeds 1–3.
    public static func deepDefaults(forAgent agent: String) -> DeepDefaults? {
        if agent == "ppo" { return zooPPO(gaeLambda: "0.94", steps: "256") }
        guard agent == "dqn" else { return nil }
        return DeepDefaults(
            steps: 100_000,
            hyperparameters: Hyperparameters(
                learningRate: .constant(6.3e-4), discount: 0.99, epsilon: .linear(from: 1, to: 0.1, over: 0.12)),
            settings: [
                ("batch-size", "128"), ("buffer-size", "50000"), ("learning-starts", "0"), ("target-update-interval", "250"),
                ("train-frequency", "4"), ("gradient-steps", "4"), ("hidden", "256,256"),
            ], keepBestEvery: DQN.defaultKeepBestEvery)
    }

    public enum Baseline: String, CaseIterable, Sendable {
        /// Torque against the first link's swing (see `AcrobotEnergy`).
        case energy
        case random
    }

    static func play(
        _ baseline: Baseline, on world: inout TimeLimit<Acrobot>, episodes: Int, seed: UInt64, agentSeed: UInt64,
        shouldStop: () -> Bool
    ) -> [EpisodeRecord<NoCounters>] {
        switch baseline {
        case .energy:
            var agent = AcrobotEnergy()
            return RLCore.evaluate(&agent, on: &world, episodes: episodes, seed: seed, until: shouldStop)
        case .random:
            var agent = RandomAgent<AcrobotObservation, EnumSpace<AcrobotAction>>(actionSpace: world.actionSpace, seed: agentSeed)
            return RLCore.evaluate(&agent, on: &world, episodes: episodes, seed: seed, until: shouldStop)
        }
    }
}

/// rl-zoo3's PPO for Acrobot-v1 and MountainCar-v0: normalised observations and rewards, 16
/// copies, a million steps, γ 0.99, four epochs, and SB3's defaults for the rest (batch 64,
/// learning rate 3e-4 and clip range 0.2, both constant, 64×64 tanh networks).
func zooPPO(gaeLambda: String, steps: String) -> DeepDefaults {
    DeepDefaults(
        steps: 1_000_000,
        hyperparameters: Hyperparameters(learningRate: .constant(3e-4), discount: 0.99, epsilon: .constant(0)),
        settings: [
            ("envs", "16"), ("n-steps", steps), ("gae-lambda", gaeLambda), ("epochs", "4"), ("batch-size", "64"),
            ("clip-range-end", "0.2"), ("normalize", nil),
        ])
}
