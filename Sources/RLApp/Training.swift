import Foundation
import RLCliffWalking
import RLCore
import RLPong
import RLTabular

/// What `rl train` is asked to do.
public struct TrainingOptions: Sendable {
    public var environment: EnvironmentSpec
    public var episodes: Int
    public var seed: UInt64
    public var hyperparameters: Hyperparameters
    /// Where the policy is saved.
    public var outputPath: String
    /// Where the per-episode CSV log goes, if anywhere.
    public var logPath: String?
    /// Episodes per progress report line (the tutorial's 500).
    public var reportInterval = 500
    /// Every this many episodes, a short greedy evaluation of the agent so far; `nil` for none.
    public var evaluationInterval: Int?
    /// Episodes in each of those evaluations.
    public var evaluationEpisodes = 20

    public init(environment: EnvironmentSpec, episodes: Int, seed: UInt64, hyperparameters: Hyperparameters, outputPath: String, logPath: String? = nil) {
        self.environment = environment
        self.episodes = episodes
        self.seed = seed
        self.hyperparameters = hyperparameters
        self.outputPath = outputPath
        self.logPath = logPath
    }
}

/// The tutorial's periodic report, in English: over the last interval of episodes.
public struct IntervalReport: Sendable, Equatable {
    /// Episodes played so far.
    public var episodes: Int
    public var averageReturn: Double
    public var averageSteps: Double
    /// The best return of any episode so far.
    public var bestReturn: Double
}

/// A short greedy evaluation made during training (`rl train --eval-every`).
public struct EvaluationPoint: Sendable, Codable, Equatable {
    /// Training episodes played before it.
    public var episodes: Int
    /// Greedy episodes played.
    public var evaluationEpisodes: Int
    public var meanReturn: Double
    public var meanSteps: Double
    /// Pong only.
    public var avoidableMissesPerEpisode: Double?
}

/// What training tells its observer as it goes.
public enum TrainingEvent: Sendable {
    /// An episode finished: `episodes` of `total` are done.
    case progress(episodes: Int, total: Int, steps: Int, elapsedSeconds: Double)
    /// Every ``TrainingOptions/reportInterval`` episodes.
    case report(IntervalReport)
    /// Every ``TrainingOptions/evaluationInterval`` episodes.
    case evaluation(EvaluationPoint)
}

/// The outcome of `rl train` (also its `--json` output).
public struct TrainingOutcome: Sendable, Codable, Equatable {
    public var environment: String
    public var episodes: Int
    public var episodesRequested: Int
    public var steps: Int
    public var seconds: Double
    public var stepsPerSecond: Double
    public var episodesPerSecond: Double
    public var finalMeanReturn: Double
    public var bestReturn: Double
    public var seed: UInt64
    /// The path the policy was written to.
    public var policy: String
    public var log: String?
    /// Ctrl-C stopped the run; the policy holds what was learned so far.
    public var interrupted: Bool
    /// The last greedy evaluation made during training, with `--eval-every`.
    public var lastEvaluation: EvaluationPoint?
}

/// Trains a fresh Q-learning agent as `options` say, saves the policy (atomically, also when
/// stopped early), writes the CSV log if asked, and returns the outcome.
///
/// - Parameters:
///   - observe: sees progress and the periodic reports.
///   - shouldStop: checked after every episode (Ctrl-C).
public func runTraining(
    _ options: TrainingOptions,
    observe: (TrainingEvent) -> Void = { _ in },
    shouldStop: () -> Bool = { false }
) throws(PolicyFileError) -> TrainingOutcome {
    // Fail before training, not after: a bad --out or --log must not waste the run.
    try AtomicFile.checkWritable(options.outputPath)
    if let logPath = options.logPath {
        try AtomicFile.checkWritable(logPath)
        if URL(fileURLWithPath: logPath).resolvingSymlinksInPath() == URL(fileURLWithPath: options.outputPath).resolvingSymlinksInPath() {
            throw PolicyFileError("the log and the policy would be the same file: \(logPath)")
        }
    }
    // A switch on the concrete type, so the trainer is specialised for each environment.
    switch options.environment {
    case .pong(let configuration):
        let environment = try! PongEnvironment(configuration: configuration)
        return try runTraining(on: environment, options, observe: observe, shouldStop: shouldStop)
    case .cliffWalking(let configuration):
        return try runTraining(on: CliffWalking.capped(at: configuration.maxSteps), options, observe: observe, shouldStop: shouldStop)
    }
}

