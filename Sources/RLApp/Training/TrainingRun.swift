import Foundation
import RLCore
import RLTabular

/// What `rl train` is asked to do.
public struct TrainingOptions: Sendable {
    /// The world's registry id and its configuration as JSON.
    public var world: String
    public var configuration: String
    /// The agent's registry id and its settings as JSON.
    public var agent: String
    public var agentSettings: String
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
    /// A saved run to continue (`rl train --resume`): its tables, generators and training state.
    public var resuming: Policy?

    public init(world: String, configuration: String, agent: String = QLearning.id, agentSettings: String = "{}",
                episodes: Int, seed: UInt64, hyperparameters: Hyperparameters, outputPath: String, logPath: String? = nil) {
        self.world = world
        self.configuration = configuration
        self.agent = agent
        self.agentSettings = agentSettings
        self.episodes = episodes
        self.seed = seed
        self.hyperparameters = hyperparameters
        self.outputPath = outputPath
        self.logPath = logPath
    }

    /// Options for a registered world, with its configuration as a value.
    public init<W: WorldRegistration>(
        _ world: W.Type, configuration: W.Configuration = W.defaultConfiguration, agent: String = QLearning.id,
        agentSettings: some AgentSettings = NoAgentSettings(), episodes: Int, seed: UInt64,
        hyperparameters: Hyperparameters? = nil, outputPath: String, logPath: String? = nil
    ) {
        self.init(world: W.id, configuration: JSONText.encode(configuration), agent: agent,
                  agentSettings: JSONText.encode(agentSettings), episodes: episodes, seed: seed,
                  hyperparameters: hyperparameters ?? W.defaultHyperparameters(forAgent: agent),
                  outputPath: outputPath, logPath: logPath)
    }

    /// The options a saved run was started with, to continue it: everything comes from the file.
    public init(resuming policy: Policy, outputPath: String, logPath: String? = nil) throws(PolicyFileError) {
        let metadata = policy.metadata
        if Registry.planner(metadata.agent) != nil {
            throw PolicyFileError("it is \(metadata.agent)'s solution of its world: complete, nothing to resume")
        }
        guard metadata.formatVersion >= 2, let state = metadata.trainingState else {
            throw PolicyFileError("it cannot be resumed: it was written by an older rl (format version \(metadata.formatVersion)) that saved no training state")
        }
        guard Registry.world(metadata.environment) != nil else {
            throw PolicyFileError("it is a policy for world '\(metadata.environment)', which this rl does not know (it knows \(Registry.worldList))")
        }
        guard Registry.agent(metadata.agent) != nil else {
            throw PolicyFileError("it was trained by agent '\(metadata.agent)', which this rl does not know (it knows \(Registry.agentList))")
        }
        guard state.episodesDone < state.episodesRequested else {
            throw PolicyFileError("its run is complete (\(state.episodesDone) of \(state.episodesRequested) episodes): nothing to resume")
        }
        self.init(world: metadata.environment, configuration: metadata.configuration, agent: metadata.agent,
                  agentSettings: metadata.agentSettings, episodes: state.episodesRequested, seed: metadata.seed,
                  hyperparameters: metadata.hyperparameters, outputPath: outputPath, logPath: logPath)
        reportInterval = state.reportInterval
        resuming = policy
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
    /// The world's metrics, per episode (or as shares), by name.
    public var metrics: [String: Double]
}

/// What training tells its observer as it goes.
public enum TrainingEvent: Sendable {
    /// An episode finished: `episodes` of `total` are done.
    case progress(episodes: Int, total: Int, steps: Int, elapsedSeconds: Double)
    /// Every ``TrainingOptions/reportInterval`` episodes.
    case report(IntervalReport)
    /// Every ``TrainingOptions/evaluationInterval`` episodes.
    case evaluation(EvaluationPoint)
    /// A line from the world's ``TrainingCompanion`` (a self-play snapshot's rating).
    case note(String)
}

/// The outcome of `rl train` (also its `--json` output).
public struct TrainingOutcome: Sendable, Codable, Equatable {
    public var environment: String
    public var agent: String
    /// Episodes played in all, by this process and any it resumed.
    public var episodes: Int
    public var episodesRequested: Int
    /// Episodes this process played (fewer than `episodes` when it resumed a run).
    public var episodesThisRun: Int
    public var steps: Int
    /// Seconds and speeds of this process's part of the run.
    public var seconds: Double
    public var stepsPerSecond: Double
    public var episodesPerSecond: Double
    public var finalMeanReturn: Double
    public var bestReturn: Double
    public var seed: UInt64
    /// The path the policy was written to.
    public var policy: String
    public var log: String?
    /// Ctrl-C stopped the run; the policy holds what was learned so far, and can be resumed.
    public var interrupted: Bool
    /// The run continued a saved one.
    public var resumed: Bool
    /// The last greedy evaluation made during training, with `--eval-every`.
    public var lastEvaluation: EvaluationPoint?
    /// What a planner did (`--agent value-iteration`); `nil` for a learning agent.
    public var planning: PlanningOutcome? = nil
}

/// Trains a fresh agent (or continues a saved run) as `options` say, saves the policy
/// (atomically, also when stopped early), writes the CSV log if asked, and returns the outcome.
///
/// - Parameters:
///   - observe: sees progress and the periodic reports.
///   - observeEpisodes: when given, sees every episode in full (return, steps, rates, the
///     world's metrics): what TensorBoard logs. Without it nothing per episode is computed.
///   - shouldStop: checked after every episode (Ctrl-C).
public func runTraining(
    _ options: TrainingOptions,
    observe: @escaping (TrainingEvent) -> Void = { _ in },
    observeEpisodes: ((EpisodeSummary) -> Void)? = nil,
    shouldStop: @escaping () -> Bool = { false }
) throws(PolicyFileError) -> TrainingOutcome {
    guard let world = Registry.world(options.world) else {
        throw PolicyFileError("unknown world '\(options.world)' (this rl knows \(Registry.worldList))")
    }
    guard let agent = Registry.agent(options.agent) else {
        throw PolicyFileError("unknown agent '\(options.agent)' (this rl knows \(Registry.agentList))")
    }
    do { try options.hyperparameters.validate() } catch { throw PolicyFileError(error.message) }
    do { try agent.checkSettings(options.agentSettings) } catch { throw PolicyFileError(error.message) }
    // Fail before training, not after: a bad --out or --log must not waste the run.
    try AtomicFile.checkWritable(options.outputPath)
    if let logPath = options.logPath {
        try AtomicFile.checkWritable(logPath)
        if URL(fileURLWithPath: logPath).resolvingSymlinksInPath() == URL(fileURLWithPath: options.outputPath).resolvingSymlinksInPath() {
            throw PolicyFileError("the log and the policy would be the same file: \(logPath)")
        }
    }
    if let planner = Registry.planner(options.agent) { return try world.plan(planner, options) }
    return try world.train(options, observe, observeEpisodes, shouldStop)
}

/// One training run on world `W`, opened on the agent's concrete type by the registry.
struct TrainingRun<W: WorldRegistration>: AgentBody {
    typealias ObservationSpace = W.World.ObservationSpace
    typealias ActionSpace = W.World.ActionSpace

