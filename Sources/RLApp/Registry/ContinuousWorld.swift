import RLCore
import RLFeatures

/// A world whose observations are real coordinates (a ``Box``): agents learn a linear function
/// of features of them (Sutton & Barto Part II) instead of a table. It says which interval each
/// coordinate's features cover and where its configuration keeps the feature settings, so
/// `--features`, `--tilings`, `--tiles`, `--hash-size` and `--order` are its flags
/// (``featureFlags``), stored with it in policy files and set by `rl sweep --set` like any other.
public protocol ContinuousWorld: WorldRegistration
where
    World.Observation: ContinuousObservation, World.ObservationSpace == Box<World.Observation>, World.ActionSpace: Sendable,
    World.Action: CustomStringConvertible
{
    /// The interval each coordinate's features cover: the world's bounds, made finite where
    /// they are not (velocities), and which coordinates wrap (angles).
    static func featureRanges(_ configuration: Configuration) -> FeatureRanges
    /// Where a configuration keeps its feature settings.
    static var featureSettings: WritableKeyPath<Configuration, FeatureSettings> { get }
    /// The two coordinates `rl inspect` draws a value function over unless told (`--axes`).
    /// Default: the first two.
    static var inspectionAxes: (x: Int, y: Int) { get }
    /// Where `rl inspect` holds the other coordinates unless told (`--at`). Default: the middle
    /// of each feature range; a world whose middle is not a state it reaches says better.
    static func inspectionPoint(_ configuration: Configuration) -> [Double]
}

extension ContinuousWorld {
    public static var inspectionAxes: (x: Int, y: Int) { (0, 1) }
    public static func inspectionPoint(_ configuration: Configuration) -> [Double] {
        let ranges = featureRanges(configuration)
        return zip(ranges.low, ranges.high).map { ($0 + $1) / 2 }
    }

    /// The features a configuration asks for, checked against the world's ranges and actions.
    public static func features(_ configuration: Configuration) throws(FeatureError) -> ContinuousFeatures<World.Observation> {
        try ContinuousFeatures(
            configuration[keyPath: featureSettings], ranges: featureRanges(configuration),
            actionCount: makeWorld(configuration).actionSpace.count)
    }

    /// Checks the feature settings, sizes bounded: for the world's ``WorldRegistration/validate(_:)``.
    public static func validateFeatures(_ configuration: Configuration) throws(SettingError) {
        do { _ = try features(configuration) } catch { throw SettingError(error.message) }
    }

    /// The feature flags, for the world's ``WorldRegistration/flags``.
    public static var featureFlags: [SettingFlag<Configuration>] {
        let settings = featureSettings
        return [
            .choice(
                "features", settings.appending(path: \.kind),
                help: "Features for the linear agents: tiles (tile coding, S&B §9.5.4), aggregation (§9.3) or fourier (§9.5.2). "
                    + "--learning-rate is per feature vector: with n tilings each active weight moves by α/n, the book's α/n."),
            .integer(
                "tilings", settings.appending(path: \.tilings), in: 1...TileCoding.maximumTilings,
                help: "Tile coding: the number of tilings, each offset by (1, 3, 5, …)/n of a tile."),
            .integer(
                "tiles", settings.appending(path: \.tiles), in: 1...TileCoding.maximumTiles,
                help: "Tiles per coordinate in each tiling (aggregation: bins per coordinate)."),
            SettingFlag(
                name: "hash-size", valueName: "1...\(maximumWeightCount)",
                help: "Tile coding: hash tiles into a table of this many features (many coordinates, few visited tiles)."
            ) { (configuration: inout Configuration, text: String?) throws(SettingError) in
                guard let text, let size = Int(text), (1...maximumWeightCount).contains(size) else {
                    throw SettingError("--hash-size takes a whole number in 1...\(maximumWeightCount), got '\(text ?? "")'")
                }
                configuration[keyPath: settings].hashSize = size
            },
            .integer(
                "order", settings.appending(path: \.order), in: 0...FourierBasis.maximumOrder,
                help: "Fourier basis: the order n ((n+1)^k features over k coordinates)."),
        ]
    }
}
