import RLGridRender
import RLPong
import RLPongRender
import RLRender
import RLTabular

// How `rl watch` draws Pong without bins: binned Pong's court, ball and paddle, played by a
// linear policy (ContinuousWatchSession) under the HUD the other continuous worlds share.

extension ContinuousPongWorld: DrawableWorld {
    public static func watchSession(_ configuration: ContinuousPongConfiguration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    {
        // An episode ends before the cap when the lives are gone (a win needs more points than
        // the default cap allows).
        try ContinuousWatchSession<ContinuousPongWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon, banner: ("GAME OVER", ToyTextPalette.failure)
        ) { world, hud in scene(of: world, configuration, hud: hud) }
    }

    public static func scene(of world: ContinuousPong, _ configuration: ContinuousPongConfiguration, hud: ToyTextHUD) -> Scene {
        let board = PongLayout.board(world.configuration, state: world.state)
        let origin = ToyTextFrame.boardOrigin(boardWidth: board.width, metricNames: hud.metrics.map(\.name))
        return ToyTextFrame.scene(
            board: board.items.map { $0.offset(x: origin.x, y: origin.y) }, boardWidth: board.width, boardHeight: board.height,
            hud: hud)
    }
}
