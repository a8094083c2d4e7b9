import RLClassicControl
import RLClassicControlRender
import RLCore
import RLGridRender
import RLRender
import RLTabular

// How `rl watch` draws the classic-control worlds: Gymnasium's pictures (RLClassicControlRender)
// played by a linear policy (ContinuousWatchSession).

extension CartPoleWorld: DrawableWorld {
    public static func scene(of world: TimeLimit<CartPole>, _ configuration: ClassicControlConfiguration, hud: ToyTextHUD) -> Scene {
        CartPoleScene.scene(world.base.state, hud: hud)
    }

    public static func watchSession(_ configuration: ClassicControlConfiguration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    {
        // An episode that ends before the cap is a fall.
        try ContinuousWatchSession<CartPoleWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon, banner: ("FELL", ToyTextPalette.failure)
        ) { world, hud in scene(of: world, configuration, hud: hud) }
    }
}

extension MountainCarWorld: DrawableWorld {
    public static func scene(of world: TimeLimit<MountainCar>, _ configuration: ClassicControlConfiguration, hud: ToyTextHUD) -> Scene {
        MountainCarScene.scene(world.base.state, hud: hud)
    }

    public static func watchSession(_ configuration: ClassicControlConfiguration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    {
        try ContinuousWatchSession<MountainCarWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon, banner: ("GOAL", ToyTextPalette.success)
        ) { world, hud in scene(of: world, configuration, hud: hud) }
    }
}

extension AcrobotWorld: DrawableWorld {
    public static func scene(of world: TimeLimit<Acrobot>, _ configuration: ClassicControlConfiguration, hud: ToyTextHUD) -> Scene {
        AcrobotScene.scene(world.base.state, hud: hud)
    }

    public static func watchSession(_ configuration: ClassicControlConfiguration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    {
        try ContinuousWatchSession<AcrobotWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon, banner: ("SWUNG UP", ToyTextPalette.success)
        ) { world, hud in scene(of: world, configuration, hud: hud) }
    }
}
