import RLTabular

/// A world that can be drawn: `rl watch` (window, terminal, `--record`, `--screenshot`) plays a
/// policy on it in a session that paints its scenes.
public protocol DrawableWorld: WorldRegistration {
    /// A session that plays `policy` greedily (or ε-greedily) from evaluation seeds.
    static func watchSession(_ configuration: Configuration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
}
