import RLCore
import RLFeatures
import RLPong
import RLTabular

/// Pong's settings when it is seen without bins: the court's (with the `continuous`
/// observation) and the features its linear agents see. Stored flat, as the court's keys plus
/// `features`, so a policy file reads like a binned Pong's with one key more.
public struct ContinuousPongConfiguration: Codable, Sendable, Equatable {
    public var court: PongConfiguration
    public var features: FeatureSettings

    public init(court: PongConfiguration = PongConfiguration(observation: .continuous), features: FeatureSettings) {
        self.court = court
        self.features = features
    }

    private enum CodingKeys: String, CodingKey { case features }

    public init(from decoder: any Decoder) throws {
        court = try PongConfiguration(from: decoder)
        features = try decoder.container(keyedBy: CodingKeys.self).decode(FeatureSettings.self, forKey: .features)
    }

    public func encode(to encoder: any Encoder) throws {
        try court.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(features, forKey: .features)
    }
}

/// `pong --observation continuous`: the mission's Pong with exact positions and the ball's
/// velocity as real coordinates, learned by linear agents with tile coding. Not listed in the
/// registry: it is ``PongWorld``'s continuous variant, under the same id.
public enum ContinuousPongWorld: ContinuousWorld, BaselineWorld {
    public static let id = PongWorld.id
    public static let summary = PongWorld.summary
    public static var defaultConfiguration: ContinuousPongConfiguration {
        ContinuousPongConfiguration(features: defaultFeatures)
    }

    /// Measured (docs/CONTINUOUS.md): tiles fine enough to place the paddle within a ball's
    /// reach, hashed because the two velocity coordinates take only two values each.
    static var defaultFeatures: FeatureSettings { FeatureSettings(kind: .tiles, tilings: 8, tiles: 12, hashSize: 1 << 18) }

    /// Only the feature flags: the court's own flags are ``PongWorld``'s.
    public static var flags: [SettingFlag<ContinuousPongConfiguration>] { featureFlags }
    public static var featureSettings: WritableKeyPath<ContinuousPongConfiguration, FeatureSettings> { \.features }

    public static func validate(_ configuration: ContinuousPongConfiguration) throws(SettingError) {
        do { try configuration.court.validate() } catch { throw SettingError(error.message) }
        guard configuration.court.observation == .continuous else {
            throw SettingError("a linear Pong sees the continuous observation, not \(configuration.court.observation.rawValue)")
        }
        try validateFeatures(configuration)
    }

    public static func makeWorld(_ configuration: ContinuousPongConfiguration) -> ContinuousPong {
        try! ContinuousPong(configuration: configuration.court)
    }

    /// The reachable range of each coordinate: the box of ``ContinuousPong``.
    public static func featureRanges(_ configuration: ContinuousPongConfiguration) -> FeatureRanges {
        FeatureRanges(low: ContinuousPong.lowerBounds(configuration.court), high: ContinuousPong.upperBounds(configuration.court))
    }

    /// The ball's height across, the paddle's up: the greedy actions should split along the
    /// diagonal where the paddle covers the ball.
    public static var inspectionAxes: (x: Int, y: Int) { (2, 0) }

    /// A ball coming at the paddle, up, from a quarter of the court away: the middle of the
    /// velocities (0) is a state the rules never reach.
    public static func inspectionPoint(_ configuration: ContinuousPongConfiguration) -> [Double] {
        let court = configuration.court, m = Double(court.movementStep)
        return [Double(court.courtHeight - court.paddleHeight) / 2, Double(court.courtWidth / 4), Double(court.courtHeight) / 2, -m, m]
    }

    public static var metrics: [EpisodeMetric<PongCounters>] { PongWorld.metrics }

    public static func describe(_ configuration: ContinuousPongConfiguration) -> String {
        PongWorld.describe(configuration.court) + ", continuous observation, " + configuration.features.summary
    }

    /// Measured (docs/CONTINUOUS.md).
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(
            learningRate: .linear(from: 0.5, to: 0.01, over: 0.9), discount: 0.9, epsilon: .linear(from: 0.3, to: 0, over: 0.9))
    }
    public static func defaultEpisodes(_ configuration: ContinuousPongConfiguration) -> Int { 10_000 }
    /// PPO with rl-zoo3's CartPole settings but two million steps, γ 0.99 and normalised
    /// observations (pixels run to 53, velocities to 3): no avoidable miss in 100% of greedy
    /// episodes on seeds 1–3, where one million left one seed of three at 77–83% (docs/DEEP.md).
    /// The zoo has no Pong of ours to copy.
    public static func deepDefaults(forAgent agent: String) -> DeepDefaults? {
        guard agent == "ppo" else { return nil }
        return DeepDefaults(
            steps: 2_000_000,
            hyperparameters: Hyperparameters(learningRate: .linear(from: 1e-3, to: 0, over: 1), discount: 0.99, epsilon: .constant(0)),
            settings: [("normalize", nil)])
    }

    /// Pong's scripted players, on the same court and serves.
    public static func evaluate(
        _ baseline: Baseline, _ configuration: ContinuousPongConfiguration, episodes: Int, seed: UInt64, shouldStop: () -> Bool
    ) -> [EpisodeRecord<PongCounters>] {
        playBaseline(baseline, configuration: configuration.court, episodes: episodes, seed: seed, shouldStop: shouldStop)
    }
}

extension PongWorld: ContinuousVariantWorld {
    public typealias ContinuousVariant = ContinuousPongWorld
    public static let continuousVariantFlag = "--observation continuous"

    public static func continuousVariant(of configuration: PongConfiguration) -> ContinuousPongConfiguration? {
        guard configuration.observation == .continuous else { return nil }
        return ContinuousPongConfiguration(court: configuration, features: ContinuousPongWorld.defaultFeatures)
    }
}