    let configuration: W.Configuration
    let options: TrainingOptions
    let observe: (TrainingEvent) -> Void
    let observeEpisodes: ((EpisodeSummary) -> Void)?
    let shouldStop: () -> Bool
    var result: Result<TrainingOutcome, PolicyFileError>?

    /// Trains on `W`: decodes the configuration and opens the agent (once per run).
    static func train(_ options: TrainingOptions, observe: @escaping (TrainingEvent) -> Void,
                      observeEpisodes: ((EpisodeSummary) -> Void)?,
                      shouldStop: @escaping () -> Bool) throws(PolicyFileError) -> TrainingOutcome {
        let configuration = try W.configuration(fromJSON: options.configuration)
        var run = TrainingRun(configuration: configuration, options: options, observe: observe,
                              observeEpisodes: observeEpisodes, shouldStop: shouldStop)
        guard Registry.openAgent(options.agent, &run), let result = run.result else {
            throw PolicyFileError("unknown agent '\(options.agent)' (this rl knows \(Registry.agentList))")
        }
        return try result.get()
    }

    mutating func run<A: TabularAgent>(_ agentType: A.Type)
    where A.ObservationSpace == ObservationSpace, A.ActionSpace == ActionSpace {
        do throws(PolicyFileError) {
            result = .success(try train(agentType))
        } catch {
            result = .failure(error)
        }
    }

