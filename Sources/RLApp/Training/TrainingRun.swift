import RLCore
import RLRender
import RLTabular

/// One training run on world `W`, opened on the agent's concrete type by the registry. Read it
/// top to bottom: make the world and the agent, restore a saved run, play the episodes (the
/// specialised loop of `RLCore.train`), save the policy.
struct TrainingRun<W: WorldRegistration>: AgentBody where W.World.ObservationSpace: FiniteSpace {
    typealias ObservationSpace = W.World.ObservationSpace
    typealias ActionSpace = W.World.ActionSpace

    let configuration: W.Configuration
    let options: TrainingOptions
    let observers: TrainingObservers
    var result: Result<TrainingOutcome, PolicyFileError>?

    /// Trains on `W` under a valid configuration, opening the agent (once per run).
    static func train(
        _ configuration: W.Configuration, _ options: TrainingOptions,
        observers: TrainingObservers
    ) throws(PolicyFileError) -> TrainingOutcome {
        var run = TrainingRun(configuration: configuration, options: options, observers: observers)
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
        let environment = W.makeWorld(configuration)
        guard let settings = JSONText.decode(A.Settings.self, from: options.agentSettings) else {
            throw PolicyFileError("the settings of agent \(options.agent) are malformed")
        }
        let pairs = environment.observationSpace.count.multipliedReportingOverflow(by: environment.actionSpace.count)
        do { try settings.validate(forPairs: pairs.overflow ? .max : pairs.partialValue) } catch {
            throw PolicyFileError(error.message, kind: .usage)
        }
        var agent = A(
            observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
            hyperparameters: options.hyperparameters, settings: settings,
            seed: derivedSeed(options.seed, purpose: SeedPurpose.agent))
        return try AgentTraining<W>(configuration: configuration, options: options, observers: observers, layout: W.layout(configuration))
            .train(&agent, on: environment) { table, world, episodes, seed in
                playGreedy(table, on: &world, episodes: episodes, seed: seed, shouldStop: { false })
            }
    }
}

/// The part of a training run on world `W` that does not depend on how the agent stores what it
/// learns (a table, or a linear agent's weights): restore a saved run, play the episodes (the
/// specialised loop of `RLCore.train`), save the policy.
struct AgentTraining<W: WorldRegistration> {
    let configuration: W.Configuration
    let options: TrainingOptions
    let observers: TrainingObservers
    /// The table's (or the weights') shape and names, for the policy file.
    let layout: TableLayout