func runTraining<E: DescribedEnvironment>(
    on environment: E, _ options: TrainingOptions,
    observe: (TrainingEvent) -> Void, shouldStop: () -> Bool
) throws(PolicyFileError) -> TrainingOutcome {
    var environment = environment
    var agent = QLearningAgent(
        observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
        hyperparameters: options.hyperparameters, seed: derivedSeed(options.seed, purpose: SeedPurpose.agent))
    // The log streams into a temporary file that replaces the destination at the end.
    let log = try options.logPath.map { path throws(PolicyFileError) in
        try TrainingLog(path: path, withEvaluations: options.evaluationInterval != nil)
    }
    var logFailure: PolicyFileError?
    // Evaluations play a greedy copy of the agent on a copy of the untouched environment, with
    // evaluation seeds: training's own generators never see them, so the run (and its policy
    // file) is the same with or without them.
    let evaluationEnvironment = environment
    let evaluationSeed = derivedSeed(options.seed, purpose: SeedPurpose.evaluation)
    var lastEvaluation: EvaluationPoint?
    var window = MovingWindow(capacity: options.reportInterval)
    var windowSteps = MovingWindow(capacity: options.reportInterval)
    var bestReturn = -Double.infinity
    var stepsSoFar = 0
    let clock = ContinuousClock()
    let start = clock.now

    let result = train(
        &agent, on: &environment, episodes: options.episodes,
        seed: derivedSeed(options.seed, purpose: SeedPurpose.training)
    ) { record, agentSoFar in
        window.push(record.totalReward)
        windowSteps.push(Double(record.steps))
        bestReturn = max(bestReturn, record.totalReward)
        stepsSoFar += record.steps
        let played = record.episode + 1
        var evaluation: EvaluationPoint?
        if let interval = options.evaluationInterval, played % interval == 0 {
            // A fresh greedy agent over the table so far, seeded as `rl eval` seeds one: the
            // last evaluation equals `rl eval --seed <seed> --episodes <n>` of the saved policy.
            var greedy = QLearningAgent(
                observationSpace: agentSoFar.observationSpace, actionSpace: agentSoFar.actionSpace,
                hyperparameters: options.hyperparameters, table: agentSoFar.table,
                seed: derivedSeed(options.seed, purpose: SeedPurpose.agent))
            var court = evaluationEnvironment
            let records = evaluate(&greedy, on: &court, episodes: options.evaluationEpisodes, seed: evaluationSeed)
            let report = EvaluationReport(environment: options.environment.name.rawValue, agent: "", seed: options.seed, records: records)
            evaluation = EvaluationPoint(
                episodes: played, evaluationEpisodes: records.count, meanReturn: report.meanReturn,
                meanSteps: report.meanSteps, avoidableMissesPerEpisode: report.avoidableMissesPerEpisode)
            lastEvaluation = evaluation
        }
        if let log, logFailure == nil {
            do throws(PolicyFileError) {
                try log.append(record, epsilon: options.hyperparameters.epsilon.value(atEpisode: record.episode, of: options.episodes),
                               evaluation: evaluation)
            } catch {
                logFailure = error
            }
        }
        observe(.progress(episodes: played, total: options.episodes, steps: stepsSoFar, elapsedSeconds: seconds(clock.now - start)))
        if played % options.reportInterval == 0 {
            observe(.report(IntervalReport(episodes: played, averageReturn: window.mean, averageSteps: windowSteps.mean, bestReturn: bestReturn)))
        }
        if let evaluation { observe(.evaluation(evaluation)) }
        return shouldStop() ? .stop : .proceed
    }
    let elapsed = max(seconds(clock.now - start), 1e-9)
    let interrupted = result.episodes < options.episodes

    let summary = TrainingSummary(
        episodes: result.episodes, steps: result.steps, finalMeanReturn: window.mean,
        window: options.reportInterval, bestReturn: bestReturn, interrupted: interrupted)
    let policy = Policy(table: agent.table, metadata: PolicyMetadata(
        environment: options.environment.name.rawValue, configuration: options.environment.configurationJSON,
        observation: options.environment.observationMode, stateDimensions: options.environment.stateDimensionNames,
        actions: options.environment.actionNames, hyperparameters: options.hyperparameters, seed: options.seed,
        summary: summary))
    try policy.save(to: options.outputPath)
    if let logFailure { throw logFailure }
    try log?.finish()

    return TrainingOutcome(
        environment: options.environment.name.rawValue, episodes: result.episodes, episodesRequested: options.episodes,
        steps: result.steps, seconds: elapsed, stepsPerSecond: Double(result.steps) / elapsed,
        episodesPerSecond: Double(result.episodes) / elapsed, finalMeanReturn: window.mean, bestReturn: bestReturn,
        seed: options.seed, policy: options.outputPath, log: options.logPath, interrupted: interrupted,
        lastEvaluation: lastEvaluation)
}

/// The per-episode CSV log: episode, return, steps, hits, misses, avoidable misses, epsilon;
/// with evaluations, three more columns (greedy mean return, mean steps and avoidable misses
/// per episode), filled only on the episodes after which an evaluation ran.
/// Pong's columns are empty for other environments. Rows are buffered and flushed in blocks,
/// so a long run does not hold its whole log in memory.
final class TrainingLog {
    static let header = "episode,return,steps,hits,misses,avoidable_misses,epsilon"
    static let evaluationHeader = ",eval_return,eval_steps,eval_avoidable_misses"
    private let writer: AtomicFileWriter
    private let withEvaluations: Bool
    private var pending: String

    init(path: String, withEvaluations: Bool = false) throws(PolicyFileError) {
        writer = try AtomicFileWriter(path: path)
        self.withEvaluations = withEvaluations
        pending = Self.header + (withEvaluations ? Self.evaluationHeader : "") + "\n"
    }

    func append(_ record: EpisodeRecord<some ReportedCounters>, epsilon: Double, evaluation: EvaluationPoint? = nil) throws(PolicyFileError) {
        let pong = record.counters.pong
        let counts = [pong?.hits, pong?.misses, pong?.avoidableMisses].map { $0.map(String.init) ?? "" }
        pending += "\(record.episode + 1),\(formatNumber(record.totalReward)),\(record.steps),\(counts.joined(separator: ",")),\(formatNumber(epsilon))"
        if withEvaluations {
            if let evaluation {
                pending += ",\(formatNumber(evaluation.meanReturn)),\(formatNumber(evaluation.meanSteps)),"
                    + (evaluation.avoidableMissesPerEpisode.map(formatNumber) ?? "")
            } else {
                pending += ",,,"
            }
        }
        pending += "\n"
        if pending.utf8.count >= 1 << 16 { try flush() }
    }

    /// Writes what is buffered and puts the file in place.
    func finish() throws(PolicyFileError) {
        try flush()
        try writer.commit()
    }

    private func flush() throws(PolicyFileError) {
        try writer.append(pending)
        pending = ""
    }
}

/// A number in its shortest exact form, without a trailing ".0" for whole numbers.
func formatNumber(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
