import ArgumentParser
import Foundation
import RLApp
import RLCore
import RLRender
import RLTabular

struct TrainCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "train",
            abstract: "Train an agent on a world and save its policy.",
            discussion: """
                Hyperparameters start from the world's defaults for the agent (or a --preset) and a flag \
                overrides one value. A rate given without its '-end' flag is constant; with its '-end' flag \
                it decays linearly over --decay of the run (default \(formatNumber(Hyperparameters.defaultDecay)), as the \
                defaults do). --resume continues an interrupted run from its policy file alone.

                \(RegistryHelp.text)
                """)
    }

    @OptionGroup var worldOption: WorldOption
    var env: String? { worldOption.id }

    @Option(help: "Agent to train (listed below; default q-learning).")
    var agent: String?

    @Option(
        parsing: .unconditional,
        help: "Episodes to play (1...10000000; default the world's: 6000, FrozenLake 20000, 8x8 60000, pong-duel 20000, Blackjack 200000).")
    var episodes: Int?

    @Option(
        parsing: .unconditional,
        help:
            "Train by environment steps, in whole episodes, schedules decaying over the steps (1...1000000000). A deep agent's default is the world's, rl-zoo3's (cart-pole 50000 dqn, 100000 ppo); others train by --episodes unless given."
    )
    var steps: Int?

    @Option(parsing: .unconditional, help: "Seed of the run: the same seed gives the same policy file (default 1).")
    var seed: UInt64?

    @Option(help: "A world's named starting point for its settings and hyperparameters (Pong: default or tutorial).")
    var preset: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(SharedSetting.learningRate.help(forFlag: "learning-rate")))
    var learningRate: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp(SharedSetting.learningRate.help(forFlag: "learning-rate-end")))
    var learningRateEnd: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp(SharedSetting.discount.help(forFlag: "discount")))
    var discount: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp(SharedSetting.epsilon.help(forFlag: "epsilon")))
    var epsilon: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp(SharedSetting.epsilon.help(forFlag: "epsilon-end")))
    var epsilonEnd: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp(SharedSetting.decayHelp))
    var decay: Double?

    @Option(help: "Where to save the policy, a .safetensors file (default: policies/<env>.safetensors; with --resume, the resumed file).")
    var out: String?

    @Option(
        help:
            "Write one CSV row per episode: episode, return, steps, the world's metrics, epsilon (with --eval-every also the evaluations).")
    var log: String?

    @Option(parsing: .unconditional, help: "Every N episodes, a short greedy evaluation, printed and logged (1...10000000).")
    var evalEvery: Int?

    @Option(parsing: .unconditional, help: "Episodes of each --eval-every evaluation (1...100000).")
    var evalEpisodes = 20

    @Flag(
        help:
            "Keep the best --eval-every evaluation (rl-zoo3's best model): a deep agent's file holds those networks; a table's run also writes NAME.best.safetensors beside --out."
    )
    var keepBest = false

    @Option(help: "Save a copy of the policy after these episodes, N,N,... (beside --out: NAME.episode-N.safetensors).")
    var snapshotAt: String?

    @Option(
        help:
            "Every N episodes, save a checkpoint that --resume continues, beside --out: NAME.checkpoint-N.safetensors (1...1000000000)."
    )
    var checkpointEvery: Int?

    @Option(help: "Continue the interrupted run saved in this policy file, to the episode count it was started with.")
    var resume: String?

    @Option(
        help: "Write TensorBoard event files to this folder: episode return and length, ε, α, the world's metrics, reports, evaluations.")
    var tensorboard: String?

    @Option(
        help:
            "Append one JSON line per report interval (and per --eval-every evaluation) to this file while training; '-' for stdout (then --json's summary is the stream's last line)."
    )
    var progressJsonl: String?

    @Flag(help: "Print only the final summary.")
    var quiet = false

    @Flag(help: "Print a JSON summary on stdout (progress goes to stderr).")
    var json = false

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The world's and the agent's own flags (listed below).", visibility: .hidden))
    var settingFlags: [String] = []

    var worldID: String { env ?? Registry.defaultWorld.id }

    /// The shared settings' flags given (``SharedSetting``), by flag name.
    var sharedSettingFlags: [(flag: String, value: Double)] {
        [
            ("learning-rate", learningRate), ("learning-rate-end", learningRateEnd), ("discount", discount),
            ("epsilon", epsilon), ("epsilon-end", epsilonEnd), (SharedSetting.decayFlag, decay),
        ]
        .compactMap { flag, value in value.map { (flag, $0) } }
    }
    var agentID: String { agent ?? QLearning.id }

    func validate() throws {
        try requireFlag("episodes", episodes, in: 1...10_000_000)
        try requireFlag("steps", steps, in: 1...1_000_000_000)
        try requireFlag("checkpoint-every", checkpointEvery, in: 1...1_000_000_000)
        do throws(SettingError) {
            for (flag, value) in sharedSettingFlags { try SharedSetting.check(value, forFlag: flag) }
        } catch {
            throw ValidationError(error.message)
        }
        try requireFlag("eval-every", evalEvery, in: 1...10_000_000)
        try requireFlag("eval-episodes", evalEpisodes, in: 1...100_000)
        // A device (`--out /dev/null`) is not refused by its name: writing it fails with 74, as
        // the README says.
        if let out, !out.hasSuffix(".safetensors"), !isDevice(out) {
            throw ValidationError("--out writes a safetensors policy: give it a name ending in .safetensors, got \(out)")
        }
        if let log, !log.hasSuffix(".csv") {
            throw ValidationError("--log writes CSV: give it a name ending in .csv, got \(log)")
        }
        if resume != nil {
            let fromFile = [
                ("--env", env != nil), ("--agent", agent != nil), ("--episodes", episodes != nil), ("--steps", steps != nil),
                ("--seed", seed != nil),
                ("--preset", preset != nil), ("--learning-rate", learningRate != nil), ("--learning-rate-end", learningRateEnd != nil),
                ("--discount", discount != nil), ("--epsilon", epsilon != nil), ("--epsilon-end", epsilonEnd != nil),
                ("--decay", decay != nil), ("the world's and agent's flags", !settingFlags.isEmpty),
            ]
            .filter(\.1).map(\.0)
            if !fromFile.isEmpty {
                throw ValidationError("--resume takes every setting from the policy file: drop \(fromFile.joined(separator: ", "))")
            }
            return
        }
        guard let agentDescription = Registry.agent(agentID) else {
            throw ValidationError("--agent: unknown agent '\(agentID)' (this rl knows \(Registry.agentList))")
        }
        do throws(SettingError) {
            for (flag, _) in sharedSettingFlags { try agentDescription.checkUses(sharedFlag: flag) }
        } catch {
            throw ValidationError(error.message)
        }
        if keepBest && evalEvery == nil {
            throw ValidationError("--keep-best keeps the best --eval-every evaluation: give --eval-every N too")
        }
        _ = try parsedSettings()
    }

    /// The world's and the agent's flags, split and checked against their declarations.
    func parsedSettings() throws -> (world: [(name: String, value: String?)], agent: [(name: String, value: String?)]) {
        let world = Registry.world(worldID)!
        let agent = Registry.agent(agentID)!
        let flags: [(owner: Int, flag: SettingFlags.Flag)]
        do throws(SettingFlags.Failure) {
            flags = try SettingFlags.parse(
                settingFlags, declarations: [world.takesValue, agent.takesValue], owners: "world \(world.id) and agent \(agent.id)")
        } catch {
            throw ValidationError(error.message)
        }
        return (flags.filter { $0.owner == 0 }.map(\.flag), flags.filter { $0.owner == 1 }.map(\.flag))
    }

    /// The agent of the policy already at `path`, if a readable one is there.
    func replacedAgent(at path: String) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try? Policy.load(from: path).metadata.agent
    }

    /// The world's defaults (or preset) with the hyperparameter flags applied.
    func hyperparameters(world: ConfiguredWorld) throws -> Hyperparameters {
        let result = world.defaultHyperparameters(forAgent: agentID, preset: preset).overriding(
            learningRate: learningRate, learningRateEnd: learningRateEnd, epsilon: epsilon, epsilonEnd: epsilonEnd,
            discount: discount, decay: decay)
        do { try result.validate() } catch { throw CommandError.usage(error.message) }
        return result
    }

    func run() throws {
        var options: TrainingOptions
        if let resume {
            let saved: Policy
            do { saved = try Policy.load(from: resume) } catch { throw CommandError(error) }
            do {
                options = try TrainingOptions(resuming: saved, outputPath: out ?? resume, logPath: log)
            } catch {
                throw CommandError("\(resume): \(error.message)", exitCode: ExitStatus.dataError)
            }
        } else {
            let world = Registry.world(worldID)!
            let flags = try parsedSettings()
            let configured: ConfiguredWorld
            let settings: String
            do {
                configured = try world.configure(preset: preset, flags: flags.world)
                // An agent starts from the world's settings for it; the user's flags come after.
                settings = try Registry.agent(agentID)!.settings(configured.defaultSettings(forAgent: agentID) + flags.agent)
            } catch {
                // A flag that does not fit is 64; a --map-file that is missing 66, malformed 65.
                throw CommandError(error)
            }
            let deep = configured.deepDefaults(forAgent: agentID)
            // A deep agent's run is counted in steps: episodes only cap it when given.
            // A run by steps (any agent given --steps) only caps its episodes when told.
            let episodes = episodes ?? (deep != nil || steps != nil ? 10_000_000 : configured.defaultEpisodes)
            options = TrainingOptions(
                world: world.id, configuration: configured.configuration, agent: agentID, agentSettings: settings,
                episodes: episodes, seed: seed ?? 1, hyperparameters: try hyperparameters(world: configured),
                outputPath: out ?? PolicyPaths.trained(world.id), logPath: log)
            options.steps = deep.map { steps ?? $0.steps } ?? steps
            options.reportInterval = min(deep != nil ? 100 : 500, episodes)
        }
        // A resumed run that keeps its best evaluates as it did (the file says how); others as asked.
        if !(resume != nil && options.keepsBest) {
            options.evaluationInterval = evalEvery
            options.evaluationEpisodes = evalEpisodes
            options.keepsBest = keepBest
        }
        options.checkpointInterval = checkpointEvery
        // A deep agent whose world keeps its best evaluation by default (DQN's Cart Pole).
        if resume == nil, evalEvery == nil,
            let every = Registry.world(options.world).flatMap({ try? $0.configured(fromJSON: options.configuration) })?
                .deepDefaults(forAgent: options.agent)?.keepBestEvery
        {
            options.evaluationInterval = every
            options.keepsBest = true
        }
        if let snapshotAt {
            let episodes = snapshotAt.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !episodes.isEmpty, episodes.count <= 1000, episodes.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= options.episodes }) else {
                throw CommandError.usage(
                    "--snapshot-at takes up to 1000 episode numbers in 1...\(options.episodes), N,N,..., got '\(snapshotAt)'")
            }
            options.snapshotEpisodes = Set(episodes.map { $0! })
        }

        // A progress stream on stdout moves the human words to stderr, as --json does.
        let human = json || progressJsonl == "-" ? ConsoleStream.standardError : ConsoleStream.standardOutput
        let view = TrainingProgressView(stream: human, quiet: quiet)
        let logs: RunLogs
        do { logs = try RunLogs(tensorBoard: tensorboard, progressPath: progressJsonl) } catch { throw CommandError(error) }
        if resume == nil && out == nil, let replaced = replacedAgent(at: options.outputPath), replaced != options.agent {
            // The default file is the world's, whatever the agent: say so before it is replaced.
            ConsoleStream.standardError.writeLine(
                "note: \(options.outputPath) holds a \(replaced) policy, which this \(options.agent) run replaces (--out names another file)"
            )
        }
        catchInterrupts()
        let outcome: TrainingOutcome
        do {
            outcome = try runTraining(
                options,
                observe: {
                    view.handle($0); logs.handle($0)
                },
                observeEpisodes: logs.wantsEpisodes ? logs.episode : nil, shouldStop: { wasInterrupted })
        } catch {
            view.finish()
            _ = logs.finish()
            throw CommandError(error)
        }
        view.finish()
        // The logs are outputs: one that could not be written is an I/O error (74).
        if let failure = logs.finish() { throw CommandError("the run's logs: \(failure)", exitCode: ExitStatus.inputOutputError) }

        let agentWords = outcome.agent == QLearning.id ? "" : " with \(outcome.agent)"
        let summary =
            outcome.planning.map { PlanningText.summary(outcome, $0) } ?? [
                outcome.interrupted && options.steps != nil
                    ? "Interrupted after \(grouped(outcome.steps)) of \(grouped(options.steps!)) steps; the policy holds what was learned so far."
                    : outcome.interrupted
                        ? "Interrupted after \(outcome.episodes) of \(outcome.episodesRequested) episodes; 'rl train --resume \(outcome.policy)' continues the run."
                        : (outcome.resumed
                            ? "Resumed and trained to \(outcome.episodes) episodes of \(outcome.environment)\(agentWords)."
                            : options.steps != nil
                                ? "Trained \(grouped(outcome.steps)) steps (\(outcome.episodes) episodes) of \(outcome.environment)\(agentWords)."
                                : "Trained \(outcome.episodes) episodes of \(outcome.environment)\(agentWords)."),
                "\(grouped(outcome.steps)) environment steps in \(fixed(outcome.seconds, 3)) s: \(grouped(Int(outcome.stepsPerSecond.rounded()))) steps/s"
                    + (outcome.resumed ? " (this part of the run)." : "."),
                "Average return over the last \(min(options.reportInterval, outcome.episodes)) episodes: \(fixed(outcome.finalMeanReturn, 1)); best return: \(fixed(outcome.bestReturn, 1)).",
                "Policy saved to \(outcome.policy)" + (outcome.log.map { "; log written to \($0)" } ?? "") + ".",
            ]
        for line in summary { human.writeLine(line) }
        if json { ConsoleStream.standardOutput.writeLine(JSONText.encode(outcome)) }
        if outcome.interrupted { throw ExitCode(interruptExitCode) }
    }
}

