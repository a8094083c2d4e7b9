import RLCore

/// A finite world that can also be seen without bins: one id on the command line and in policy
/// files, two registrations. The world itself plays the configurations its agents learn tables
/// for; a configuration it marks as continuous (Pong's `--observation continuous`) is played by
/// ``ContinuousVariant``, whose agents learn linear functions of features, with its own flags
/// (the feature flags), defaults and capabilities. ``AnyWorld`` picks one once per run.
public protocol ContinuousVariantWorld: WorldRegistration where World.ObservationSpace: FiniteSpace {
    /// The registration of the configurations seen as real coordinates (its id is the world's).
    associatedtype ContinuousVariant: ContinuousWorld
    /// The variant's configuration when `configuration` asks for real coordinates, else `nil`.
    /// The variant's own settings (features) start from its defaults.
    static func continuousVariant(of configuration: Configuration) -> ContinuousVariant.Configuration?
    /// The flag that asks for the variant, for messages (`--observation continuous`).
    static var continuousVariantFlag: String { get }
}
