import RLRender
import ArgumentParser
import RLApp
import RLPong
import RLTabular
import RLCore

extension PongObservationMode: ExpressibleByArgument {}

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a Q-learning agent and save its policy.",
        discussion: """
        Defaults: the 'default' preset (markov observation, decaying epsilon and learning rate, \
        discount 0.9). '--preset tutorial' is the tutorial's run. A flag overrides the preset's value; \
        a rate given without its '-end' flag is constant.
        """)

    @Option(help: "Environment to train: pong or cliff-walking.")
    var env: EnvironmentName = .pong

    @Option(parsing: .unconditional, help: "Episodes to play (1...10000000).")
    var episodes = 6000

    @Option(parsing: .unconditional, help: "Seed of the run: the same seed gives the same policy file.")
    var seed: UInt64 = 1

    @Option(help: "Starting point for the hyperparameters: default or tutorial.")
    var preset: Preset?

    @Option(parsing: .unconditional, help: "Learning rate α at the start (0...1].")
    var learningRate: Double?

    @Option(parsing: .unconditional, help: "Learning rate at the end of its decay (0...1).")
    var learningRateEnd: Double?

    @Option(parsing: .unconditional, help: "Discount γ (0...1).")
    var discount: Double?

    @Option(parsing: .unconditional, help: "Exploration rate ε at the start (0...1).")
    var epsilon: Double?

    @Option(parsing: .unconditional, help: "Exploration rate at the end of its decay (0...1).")
    var epsilonEnd: Double?

    @Option(parsing: .unconditional, help: "Share of the episodes over which epsilon and the learning rate decay (0...1).")
    var decay: Double?

    @Option(help: "Pong observation: classic (paddle, ball y, ball x) or markov (adds the ball's direction).")
    var observation: PongObservationMode?

    @Flag(help: "Give Pong's paddle a third action, stay.")
    var stay = false

    @Option(help: "Where to save the policy (default: policies/<env>.safetensors).")
    var out: String?

    @Option(help: "Write one CSV row per episode (episode, return, steps, hits, misses, avoidable_misses, epsilon; with --eval-every also eval_return, eval_steps, eval_avoidable_misses).")
    var log: String?

    @Option(parsing: .unconditional, help: "Every N episodes, a short greedy evaluation, printed and logged (1...10000000).")
    var evalEvery: Int?

    @Option(parsing: .unconditional, help: "Episodes of each --eval-every evaluation (1...100000).")
    var evalEpisodes = 20

    @Flag(help: "Print only the final summary.")
    var quiet = false

    @Flag(help: "Print a JSON summary on stdout (progress goes to stderr).")
    var json = false

    func validate() throws {
        guard (1...10_000_000).contains(episodes) else {
            throw ValidationError("--episodes must be in 1...10000000, got \(episodes)")
        }
        for (name, value) in [("--learning-rate", learningRate), ("--learning-rate-end", learningRateEnd),
                              ("--discount", discount), ("--epsilon", epsilon), ("--epsilon-end", epsilonEnd),
                              ("--decay", decay)] {
            if let value, !(value >= 0 && value <= 1) {
                throw ValidationError("\(name) must be in 0...1, got \(value)")
            }
        }
        if let evalEvery, !(1...10_000_000).contains(evalEvery) {
            throw ValidationError("--eval-every must be in 1...10000000, got \(evalEvery)")
        }
        guard (1...100_000).contains(evalEpisodes) else {
            throw ValidationError("--eval-episodes must be in 1...100000, got \(evalEpisodes)")
        }
        if learningRate == 0 { throw ValidationError("--learning-rate must be above 0") }
        if env == .cliffWalking && (observation != nil || stay || preset != nil) {
            throw ValidationError("--observation, --stay and --preset apply to pong only")
        }
    }

    /// The preset's hyperparameters with the flags applied.
    func hyperparameters() throws -> Hyperparameters {
        var result = env == .pong ? (preset ?? .standard).hyperparameters : .cliffWalking
        func apply(_ schedule: inout Schedule, start: Double?, end: Double?) {
            if let start { schedule = .constant(start) }
            if let end {
                schedule.end = end
                if schedule.decayFraction == 0 { schedule.decayFraction = 1 }
            }
            if let decay, !schedule.isConstant { schedule.decayFraction = decay }
        }
        apply(&result.learningRate, start: learningRate, end: learningRateEnd)
        apply(&result.epsilon, start: epsilon, end: epsilonEnd)
        if let discount { result.discount = discount }
        do { try result.validate() } catch { throw CommandError(error.message, exitCode: 64) }
        return result
    }

    func run() throws {
        let environment: EnvironmentSpec
        switch env {
        case .pong:
            environment = .pong(PongConfiguration(observation: observation ?? (preset ?? .standard).observation, allowsStay: stay))
        case .cliffWalking:
            environment = .cliffWalking(CliffWalkingConfiguration())
        }
        var options = TrainingOptions(
            environment: environment, episodes: episodes, seed: seed, hyperparameters: try hyperparameters(),
            outputPath: out ?? env.defaultPolicyPath, logPath: log)
        options.reportInterval = min(500, episodes)
        options.evaluationInterval = evalEvery
        options.evaluationEpisodes = evalEpisodes

        let human = json ? ConsoleStream.standardError : ConsoleStream.standardOutput
        let view = TrainingProgressView(stream: human, quiet: quiet)
        catchInterrupts()
        let outcome: TrainingOutcome
        do {
            outcome = try runTraining(options, observe: view.handle, shouldStop: { wasInterrupted })
        } catch {
            view.finish()
            throw CommandError(error)
        }
        view.finish()

        let summary = [
            outcome.interrupted
                ? "Interrupted after \(outcome.episodes) of \(outcome.episodesRequested) episodes."
                : "Trained \(outcome.episodes) episodes of \(outcome.environment).",
            "\(grouped(outcome.steps)) environment steps in \(fixed(outcome.seconds, 3)) s: \(grouped(Int(outcome.stepsPerSecond.rounded()))) steps/s.",
            "Average return over the last \(min(options.reportInterval, outcome.episodes)) episodes: \(fixed(outcome.finalMeanReturn, 1)); best return: \(fixed(outcome.bestReturn, 1)).",
            "Policy saved to \(outcome.policy)" + (outcome.log.map { "; log written to \($0)" } ?? "") + ".",
        ]
        for line in summary { human.writeLine(line) }
        if json { ConsoleStream.standardOutput.writeLine(JSONText.encode(outcome)) }
        if outcome.interrupted { throw ExitCode(interruptExitCode) }
    }
}