/// The worlds and agents of the registry, with their flags, for `rl train --help`: each entry
/// wrapped under its own column, so no line starts at column 0 but the headings.
enum RegistryHelp {
    /// Narrower than an 80-column terminal, so the help's own wrapping never breaks a line again.
    static let width = 79

    /// `text` after `head`, broken at spaces into lines of at most ``width`` characters, the later
    /// ones indented by `indent` spaces.
    static func hanging(_ head: String, _ text: String, indent: Int) -> [String] {
        var lines: [String] = []
        var line = head
        var lineHasWords = false
        for word in text.split(separator: " ") {
            if lineHasWords && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasWords = false
            }
            line += (lineHasWords || !line.hasSuffix(" ") ? " " : "") + word
            lineHasWords = true
        }
        lines.append(line)
        return lines
    }

    static var text: String {
        func flagLines(_ flags: [(name: String, valueName: String?, help: String)]) -> [String] {
            flags.flatMap { flag in
                let usage = "--\(flag.name)" + (flag.valueName.map { " <\($0)>" } ?? "")
                let column = String(repeating: " ", count: 40)
                // A usage too long for its column puts its help on the lines below, in the column.
                return usage.count >= 34
                    ? ["      " + usage] + hanging(column, flag.help, indent: column.count)
                    : hanging("      " + usage.padding(to: 34), flag.help, indent: column.count)
            }
        }
        var lines = ["WORLDS (--env):"]
        for world in Registry.worlds {
            lines += hanging("  " + world.id.padding(to: 20), world.summary, indent: 22)
            lines += flagLines(world.flagHelp)
            if !world.presets.isEmpty {
                lines += hanging("      presets:", world.presets.map { "\($0.name) (\($0.summary))" }.joined(separator: "; "), indent: 8)
            }
            if !world.capabilities.isEmpty {
                lines += hanging("      has:", world.capabilities.names.joined(separator: ", "), indent: 8)
            }
        }
        lines += ["", "AGENTS (--agent):"]
        func sharedLines(_ agent: AgentDescription) -> [String] {
            hanging("      takes:", SharedSetting.flags(of: agent.sharedSettings).map { "--" + $0 }.joined(separator: ", "), indent: 8)
        }
        for agent in Registry.agents {
            lines += hanging("  " + agent.id.padding(to: 20), agent.summary, indent: 22)
            lines += sharedLines(agent)
            lines += flagLines(agent.flagHelp)
        }
        for planner in Registry.planners {
            lines += hanging("  " + planner.id.padding(to: 20), planner.summary, indent: 22)
            lines += sharedLines(planner.agentDescription)
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string padded with spaces to at least `width` characters.
    func padding(to width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
