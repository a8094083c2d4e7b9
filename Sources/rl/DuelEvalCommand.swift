import ArgumentParser
import RLApp

extension EvalCommand {
    /// `rl eval --env pong-duel POLICY --opponent X ...`: a table of games against each opponent.
    func runDuel() throws {
        guard compare.isEmpty, baseline.isEmpty else {
            throw CommandError("--opponent plays one pong-duel policy against opponents: drop --compare and --baseline", exitCode: 64)
        }
        let path = policy ?? PolicyPaths.defaultPolicy(env ?? PongDuelWorld.id).path
        catchInterrupts()
        let report: DuelEvaluationReport
        do {
            let loaded = try LoadedPolicy(path: path, expecting: env)
            report = try evaluateDuel(loaded, against: opponent, games: episodes, seed: seed, shouldStop: { wasInterrupted })
        } catch {
            throw CommandError(error.message)
        }
        ConsoleStream.standardOutput.write(json ? JSONText.encode(report) + "\n" : report.text)
        if report.interrupted { throw ExitCode(interruptedExitCode) }
    }
}