    func train<A: TabularAgent>(_ agentType: A.Type) throws(PolicyFileError) -> TrainingOutcome
    where A.ObservationSpace == ObservationSpace, A.ActionSpace == ActionSpace {
        var environment = W.makeWorld(configuration)
        guard let settings = JSONText.decode(A.Settings.self, from: options.agentSettings) else {
            throw PolicyFileError("the settings of agent \(options.agent) are malformed")
        }
        var agent = A(observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
                      hyperparameters: options.hyperparameters, settings: settings,
                      seed: derivedSeed(options.seed, purpose: SeedPurpose.agent))
        var window = MovingWindow(capacity: options.reportInterval)
        var windowSteps = MovingWindow(capacity: options.reportInterval)
        var bestReturn = -Double.infinity
        var stepsSoFar = 0
        var firstEpisode = 0
        let companion = W.trainingCompanion(for: environment)
        if let saved = options.resuming, let state = saved.metadata.trainingState {
            try agent.restore(table: saved.table, extraTensors: saved.extraTensors)
            try companion?.restore(from: saved.extraTensors)
            guard Xoshiro256StarStar.isValidState(state.agentGenerator) else {
                throw PolicyFileError("the policy's training state holds an invalid agent generator")
            }
            agent.generatorState = state.agentGenerator
            // A world's generators (a duel's: the serves', its opponent's, a league's) are xoshiro states of four words each.
            let words = state.environmentGenerator
            guard words.count == environment.generatorState.count, words.count % 4 == 0,
                  stride(from: 0, to: words.count, by: 4).allSatisfy({ Xoshiro256StarStar.isValidState(Array(words[$0..<$0 + 4])) }) else {
                throw PolicyFileError("the policy's training state holds an invalid world generator")
            }
            environment.generatorState = state.environmentGenerator
            window = MovingWindow(capacity: options.reportInterval, contents: state.recentReturns)
            windowSteps = MovingWindow(capacity: options.reportInterval, contents: state.recentSteps)
            bestReturn = state.bestReturn
            stepsSoFar = state.steps
            firstEpisode = state.episodesDone
        }
        let metrics = W.metrics
        // The log streams into a temporary file that replaces the destination at the end.
        let log = try options.logPath.map { path throws(PolicyFileError) in
            try TrainingLog(path: path, metrics: metrics.map(\.name), withEvaluations: options.evaluationInterval != nil)
        }
        var logFailure: PolicyFileError?
        // Evaluations play a greedy copy of the agent on a copy of the untouched world, with
        // evaluation seeds: training's own generators never see them, so the run (and its
        // policy file) is the same with or without them.
        let evaluationWorld = environment
        var lastEvaluation: EvaluationPoint?
        let clock = ContinuousClock()
        let start = clock.now
        var playedThisRun = 0

        let result = RLCore.train(
            &agent, on: &environment, episodes: options.episodes, startingAt: firstEpisode,
            seed: derivedSeed(options.seed, purpose: SeedPurpose.training)
        ) { record, agentSoFar in
            window.push(record.totalReward)
            windowSteps.push(Double(record.steps))
            bestReturn = max(bestReturn, record.totalReward)
            stepsSoFar += record.steps
            playedThisRun += 1
            let played = record.episode + 1
            var evaluation: EvaluationPoint?
            if let interval = options.evaluationInterval, played % interval == 0 {
                // Seeded as `rl eval` seeds a policy: the last evaluation equals
                // `rl eval --seed <seed> --episodes <n>` of the saved policy.
                var world = evaluationWorld
                let records = playGreedy(agentSoFar.table, on: &world, episodes: options.evaluationEpisodes, seed: options.seed,
                                         shouldStop: { false })
                let report = EvaluationReport(environment: W.id, agent: "", seed: options.seed, records: records, metrics: metrics)
                evaluation = EvaluationPoint(
                    episodes: played, evaluationEpisodes: records.count, meanReturn: report.meanReturn,
                    meanSteps: report.meanSteps, metrics: report.metricValues)
                lastEvaluation = evaluation
            }
            let notes = companion?.episodeFinished(played, table: agentSoFar.table) ?? []
            if let log, logFailure == nil {
                do throws(PolicyFileError) {
                    try log.append(record, metrics: metrics,
                                   epsilon: options.hyperparameters.epsilon.value(atEpisode: record.episode, of: options.episodes),
                                   evaluation: evaluation)
                } catch {
                    logFailure = error
                }
            }
            if let observeEpisodes {
                observeEpisodes(EpisodeSummary(
                    episode: played, totalReward: record.totalReward, steps: record.steps, stepsSoFar: stepsSoFar,
                    epsilon: options.hyperparameters.epsilon.value(atEpisode: record.episode, of: options.episodes),
                    learningRate: options.hyperparameters.learningRate.value(atEpisode: record.episode, of: options.episodes),
                    metrics: metrics.map { ($0.name, $0.value(record.counters)) }))
            }
            observe(.progress(episodes: played, total: options.episodes, steps: stepsSoFar, elapsedSeconds: seconds(clock.now - start)))
            if played % options.reportInterval == 0 {
                observe(.report(IntervalReport(episodes: played, averageReturn: window.mean, averageSteps: windowSteps.mean, bestReturn: bestReturn)))
            }
            if let evaluation { observe(.evaluation(evaluation)) }
            for note in notes { observe(.note(note)) }
            return shouldStop() ? .stop : .proceed
        }
        let elapsed = max(seconds(clock.now - start), 1e-9)
        let episodesDone = firstEpisode + result.episodes
        let interrupted = episodesDone < options.episodes

        let summary = TrainingSummary(
            episodes: episodesDone, steps: stepsSoFar, finalMeanReturn: window.mean,
            window: options.reportInterval, bestReturn: bestReturn, interrupted: interrupted)
        let state = TrainingState(
            episodesRequested: options.episodes, episodesDone: episodesDone, steps: stepsSoFar,
            agentGenerator: agent.generatorState, environmentGenerator: environment.generatorState,
            bestReturn: bestReturn, recentReturns: window.contents, recentSteps: windowSteps.contents,
            reportInterval: options.reportInterval)
        let policy = Policy(
            table: agent.table,
            metadata: PolicyMetadata(
                environment: W.id, configuration: JSONText.encode(configuration),
                observation: W.observationName(configuration), stateDimensions: W.stateDimensions(configuration),
                actions: W.actionNames(configuration), hyperparameters: options.hyperparameters, seed: options.seed,
                summary: summary, agent: options.agent, agentSettings: options.agentSettings, trainingState: state),
            extraTensors: agent.extraTensors.merging(companion?.tensors ?? [:]) { agents, _ in agents })
        try policy.save(to: options.outputPath)
        if let logFailure { throw logFailure }
        try log?.finish()

        return TrainingOutcome(
            environment: W.id, agent: options.agent, episodes: episodesDone, episodesRequested: options.episodes,
            episodesThisRun: playedThisRun, steps: stepsSoFar, seconds: elapsed,
            stepsPerSecond: Double(stepsSoFar - (options.resuming?.metadata.trainingState?.steps ?? 0)) / elapsed,
            episodesPerSecond: Double(playedThisRun) / elapsed, finalMeanReturn: window.mean, bestReturn: bestReturn,
            seed: options.seed, policy: options.outputPath, log: options.logPath, interrupted: interrupted,
            resumed: options.resuming != nil, lastEvaluation: lastEvaluation)
    }
}

/// Plays greedy episodes of a table on a world, seeded as `rl eval` seeds them: evaluation
/// serves derived from `seed`, the tie-breaking generator from the agent purpose.
func playGreedy<E: Environment>(
    _ table: QTable, on environment: inout E, episodes: Int, seed: UInt64, shouldStop: () -> Bool
) -> [EpisodeRecord<E.Counters>] {
    var agent = QLearningAgent(
        observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
        hyperparameters: Hyperparameters(learningRate: .constant(1), discount: 1, epsilon: .constant(0)),
        table: table, seed: derivedSeed(seed, purpose: SeedPurpose.agent))
    return evaluate(&agent, on: &environment, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.evaluation),
                    until: shouldStop)
}