    func train<A: SavableAgent>(
        _ agent: inout A, on world: W.World,
        playGreedily:
            @escaping (_ values: QTable, _ world: inout W.World, _ episodes: Int, _ seed: UInt64) -> [EpisodeRecord<W.World.Counters>]
    ) throws(PolicyFileError) -> TrainingOutcome
    where A.Observation == W.World.Observation, A.Action == W.World.Action {
        var environment = world
        var snapshotFailure: PolicyFileError?
        let companion = WorldCapabilities.trainingCompanion(of: W.self, for: environment)
        var progress = TrainingProgress(window: options.reportInterval)
        if let saved = options.resuming, let state = saved.metadata.trainingState {
            try agent.restore(table: saved.table, extraTensors: saved.extraTensors)
            try companion?.restore(from: saved.extraTensors)
            try restoreGenerators(state, agent: &agent, environment: &environment)
            progress = TrainingProgress(resuming: state, window: options.reportInterval)
        }
        let firstEpisode = progress.episodesDone
        let log = try options.logPath.map { path throws(PolicyFileError) in
            try TrainingLog(path: path, metrics: W.metrics.map(\.name), withEvaluations: options.evaluationInterval != nil)
        }
        var episodes = EpisodeObserver<W>(
            options: options, observers: observers, log: log, companion: companion,
            // Evaluations play a greedy copy of the agent on a copy of the untouched world, with
            // evaluation seeds: training's own generators never see them, so the run (and its
            // policy file) is the same with or without them.
            evaluationWorld: environment, progress: progress, playGreedily: playGreedily)
        episodes.stepBudget = options.steps

        // With --checkpoint-every the run stops at each multiple, saves everything it has (as an
        // interrupted run does) and goes on with the same agent and world: the episodes, and so
        // the final file, are those of the run left alone.
        var episodesDone = firstEpisode
        let exploringStart =
            Registry.needsExploringStarts(options.agent)
            ? WorldCapabilities.exploringStart(
                of: W.self, seed: derivedSeed(options.seed, purpose: SeedPurpose.exploringStarts)) : nil
        // `--keep-best`: the table of the best evaluation so far, taken when it is made.
        var best: (meanReturn: Double, episodes: Int, table: QTable)?
        while true {
            var checkpointDue = false
            let nextCheckpoint = options.checkpointInterval.map { (episodesDone / $0 + 1) * $0 }
            let onEpisode = { (record: EpisodeRecord<W.World.Counters>, agentSoFar: A) -> TrainingControl in
                let evaluated = episodes.lastEvaluation
                let control = episodes.finished(record, table: agentSoFar.table)
                let played = record.episode + 1
                if options.keepsBest, let point = episodes.lastEvaluation, point != evaluated,
                    point.meanReturn > (best?.meanReturn ?? -.infinity)
                {
                    best = (point.meanReturn, point.episodes, agentSoFar.table)
                }
                if options.snapshotEpisodes.contains(played) && snapshotFailure == nil {
                    do throws(PolicyFileError) {
                        try snapshot(agentSoFar.table, afterEpisode: played, progress: episodes.progress)
                    } catch {
                        snapshotFailure = error
                    }
                }
                let budgetLeft = options.steps.map { episodes.progress.steps < $0 } ?? true
                if control == .proceed, played == nextCheckpoint, played < options.episodes, budgetLeft { checkpointDue = true }
                return snapshotFailure == nil && !checkpointDue ? control : .stop
            }
            let seed = derivedSeed(options.seed, purpose: SeedPurpose.training)
            // A run by steps (`--steps`) spends its budget in whole episodes, schedules over the steps.
            let result =
                if let start = exploringStart {
                    // Monte Carlo ES: every episode where the world's exploring starts put it.
                    RLCore.train(
                        &agent, on: &environment, steps: options.steps, episodes: options.episodes, startingAt: episodesDone,
                        stepsDone: episodes.progress.steps, seed: seed, startingEach: start, onEpisode: onEpisode)
                } else if let budget = options.steps {
                    RLCore.train(
                        &agent, on: &environment, steps: budget, episodes: options.episodes, startingAt: episodesDone,
                        stepsDone: episodes.progress.steps, seed: seed, onEpisode: onEpisode)
                } else {
                    RLCore.train(
                        &agent, on: &environment, episodes: options.episodes, startingAt: episodesDone, seed: seed, onEpisode: onEpisode)
                }
            episodesDone += result.episodes
            if let snapshotFailure { throw snapshotFailure }
            guard checkpointDue else { break }
            try policy(of: agent, environment: environment, companion: companion, progress: episodes.progress, episodesDone: episodesDone)
                .save(to: options.checkpointPath(afterEpisode: episodesDone))
        }
        progress = episodes.progress
        let elapsed = episodes.elapsedSeconds
        let interrupted = isInterrupted(progress: progress, episodesDone: episodesDone)

        try policy(of: agent, environment: environment, companion: companion, progress: progress, episodesDone: episodesDone)
            .save(to: options.outputPath)
        // The run's own file stays its last table, which resumes; the best goes beside it.
        if let best {
            try snapshot(best.table, afterEpisode: best.episodes, progress: progress, to: options.bestPath)
            observers.observe(
                .note(
                    "Kept the table of the best evaluation in \(options.bestPath): mean return \(fixed(best.meanReturn, 1)) after episode \(best.episodes)."
                ))
        }
        if let failure = episodes.logFailure { throw failure }
        try log?.finish()

        return TrainingOutcome(
            environment: W.id, agent: options.agent, episodes: episodesDone, episodesRequested: options.episodes,
            episodesThisRun: progress.playedThisRun, steps: progress.steps, seconds: elapsed,
            stepsPerSecond: Double(progress.steps - (options.resuming?.metadata.trainingState?.steps ?? 0)) / elapsed,
            episodesPerSecond: Double(progress.playedThisRun) / elapsed, finalMeanReturn: progress.returns.mean,
            bestReturn: progress.bestReturn, seed: options.seed, policy: options.outputPath, log: options.logPath,
            interrupted: interrupted, resumed: options.resuming != nil, lastEvaluation: episodes.lastEvaluation)
    }

    /// The run so far as a policy file's contents: the table, everything a resume needs (the
    /// generators, the recent returns, the agent's and the companion's tensors) and the summary.
    private func policy<A: SavableAgent>(
        of agent: A, environment: W.World, companion: (any TrainingCompanion)?, progress: TrainingProgress, episodesDone: Int
    ) -> Policy {
        Policy(
            table: agent.table,
            metadata: PolicyMetadata(
                world: W.self, configuration: configuration, layout: layout, options: options,
                summary: TrainingSummary(
                    episodes: episodesDone, steps: progress.steps, finalMeanReturn: progress.returns.mean,
                    window: options.reportInterval, bestReturn: progress.bestReturn,
                    interrupted: isInterrupted(progress: progress, episodesDone: episodesDone)),
                trainingState: trainingState(of: agent, environment: environment, progress: progress, episodesDone: episodesDone)),
            extraTensors: agent.extraTensors.merging(companion?.tensors ?? [:]) { agents, _ in agents })
    }

    /// Whether the run stopped before its budget: fewer steps than asked (a run by steps, which
    /// the episode cap may end without interrupting it), or fewer episodes.
    private func isInterrupted(progress: TrainingProgress, episodesDone: Int) -> Bool {
        guard episodesDone < options.episodes else { return false }
        return options.steps.map { progress.steps < $0 } ?? true
    }

