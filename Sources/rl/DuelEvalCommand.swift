import ArgumentParser
import RLApp

extension EvalCommand {
    /// The opponents of a duel evaluation: `--opponent`'s; for a policy of a two-player world
    /// without them, the world's scripted players (its training opponent may be a league, which
    /// plays no fixed game); `nil` for one-player worlds.
    var duelOpponents: [String]? {
        if !opponent.isEmpty { return opponent }
        guard compare.isEmpty, baseline.isEmpty else { return nil }
        if let env {
            guard let world = Registry.world(env), world.capabilities.contains(.twoPlayers) else { return nil }
            return try? world.configure().twoPlayers?.scriptedPlayers
        }
        return policy.flatMap { try? LoadedPolicy(path: $0) }?.world?.twoPlayers?.scriptedPlayers
    }

    /// `rl eval --env pong-duel POLICY --opponent X ...`: a table of games against each opponent.
    func runDuel(against opponents: [String]) throws {
        guard compare.isEmpty, baseline.isEmpty else {
            throw CommandError("--opponent plays one pong-duel policy against opponents: drop --compare and --baseline", exitCode: 64)
        }
        let path = policy ?? PolicyPaths.defaultPolicy(env ?? Registry.twoPlayerWorld.id).path
        catchInterrupts()
        let report: DuelEvaluationReport
        do {
            let loaded = try LoadedPolicy(path: path, expecting: env)
            report = try evaluateDuel(loaded, against: opponents, games: episodes, seed: seed, shouldStop: { wasInterrupted })
        } catch {
            throw CommandError(error)
        }
        ConsoleStream.standardOutput.write(json ? JSONText.encode(report) + "\n" : report.text)
        if report.interrupted { throw ExitCode(interruptExitCode) }
    }
}