/// The per-episode CSV log: episode, return, steps, the world's metrics, epsilon; with
/// evaluations, more columns (greedy mean return, mean steps and each metric), filled only on
/// the episodes after which an evaluation ran. Rows are buffered and flushed in blocks, so a
/// long run does not hold its whole log in memory.
final class TrainingLog {
    private let writer: AtomicFileWriter
    private let withEvaluations: Bool
    private let metricNames: [String]
    private var pending: String

    init(path: String, metrics: [String], withEvaluations: Bool = false) throws(PolicyFileError) {
        writer = try AtomicFileWriter(path: path)
        self.withEvaluations = withEvaluations
        metricNames = metrics
        var header = (["episode", "return", "steps"] + metrics + ["epsilon"]).joined(separator: ",")
        if withEvaluations { header += "," + (["eval_return", "eval_steps"] + metrics.map { "eval_" + $0 }).joined(separator: ",") }
        pending = header + "\n"
    }

    func append<Counters>(_ record: EpisodeRecord<Counters>, metrics: [EpisodeMetric<Counters>], epsilon: Double,
                          evaluation: EvaluationPoint? = nil) throws(PolicyFileError) {
        let values = metrics.map { formatNumber($0.value(record.counters)) }
        pending += (["\(record.episode + 1)", formatNumber(record.totalReward), "\(record.steps)"] + values + [formatNumber(epsilon)])
            .joined(separator: ",")
        if withEvaluations {
            if let evaluation {
                pending += "," + ([formatNumber(evaluation.meanReturn), formatNumber(evaluation.meanSteps)]
                    + metricNames.map { evaluation.metrics[$0].map(formatNumber) ?? "" }).joined(separator: ",")
            } else {
                pending += String(repeating: ",", count: 2 + metricNames.count)
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
public func formatNumber(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

extension WorldRegistration {
    /// Decodes and validates a configuration from JSON (a policy file's, or the command line's).
    static func configuration(fromJSON text: String) throws(PolicyFileError) -> Configuration {
        guard let configuration = JSONText.decode(Configuration.self, from: text) else {
            throw PolicyFileError("the \(id) configuration is malformed")
        }
        do { try validate(configuration) } catch {
            throw PolicyFileError("the \(id) configuration is invalid: \(error.message)")
        }
        return configuration
    }
}
