import ArgumentParser
import Foundation
import RLApp
import RLCore
import RLExperiments
import RLRender
import RLTabular

struct SweepCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sweep",
            abstract: "Train a grid of worlds × agents × settings × seeds on every core; one results line per run.",
            discussion: """
                Each run is 'rl train' with its own table, then a greedy evaluation of --eval-episodes \
                episodes seeded as 'rl eval --seed <seed>' seeds it; its 'final' score is the world's main \
                metric over that evaluation. Results go to --out, one JSON line per finished run; each run's \
                per-episode CSV and policy go to the folder beside it (sweep.jsonl → sweep.runs/). Running the \
                same sweep again skips the runs already in --out. Ctrl-C stops cleanly: runs in flight are \
                dropped and run again next time. See docs/EXPERIMENTS.md.
                """)
    }

    @Option(help: "A world to train on (repeatable).")
    var env: [String] = []

    @Option(help: "An agent to train (repeatable; default q-learning).")
    var agent: [String] = []

    @Option(
        name: .customLong("set"),
        help:
            "A setting and its values, name=v1,v2 (repeatable): a hyperparameter (learning-rate, learning-rate-end, discount, epsilon, epsilon-end, decay), preset, or a world or agent flag (switches take true,false)."
    )
    var settings: [String] = []

    @Option(help: "Seeds, as 1-50 or 1,3,10-12 (default 1).")
    var seeds: String?

    @Option(parsing: .unconditional, help: "Episodes of each run (1...10000000; default each world's, as rl train plays it).")
    var episodes: Int?

    @Option(
        parsing: .unconditional,
        help:
            "Train each run by environment steps, in whole episodes, as rl train --steps (1...1000000000; --episodes then only caps it). A deep agent's default is its world's."
    )
    var steps: Int?

    @Option(parsing: .unconditional, help: "Episodes of each run's final greedy evaluation (1...100000; default 100).")
    var evalEpisodes: Int?

    @Option(parsing: .unconditional, help: "Also evaluate every N episodes (N must divide --episodes); logged in each run's CSV.")
    var evalEvery: Int?

    @Option(help: "A JSON spec of the grid instead of the grid's flags (docs/EXPERIMENTS.md).")
    var spec: String?

    @Option(help: "The results file, JSON lines, appended to.")
    var out = "sweep.jsonl"

    @Option(parsing: .unconditional, help: "Runs at once (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        help:
            "Run only shard i of n (0-based): every n-th run of the grid from the i-th. Default: from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT when set."
    )
    var shard: String?

    @Option(help: "Write TensorBoard event files, one folder per run inside this one.")
    var tensorboard: String?

    @Flag(help: "List the runs (id, world, agent, settings, seed) without running them.")
    var dryRun = false

    @Flag(help: "Print only the final summary.")
    var quiet = false

    @Flag(help: "Print the summary as JSON on stdout.")
    var json = false

    func validate() throws {
        try requireFlag("jobs", jobs, in: 1...1024)
        if spec != nil {
            let grid = [
                ("--env", !env.isEmpty), ("--agent", !agent.isEmpty), ("--set", !settings.isEmpty), ("--seeds", seeds != nil),
                ("--episodes", episodes != nil), ("--steps", steps != nil), ("--eval-episodes", evalEpisodes != nil),
                ("--eval-every", evalEvery != nil),
            ]
            .filter(\.1).map(\.0)
            if !grid.isEmpty { throw ValidationError("--spec gives the whole grid: drop \(grid.joined(separator: ", "))") }
        } else if env.isEmpty {
            throw ValidationError("give at least one --env (or a --spec)")
        }
        if !out.hasSuffix(".jsonl") { throw ValidationError("--out writes JSON lines: give it a name ending in .jsonl, got \(out)") }
    }

    /// The grid, from the spec file or the flags.
    func sweepSpec() throws -> SweepSpec {
        do {
            if let spec {
                let bytes: [UInt8]
                do throws(PolicyFileError) { bytes = try AtomicFile.read(spec) } catch {
                    throw CommandError("the spec: \(error.message)", exitCode: ExitStatus.of(error.kind))
                }
                // A spec that is there but not UTF-8 JSON is bad data (65), not a missing input.
                guard bytes.count <= SweepSpec.maximumFileBytes, let text = String(validating: bytes, as: UTF8.self) else {
                    throw CommandError(
                        "\(spec): not a spec (UTF-8 JSON of at most \(SweepSpec.maximumFileBytes) bytes)", exitCode: ExitStatus.dataError)
                }
                return try SweepSpec(json: text)
            }
            var parsed: [SweepSetting] = []
            for setting in settings { parsed.append(try SweepSetting(parsing: setting)) }
            return SweepSpec(
                worlds: env, agents: agent.isEmpty ? [QLearning.id] : agent, settings: parsed,
                seeds: try parseSeeds(seeds ?? "1"), episodes: episodes, steps: steps,
                evaluationEpisodes: evalEpisodes ?? 100, evaluationInterval: evalEvery)
        } catch let error as SettingError {
            throw gridError(error)
        }
    }

    /// A grid that does not fit: what a spec file says is bad data (65), what the flags say a
    /// usage error (64).
    func gridError(_ error: SettingError) -> CommandError {
        CommandError(
            (spec.map { "\($0): " } ?? "") + error.message,
            exitCode: spec != nil && error.kind == .usage ? ExitStatus.dataError : ExitStatus.of(error))
    }

    func run() throws {
        let runs: [SweepRun]
        let chosenShard: Shard?
        do { runs = try sweepSpec().runs() } catch let error as SettingError { throw gridError(error) }
        do throws(SettingError) {
            if let shard {
                chosenShard = try Shard(parsing: shard)
            } else {
                chosenShard = try Shard.fromSLURM(ProcessInfo.processInfo.environment)
            }
        } catch {
            throw CommandError(error.message, exitCode: ExitStatus.of(error))
        }
        let output = ConsoleStream.standardOutput
        if dryRun {
            for run in runs where chosenShard?.contains(run) ?? true {
                let settings = run.settings.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
                output.writeLine("\(run.id)  \(run.world) \(run.agent)\(settings) seed \(run.seed)")
            }
            return
        }
        let human = json ? ConsoleStream.standardError : ConsoleStream.standardOutput
        let quiet = quiet
        catchInterrupts()
        let summary: SweepSummary
        do throws(ExperimentError) {
            summary = try runSweep(
                runs, options: SweepOptions(resultsPath: out, jobs: jobs, shard: chosenShard, tensorBoard: tensorboard),
                finished: { result, done, toDo in
                    guard !quiet else { return }
                    let settings = result.settings.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
                    human.writeLine(
                        "[\(done)/\(toDo)] \(result.id) \(result.env) \(result.agent)\(settings) seed \(result.seed): "
                            + "\(result.metric) \(fixed(result.final, 2)) in \(fixed(result.seconds, 2)) s")
                },
                shouldStop: { wasInterrupted })
        } catch {
            // A results file that cannot be written (a full disk) is 74; one that is damaged 65.
            throw CommandError(error)
        }
        let shardWords = chosenShard.map { " (shard \($0.index)/\($0.count))" } ?? ""
        human.writeLine(
            "\(summary.finished) runs finished, \(summary.skipped) already in \(out), of \(summary.runs)\(shardWords)"
                + " in \(fixed(summary.seconds, 2)) s" + (summary.failures.isEmpty ? "." : "; \(summary.failures.count) failed:"))
        for failure in summary.failures { ConsoleStream.standardError.writeLine("  \(failure)") }
        if summary.interrupted {
            human.writeLine("Interrupted: run the same command again to finish the sweep.")
        }
        if json {
            ConsoleStream.standardOutput.writeLine(
                JSONText.encode(
                    SweepSummaryLine(
                        runs: summary.runs, finished: summary.finished, skipped: summary.skipped, failed: summary.failures.count,
                        interrupted: summary.interrupted, seconds: summary.seconds, results: out)))
        }
        if summary.interrupted { throw ExitCode(interruptExitCode) }
        if let first = summary.invalidLines.first {
            let more = summary.invalidLines.count > 1 ? " (and \(summary.invalidLines.count - 1) more)" : ""
            throw CommandError(
                "\(out): line \(first)\(more) is not a valid result: its run was done again, but rl report refuses the file until the line is removed",
                exitCode: ExitStatus.dataError)
        }
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }
}

/// `rl sweep --json`'s summary.
struct SweepSummaryLine: Encodable {
    var runs, finished, skipped, failed: Int
    var interrupted: Bool
    var seconds: Double
    var results: String
}
