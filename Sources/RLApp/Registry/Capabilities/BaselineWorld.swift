import RLCore

/// A world with scripted agents to compare a learned policy with (`rl eval --baseline`). The
/// baselines are a `CaseIterable` type, so every baseline the world lists is one it can play.
public protocol BaselineWorld: WorldRegistration {
    /// The scripted agents, by name (`random`, `tracker`, `oracle`).
    associatedtype Baseline: CaseIterable & RawRepresentable where Baseline.RawValue == String
    /// Plays a baseline's evaluation episodes, seeded as `rl eval` seeds a policy's: the same
    /// `seed`, the same serves for every agent.
    static func evaluate(
        _ baseline: Baseline, _ configuration: Configuration, episodes: Int, seed: UInt64,
        shouldStop: () -> Bool
    ) -> [EpisodeRecord<World.Counters>]
}
