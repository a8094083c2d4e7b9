import RLCore

/// A world that publishes its whole dynamics (Gymnasium's `P` and initial distribution) with
/// its step cap: planners (`--agent value-iteration`) solve it, and `rl eval` computes a
/// policy's exact return and its gap to the optimum.
public protocol ModelledWorld: WorldRegistration where World.ObservationSpace: FiniteSpace {
    /// The transitions and step cap under a valid configuration, or `nil` for a configuration
    /// whose dynamics a table cannot state (Taxi's fickle passenger hides a flag).
    static func model(_ configuration: Configuration) -> WorldModel?
}
