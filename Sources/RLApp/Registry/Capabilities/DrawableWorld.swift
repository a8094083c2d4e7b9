import RLGridRender
import RLRender
import RLTabular

/// A world that can be drawn: `rl watch` (window, terminal, `--record`, `--screenshot`) plays a
/// policy on it in a session that paints its scenes, and a program that steps the world itself
/// (the Python package's `render()`) paints the same scene of any state.
public protocol DrawableWorld: WorldRegistration {
    /// A session that plays `policy` greedily (or ε-greedily) from evaluation seeds.
    static func watchSession(_ configuration: Configuration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    /// The picture of the world's current state under a HUD (episode, step, return, metrics,
    /// banner): what `rl watch` paints for that state.
    static func scene(of world: World, _ configuration: Configuration, hud: ToyTextHUD) -> Scene
}
