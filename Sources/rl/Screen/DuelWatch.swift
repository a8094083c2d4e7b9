import ArgumentParser
import RLApp
import RLCore
import RLPongDuel

extension WatchCommand {
    /// Whether this is a duel to watch: a two-player world (`--env`), `--opponent`, or a policy
    /// of a two-player world.
    var isDuel: Bool {
        if opponent != nil { return true }
        if let env { return Registry.world(env)?.capabilities.contains(.twoPlayers) ?? false }
        guard let policy, let loaded = try? LoadedPolicy(path: policy) else { return false }
        return loaded.world?.twoPlayers != nil
    }

    /// `rl watch --env pong-duel [LEFT] --opponent RIGHT`: two policies, or a policy and a script.
    func watchDuel() throws {
        guard record == nil, screenshot == nil else {
            throw CommandError("--record and --screenshot are not available for pong-duel yet (--video is)", exitCode: 64)
        }
        let leftSource = policy ?? PolicyPaths.defaultPolicy(Registry.twoPlayerWorld.id).path
        let rightSource = opponent ?? PongDuelScript.Kind.predictor.rawValue
        let left: (player: DuelPlayer, configuration: PongDuelConfiguration, name: String)
        let right: (player: DuelPlayer, configuration: PongDuelConfiguration, name: String)
        do {
            left = try duelPlayer(policyOrScript: leftSource, court: nil, pointsToWin: 11, epsilon: epsilon)
            let court: PongDuelCourt = left.configuration.court
            right = try duelPlayer(policyOrScript: rightSource, court: court, pointsToWin: 11, epsilon: epsilon)
        } catch {
            throw CommandError(error)
        }
        var session: DuelPlaySession
        do {
            session = try DuelPlaySession(agent: left.player, right: right.player, configuration: left.configuration, seed: seed)
        } catch {
            throw CommandError(error.message, exitCode: ExitStatus.dataError)
        }
        func name(_ source: String, _ fallback: String) -> String {
            PongDuelScript.Kind(rawValue: source) != nil ? source.uppercased() : fallback
        }
        let screen = DuelScreen(
            fps: fps, scale: scale, names: Pair(left: name(leftSource, "LEFT"), right: name(rightSource, "RIGHT")),
            games: episodes, frames: frames)
        if video != nil {
            try recordDuelVideo(&session, screen: screen)
        } else if renderer == .terminal {
            try screen.playInTerminal(&session)
        } else {
            try screen.playInWindow(&session, title: "rl watch: \(leftSource) against \(rightSource)")
        }
    }

    /// `--video` for a duel: one frame a step, the winner's banner on the last frame of each
    /// game; one game unless `--episodes` or `--frames` says otherwise.
    func recordDuelVideo(_ session: inout DuelPlaySession, screen: DuelScreen) throws {
        let games = episodes ?? (frames == nil ? 1 : nil)
        var frameCount = 1
        var gamesFinished = 0
        let written = try writeVideo(first: screen.frame(session, paused: false).scene()) {
            if session.isOver { gamesFinished += 1 }
            if let frames, frameCount >= frames { return nil }
            if session.isOver {
                if let games, gamesFinished >= games { return nil }
                session.newGame()
            } else {
                session.step(human: .stay)
            }
            frameCount += 1
            return screen.frame(session, paused: false).scene()
        }
        ConsoleStream.standardOutput.writeLine(
            "Wrote \(video ?? ""): \(written) frame\(written == 1 ? "" : "s") (\(gamesFinished) game\(gamesFinished == 1 ? "" : "s") finished)."
        )
    }
}
