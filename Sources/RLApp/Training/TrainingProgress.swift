import RLCore
import RLTabular

/// What a run has counted so far: the recent returns and lengths of the report window, the best
/// return, the steps. Saved in the policy file, so a resumed run reports as if never stopped.
struct TrainingProgress {
    var returns: MovingWindow
    var lengths: MovingWindow
    var bestReturn = -Double.infinity
    var steps = 0
    var episodesDone = 0
    /// Episodes this process played (a resumed run started later).
    var playedThisRun = 0

    init(window: Int) {
        returns = MovingWindow(capacity: window)
        lengths = MovingWindow(capacity: window)
    }

    init(resuming state: TrainingState, window: Int) {
        returns = MovingWindow(capacity: window, contents: state.recentReturns)
        lengths = MovingWindow(capacity: window, contents: state.recentSteps)
        // Before the first episode there is no best (JSON, which has no infinity, holds 0 then).
        bestReturn = state.episodesDone > 0 ? state.bestReturn : -.infinity
        steps = state.steps
        episodesDone = state.episodesDone
    }

    mutating func count(_ totalReward: Double, steps episodeSteps: Int) {
        returns.push(totalReward)
        lengths.push(Double(episodeSteps))
        bestReturn = max(bestReturn, totalReward)
        steps += episodeSteps
        playedThisRun += 1
    }
}

/// What happens after each training episode: count it, evaluate greedily every so often, log
/// it, tell the observers, hear the world's companion (self-play), and ask whether to stop.
struct EpisodeObserver<W: WorldRegistration> {
    let options: TrainingOptions
    let observers: TrainingObservers
    let log: TrainingLog?
    let companion: (any TrainingCompanion)?
    let evaluationWorld: W.World
    /// Plays greedy episodes of the agent's values (a table, or a linear agent's weights) as `rl eval` would.
    let playGreedily: (_ values: QTable, _ world: inout W.World, _ episodes: Int, _ seed: UInt64) -> [EpisodeRecord<W.World.Counters>]
    var progress: TrainingProgress
    /// A deep agent's run counts environment steps, not episodes: its budget, which its
    /// progress and schedules follow; `nil` for a run of episodes.
    var stepBudget: Int?
    /// What a deep agent's last updates measured (losses, entropy), logged with each episode.
    var diagnostics: (() -> [(name: String, value: Double)])?
    var lastEvaluation: EvaluationPoint?
    var logFailure: PolicyFileError?
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    init(
        options: TrainingOptions, observers: TrainingObservers, log: TrainingLog?, companion: (any TrainingCompanion)?,
        evaluationWorld: W.World, progress: TrainingProgress,
        playGreedily:
            @escaping (_ values: QTable, _ world: inout W.World, _ episodes: Int, _ seed: UInt64) -> [EpisodeRecord<W.World.Counters>]
    ) {
        self.playGreedily = playGreedily
        self.options = options
        self.observers = observers
        self.log = log
        self.companion = companion
        self.evaluationWorld = evaluationWorld
        self.progress = progress
        start = clock.now
    }

    /// Seconds since the run started in this process (never zero, for rates).
    var elapsedSeconds: Double { max(seconds(clock.now - start), 1e-9) }

    mutating func finished(_ record: EpisodeRecord<W.World.Counters>, table: QTable) -> TrainingControl {
        progress.count(record.totalReward, steps: record.steps)
        let played = record.episode + 1
        let evaluation = evaluateIfDue(afterEpisode: played, table: table)
        let notes = companion?.episodeFinished(played, table: table) ?? []
        // Schedules run over what the run counts: episodes, or a deep agent's steps.
        let (done, total) = stepBudget.map { (progress.steps, $0) } ?? (record.episode, options.episodes)
        let epsilon = options.hyperparameters.epsilon.value(atStep: done, of: total)
        if let log, logFailure == nil {
            do throws(PolicyFileError) {
                try log.append(record, metrics: W.metrics, epsilon: epsilon, evaluation: evaluation)
            } catch {
                logFailure = error
            }
        }
        if let observeEpisodes = observers.observeEpisodes {
            observeEpisodes(
                EpisodeSummary(
                    episode: played, totalReward: record.totalReward, steps: record.steps, stepsSoFar: progress.steps,
                    epsilon: epsilon,
                    learningRate: options.hyperparameters.learningRate.value(atStep: done, of: total),
                    metrics: W.metrics.map { ($0.name, $0.value(record.counters)) }, training: diagnostics?() ?? []))
        }
        let observe = observers.observe
        if let stepBudget {
            observe(.stepProgress(steps: min(progress.steps, stepBudget), total: stepBudget, elapsedSeconds: seconds(clock.now - start)))
        } else {
            observe(.progress(episodes: played, total: options.episodes, steps: progress.steps, elapsedSeconds: seconds(clock.now - start)))
        }
        if played % options.reportInterval == 0 {
            observe(
                .report(
                    IntervalReport(
                        episodes: played, averageReturn: progress.returns.mean,
                        averageSteps: progress.lengths.mean, bestReturn: progress.bestReturn)))
        }
        if let evaluation { observe(.evaluation(evaluation)) }
        for note in notes { observe(.note(note)) }
        return observers.shouldStop() ? .stop : .proceed
    }

    /// `--eval-every`: seeded as `rl eval` seeds a policy, so the last evaluation equals
    /// `rl eval --seed <seed> --episodes <n>` of the saved policy.
    private mutating func evaluateIfDue(afterEpisode played: Int, table: QTable) -> EvaluationPoint? {
        guard let interval = options.evaluationInterval, played % interval == 0 else { return nil }
        return evaluate(afterEpisode: played, table: table)
    }

    /// A greedy evaluation now, seeded as `--eval-every`'s: a deep run's last, when its budget of
    /// steps ended between two of them (a sweep's `final` score reads it).
    mutating func evaluate(afterEpisode played: Int, table: QTable) -> EvaluationPoint {
        var world = evaluationWorld
        let records = playGreedily(table, &world, options.evaluationEpisodes, options.seed)
        let report = EvaluationReport(environment: W.id, agent: "", seed: options.seed, records: records, metrics: W.metrics)
        let point = EvaluationPoint(
            episodes: played, evaluationEpisodes: records.count, meanReturn: report.meanReturn,
            meanSteps: report.meanSteps, metrics: report.metricValues)
        lastEvaluation = point
        return point
    }
}
