import ArgumentParser
import RLApp

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Play greedy episodes with a policy and report how good it is.",
        discussion: "Evaluation serves come from the seed but never coincide with the training serves.")

    @Argument(help: "Policy file (default: policies/<env>.safetensors).")
    var policy: String?

    @Option(help: "Environment, when no policy file is given: pong or cliff-walking.")
    var env: EnvironmentName?

    @Option(parsing: .unconditional, help: "Episodes to play (1...1000000).")
    var episodes = 1000

    @Option(parsing: .unconditional, help: "Seed of the evaluation episodes.")
    var seed: UInt64 = 1

    @Flag(help: "Print the report as JSON on stdout.")
    var json = false

    func validate() throws {
        guard (1...1_000_000).contains(episodes) else {
            throw ValidationError("--episodes must be in 1...1000000, got \(episodes)")
        }
    }

    func run() throws {
        let path = policy ?? (env ?? .pong).defaultPolicyPath
        let loaded: LoadedPolicy
        do {
            loaded = try LoadedPolicy(path: path, expecting: env)
        } catch {
            throw CommandError(error.message)
        }
        let report = evaluatePolicy(loaded, episodes: episodes, seed: seed)
        if json {
            ConsoleStream.standardOutput.writeLine(JSONText.encode(report))
        } else {
            ConsoleStream.standardOutput.write(EvaluationText.render(report))
        }
    }
}
