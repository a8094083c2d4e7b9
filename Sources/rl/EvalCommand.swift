import ArgumentParser
import RLApp
import RLTabular

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Play greedy episodes with a policy and report how good it is.",
        discussion: """
            Evaluation episodes come from the seed but never coincide with the training ones, and the \
            same seed gives every agent the same episodes, so comparisons are paired. With several agents \
            (--compare, --baseline) the reports are printed side by side. Ctrl-C stops early and reports \
            the episodes played so far, marked as interrupted.
            """)

    @Argument(help: "Policy file (default: policies/<env>.safetensors, else the shipped policies/pretrained/<env>.safetensors).")
    var policy: String?

    @OptionGroup var worldOption: WorldOption
    var env: String? { worldOption.id }

    @Option(parsing: .upToNextOption, help: "More policy files to evaluate side by side with the first.")
    var compare: [String] = []

    @Option(help: "A scripted agent of the world to evaluate too (Pong: random, tracker or oracle; repeatable).")
    var baseline: [String] = []

    @Option(
        help:
            "pong-duel: play the policy against this opponent (random, tracker, predictor, self or a policy file; repeatable for a table).")
    var opponent: [String] = []

    @Option(parsing: .unconditional, help: "Episodes to play (1...1000000).")
    var episodes = 1000

    @Option(parsing: .unconditional, help: "Seed of the evaluation episodes.")
    var seed: UInt64 = 1

    @Flag(help: "Print the report as JSON on stdout.")
    var json = false

    func validate() throws {
        try requireFlag("episodes", episodes, in: 1...1_000_000)
    }

    /// The policy files to evaluate: the argument and --compare's; the default file when
    /// nothing at all is named.
    func policyPaths() -> [String] {
        let named = (policy.map { [$0] } ?? []) + compare
        if !named.isEmpty || !baseline.isEmpty { return named }
        return [defaultPolicyPath(world: env ?? Registry.defaultWorld.id)]
    }

    func run() throws {
        if let opponents = duelOpponents { return try runDuel(against: opponents) }
        let loaded: [LoadedPolicy]
        do {
            loaded = try policyPaths().map { path throws(PolicyFileError) in try LoadedPolicy(path: path, expecting: env) }
        } catch {
            throw CommandError(error)
        }
        if let first = loaded.first, let other = loaded.first(where: { $0.worldID != first.worldID }) {
            throw CommandError.usage(
                "\(other.path) is a policy for \(other.worldID), but \(first.path) is for \(first.worldID): compare policies of one world")
        }
        // Baselines play the first policy's world and configuration, so every agent meets the same episodes.
        let world: ConfiguredWorld
        if let first = loaded.first {
            do { world = try first.requireWorld(toDo: "evaluate it") } catch { throw CommandError(error) }
        } else {
            do { world = try (env.flatMap(Registry.world) ?? Registry.defaultWorld).configure() } catch {
                throw CommandError.usage(error.message)
            }
        }
        if !baseline.isEmpty, world.baselines == nil {
            let hint =
                world.twoPlayers.map {
                    "; it is a two-player world: play its scripted players with --opponent " + $0.scriptedPlayers.joined(separator: "|")
                } ?? ""
            throw CommandError.usage("world \(world.id) has no baselines" + hint)
        }
        catchInterrupts()
        var reports: [EvaluationReport] = []
        do {
            for policy in loaded where !wasInterrupted {
                reports.append(try evaluatePolicy(policy, episodes: episodes, seed: seed, shouldStop: { wasInterrupted }))
            }
            for name in baseline where !wasInterrupted {
                reports.append(
                    try evaluateBaseline(
                        name, world: world, episodes: episodes, seed: seed,
                        shouldStop: { wasInterrupted }))
            }
        } catch {
            throw CommandError(error)
        }
        guard !reports.isEmpty else { throw ExitCode(interruptExitCode) }

        let out = ConsoleStream.standardOutput
        if reports.count == 1 {
            out.write(json ? JSONText.encode(reports[0]) + "\n" : EvaluationText.render(reports[0]))
        } else {
            out.write(json ? JSONText.encode(EvaluationComparison(reports: reports)) + "\n" : EvaluationText.comparison(reports))
        }
        if wasInterrupted { throw ExitCode(interruptExitCode) }
    }
}