    /// What a resumed run needs to go on exactly: the counts, the generators and the report window.
    private func trainingState<A: SavableAgent>(of agent: A, environment: W.World, progress: TrainingProgress, episodesDone: Int)
        -> TrainingState
    {
        var state = TrainingState(
            episodesRequested: options.episodes, episodesDone: episodesDone, steps: progress.steps,
            agentGenerator: agent.generatorState, environmentGenerator: environment.generatorState,
            bestReturn: episodesDone > 0 ? progress.bestReturn : 0, recentReturns: progress.returns.contents,
            recentSteps: progress.lengths.contents, reportInterval: options.reportInterval)
        state.stepsRequested = options.steps
        return state
    }

    /// Saves the values so far as a policy that plays, evaluates and inspects like the final one
    /// but cannot be resumed (`--snapshot-at`).
    private func snapshot(
        _ table: QTable, afterEpisode episode: Int, progress: TrainingProgress, to path: String? = nil
    ) throws(PolicyFileError) {
        let policy = Policy(
            table: table,
            metadata: PolicyMetadata(
                world: W.self, configuration: configuration, layout: layout, options: options,
                summary: TrainingSummary(
                    episodes: episode, steps: progress.steps, finalMeanReturn: progress.returns.mean,
                    window: options.reportInterval, bestReturn: progress.bestReturn, interrupted: true),
                trainingState: nil))
        try policy.save(to: path ?? options.snapshotPath(afterEpisode: episode))
    }

    /// Puts back the agent's and the world's generators from a saved run, checked: a file may
    /// come from anywhere.
    private func restoreGenerators<A: SavableAgent>(_ state: TrainingState, agent: inout A, environment: inout W.World)
        throws(PolicyFileError)
    {
        guard Xoshiro256StarStar.isValidState(state.agentGenerator) else {
            throw PolicyFileError("the policy's training state holds an invalid agent generator")
        }
        agent.generatorState = state.agentGenerator
        // A world's generators (a duel's: the serves', its opponent's, a league's) are xoshiro states of four words each.
        let words = state.environmentGenerator
        guard words.count == environment.generatorState.count, words.count % 4 == 0,
            stride(from: 0, to: words.count, by: 4).allSatisfy({ Xoshiro256StarStar.isValidState(Array(words[$0..<$0 + 4])) })
        else {
            throw PolicyFileError("the policy's training state holds an invalid world generator")
        }
        environment.generatorState = state.environmentGenerator
    }
}

extension PolicyMetadata {
    /// The metadata of a run of world `W` under `configuration`, as `options` asked for it.
    init<W: WorldRegistration>(
        world: W.Type, configuration: W.Configuration, layout: TableLayout, options: TrainingOptions,
        summary: TrainingSummary, trainingState: TrainingState?, agent: String? = nil
    ) {
        self.init(
            environment: W.id, configuration: JSONText.encode(configuration), observation: layout.observation,
            stateDimensions: layout.stateDimensions, actions: layout.actions, hyperparameters: options.hyperparameters,
            seed: options.seed, summary: summary, agent: agent ?? options.agent, agentSettings: options.agentSettings,
            trainingState: trainingState)
        features = layout.features
    }
}

/// What `--resume` would restore from a saved policy, restored into a fresh agent and world and
/// thrown away: so a file whose agent or league tensors do not fit (a Dyna-Q model of the wrong
/// shape, a league's current pick 99 of 2) is refused when any command loads it, not only when
/// one resumes it.
struct SavedPolicyCheck<W: WorldRegistration>: AgentBody where W.World.ObservationSpace: FiniteSpace {
    typealias ObservationSpace = W.World.ObservationSpace
    typealias ActionSpace = W.World.ActionSpace

    let configuration: W.Configuration
    let policy: Policy
    var failure: PolicyFileError?

    /// Checks `policy` (already decoded, its table's shape and its settings checked) on `W`.
    static func check(_ configuration: W.Configuration, _ policy: Policy) throws(PolicyFileError) {
        var check = SavedPolicyCheck(configuration: configuration, policy: policy)
        // A planner's policy or an agent of another rl: nothing of an agent's to restore.
        guard Registry.openAgent(policy.metadata.agent, &check) else { return }
        if let failure = check.failure { throw failure }
    }

    mutating func run<A: TabularAgent>(_ agentType: A.Type)
    where A.ObservationSpace == ObservationSpace, A.ActionSpace == ActionSpace {
        let environment = W.makeWorld(configuration)
        guard let settings = JSONText.decode(A.Settings.self, from: policy.metadata.agentSettings) else {
            failure = PolicyFileError("the settings of agent \(policy.metadata.agent) are malformed")
            return
        }
        var agent = A(
            observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
            hyperparameters: policy.metadata.hyperparameters, settings: settings, seed: 0)
        do throws(PolicyFileError) {
            try agent.restore(table: policy.table, extraTensors: policy.extraTensors)
            try WorldCapabilities.trainingCompanion(of: W.self, for: environment)?.restore(from: policy.extraTensors)
        } catch {
            failure = error
        }
    }
}
