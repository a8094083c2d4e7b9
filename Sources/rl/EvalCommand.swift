import ArgumentParser
import RLApp
import RLPong
import RLTabular

extension Baseline: ExpressibleByArgument {}

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Play greedy episodes with a policy and report how good it is.",
        discussion: """
        Evaluation serves come from the seed but never coincide with the training serves, and the \
        same seed gives every agent the same serves, so comparisons are paired. With several agents \
        (--compare, --baseline) the reports are printed side by side.
        """)

    @Argument(help: "Policy file (default: policies/<env>.safetensors, unless only baselines are asked for).")
    var policy: String?

    @Option(help: "Environment, when no policy file is given: pong or cliff-walking.")
    var env: EnvironmentName?

    @Option(parsing: .upToNextOption, help: "More policy files to evaluate side by side with the first.")
    var compare: [String] = []

    @Option(help: "A scripted Pong agent to evaluate too: random, tracker or oracle (repeatable).")
    var baseline: [Baseline] = []

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
        if !baseline.isEmpty && env == .cliffWalking {
            throw ValidationError("--baseline applies to pong only")
        }
    }

    /// The policy files to evaluate: the argument and --compare's; the default file when
    /// nothing at all is named.
    var policyPaths: [String] {
        let named = (policy.map { [$0] } ?? []) + compare
        if !named.isEmpty { return named }
        return baseline.isEmpty ? [(env ?? .pong).defaultPolicyPath] : []
    }

    func run() throws {
        let loaded: [LoadedPolicy]
        do {
            loaded = try policyPaths.map { path throws(PolicyFileError) in try LoadedPolicy(path: path, expecting: env) }
        } catch {
            throw CommandError(error.message)
        }
        if let first = loaded.first, let other = loaded.first(where: { $0.environment.name != first.environment.name }) {
            throw CommandError("\(other.path) is a policy for \(other.environment.name.rawValue), but \(first.path) is for \(first.environment.name.rawValue): compare policies of one environment")
        }
        // Baselines play the court of the first policy, so that every agent meets the same serves.
        let court: PongConfiguration
        switch loaded.first?.environment {
        case .pong(let configuration): court = configuration
        case .cliffWalking:
            if !baseline.isEmpty { throw CommandError("--baseline applies to pong only, but \(loaded[0].path) is a cliff-walking policy") }
            court = PongConfiguration()
        case nil: court = PongConfiguration()
        }
        let reports = loaded.map { evaluatePolicy($0, episodes: episodes, seed: seed) }
            + baseline.map { evaluateBaseline($0, configuration: court, episodes: episodes, seed: seed) }

        let out = ConsoleStream.standardOutput
        if reports.count == 1 {
            out.write(json ? JSONText.encode(reports[0]) + "\n" : EvaluationText.render(reports[0]))
        } else {
            out.write(json ? JSONText.encode(EvaluationComparison(reports: reports)) + "\n" : EvaluationText.comparison(reports))
        }
    }
}
