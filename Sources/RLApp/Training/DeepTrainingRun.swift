import RLCore
import RLDeep
import RLNeural
import RLRender
import RLTabular

/// One training run of a deep agent on world `W`, opened on the agent's concrete type by the
/// registry: make the agent for the world's encoded observations, let it train by steps (its
/// own loop, specialised for the world), save its networks.
struct DeepTrainingRun<W: WorldRegistration, Encoder: ObservationEncoder>: DeepAgentBody
where Encoder.Observation == W.World.Observation {
    let configuration: W.Configuration
    let options: TrainingOptions
    let observers: TrainingObservers
    let encoder: Encoder
    /// The layout the policy file names (the world's state dimensions and actions).
    let layout: TableLayout
    var result: Result<TrainingOutcome, PolicyFileError>?

    /// Trains on `W` under a valid configuration, opening the deep agent (once per run).
    static func train(
        _ configuration: W.Configuration, _ options: TrainingOptions, observers: TrainingObservers, encoder: Encoder,
        layout: TableLayout
    ) throws(PolicyFileError) -> TrainingOutcome {
        var run = DeepTrainingRun(configuration: configuration, options: options, observers: observers, encoder: encoder, layout: layout)
        guard Registry.openDeepAgent(options.agent, &run), let result = run.result else {
            throw PolicyFileError("agent \(options.agent) learns no networks")
        }
        return try result.get()
    }

    mutating func run<A: DeepAgent>(_ agentType: A.Type) {
        do throws(PolicyFileError) {
            result = .success(try train(agentType))
        } catch {
            result = .failure(error)
        }
    }

    func train<A: DeepAgent>(_ agentType: A.Type) throws(PolicyFileError) -> TrainingOutcome {
        guard let settings = JSONText.decode(A.Settings.self, from: options.agentSettings) else {
            throw PolicyFileError("the settings of agent \(options.agent) are malformed")
        }
        guard (1...NetworkDescription.maximumWidth).contains(encoder.width) else {
            throw PolicyFileError(
                "world \(W.id) has \(encoder.width) states: too many for a network's one-hot input (at most \(NetworkDescription.maximumWidth))",
                kind: .usage)
        }
        let steps = options.steps ?? 100_000
        let world = W.makeWorld(configuration)
        do { try A.validate(settings, inputWidth: encoder.width, actionCount: world.actionSpace.count) } catch {
            throw PolicyFileError(error.message, kind: .usage)
        }
        var agent = A(
            inputWidth: encoder.width, actionCount: world.actionSpace.count, hyperparameters: options.hyperparameters,
            settings: settings, seed: derivedSeed(options.seed, purpose: SeedPurpose.agent))
        var progress = TrainingProgress(window: options.reportInterval)
        if let saved = options.resuming, let state = saved.metadata.trainingState {
            try agent.restore(tensors: saved.extraTensors)
            try agent.restoreTraining(from: saved.extraTensors)
            // A world's generators (a duel's: several) are as many words as a fresh world's.
            guard agent.savedWorldGenerators.allSatisfy({ $0.count == world.generatorState.count }) else {
                throw PolicyFileError("the policy's training state holds an invalid world generator")
            }
            progress = TrainingProgress(resuming: state, window: options.reportInterval)
        }
        let firstEpisode = progress.episodesDone
        // `--keep-best`: the tensors of the best evaluation so far, taken when it is made (and
        // kept by a stopped run under `best.`).
        var best: (meanReturn: Double, episodes: Int, tensors: [String: Tensor])?
        if let saved = options.resuming, let kept = saved.metadata.trainingState?.keptBest, let meanReturn = kept.meanReturn,
            let episodes = kept.episodes
        {
            let tensors = Dictionary(
                uniqueKeysWithValues: saved.extraTensors.compactMap { name, tensor in
                    name.hasPrefix(Self.bestPrefix) ? (String(name.dropFirst(Self.bestPrefix.count)), tensor) : nil
                })
            // Checked as any network: restored into a scratch agent.
            var scratch = A(
                inputWidth: encoder.width, actionCount: world.actionSpace.count, hyperparameters: options.hyperparameters,
                settings: settings, seed: 0)
            try scratch.restore(tensors: tensors)
            best = (meanReturn, episodes, tensors)
        }
        let log = try options.logPath.map { path throws(PolicyFileError) in
            try TrainingLog(path: path, metrics: W.metrics.map(\.name), withEvaluations: options.evaluationInterval != nil)
        }
        let encoder = self.encoder
        // The agent as of the last finished episode, for evaluations and logs.
        let current = SharedCell(agent)
        var episodes = EpisodeObserver<W>(
            options: options, observers: observers, log: log, companion: nil, evaluationWorld: world,
            progress: progress,
            // Evaluations play a copy of the action network as it is now, on a copy of the world.
            playGreedily: { _, world, count, seed in
                playGreedy(
                    network: current.value.policyNetwork.copy(), normalization: current.value.observationNormalization, encoder: encoder,
                    on: &world, episodes: count, seed: seed, shouldStop: { false })
            })
        episodes.stepBudget = steps
        episodes.diagnostics = { current.value.diagnostics }
        let placeholder = QTable(stateShape: [1], actionCount: world.actionSpace.count)
        let makeWorld = { (_: Int) in W.makeWorld(configuration) }
        // With --checkpoint-every the run stops at each multiple, saves what a stopped run saves,
        // and goes on: `train` called again continues exactly, so the final file is the same.
        var episodesDone = firstEpisode
        var thisRun = (episodes: 0, steps: 0)
        var result: TrainingResult
        while true {
            var checkpointDue = false
            let nextCheckpoint = options.checkpointInterval.map { (episodesDone / $0 + 1) * $0 }
            result = agent.train(
                makeEnvironment: makeWorld, encoder: encoder, totalSteps: steps,
                seed: derivedSeed(options.seed, purpose: SeedPurpose.training)
            ) { record, agentSoFar in
                current.value = agentSoFar
                let evaluated = episodes.lastEvaluation
                // The episode cap (`--episodes`) stops a run of steps as Ctrl-C does, but is no interruption.
                let control = episodes.finished(record, table: placeholder)
                if options.keepsBest, let point = episodes.lastEvaluation, point != evaluated,
                    point.meanReturn > (best?.meanReturn ?? -.infinity)
                {
                    best = (point.meanReturn, point.episodes, agentSoFar.tensors)
                }
                let played = record.episode + 1
                if played >= options.episodes { return .stop }
                if control == .proceed, played == nextCheckpoint, agentSoFar.environmentSteps < steps { checkpointDue = true }
                return checkpointDue ? .stop : control
            }
            episodesDone += result.episodes
            thisRun = (thisRun.episodes + result.episodes, thisRun.steps + result.steps)
            guard checkpointDue else { break }
            try policyFile(
                of: agent, best: best, progress: episodes.progress, episodesDone: episodesDone, steps: steps, interrupted: true
            ).save(to: options.checkpointPath(afterEpisode: episodesDone))
        }
        let elapsed = episodes.elapsedSeconds
        // With --eval-every, the run ends on an evaluation of what it ends with.
        if options.evaluationInterval != nil && episodes.lastEvaluation?.episodes != episodesDone {
            current.value = agent
            let point = episodes.evaluate(afterEpisode: episodesDone, table: placeholder)
            observers.observe(.evaluation(point))
            if options.keepsBest, point.meanReturn > (best?.meanReturn ?? -.infinity) {
                best = (point.meanReturn, point.episodes, agent.tensors)
            }
        }
        progress = episodes.progress
        // A budget of steps may end before any episode does: then there is no return to report
        // (and JSON has no infinity).
        let (meanReturn, bestReturn) = episodesDone > 0 ? (progress.returns.mean, progress.bestReturn) : (0, 0)
        let interrupted = result.stoppedEarly && episodesDone < options.episodes

        let policy = policyFile(
            of: agent, best: best, progress: progress, episodesDone: episodesDone, steps: steps, interrupted: interrupted)
        if interrupted, let best {
            // The best so far, beside the file, as a table's run keeps it.
            var bestMetadata = policy.metadata
            bestMetadata.trainingState = nil
            bestMetadata.summary.episodes = best.episodes
            try Policy(table: policy.table, metadata: bestMetadata, extraTensors: best.tensors).save(to: options.bestPath)
            observers.observe(
                .note(
                    "Kept the networks of the best evaluation in \(options.bestPath): mean return \(fixed(best.meanReturn, 1)) after episode \(best.episodes)."
                ))
        } else if let best {
            observers.observe(
                .note("Kept the networks of the best evaluation: mean return \(fixed(best.meanReturn, 1)) after episode \(best.episodes)."))
        }
        try policy.save(to: options.outputPath)
        if let failure = episodes.logFailure { throw failure }
        try log?.finish()

        return TrainingOutcome(
            environment: W.id, agent: options.agent, episodes: episodesDone, episodesRequested: options.episodes,
            episodesThisRun: thisRun.episodes, steps: agent.environmentSteps, seconds: elapsed,
            stepsPerSecond: Double(thisRun.steps) / elapsed, episodesPerSecond: Double(thisRun.episodes) / elapsed,
            finalMeanReturn: meanReturn, bestReturn: bestReturn, seed: options.seed, policy: options.outputPath,
            log: options.logPath, interrupted: interrupted, resumed: options.resuming != nil, lastEvaluation: episodes.lastEvaluation)
    }
}

extension DeepTrainingRun {
    /// Where a stopped run that keeps its best keeps the best networks so far.
    static var bestPrefix: String { "best." }

    /// The run so far as a policy file: the networks (a finished run that keeps its best, the
    /// best's), the summary and the training state; a stopped run (or a checkpoint) also
    /// everything going on needs, and the best networks so far under ``bestPrefix``.
    func policyFile<A: DeepAgent>(
        of agent: A, best: (meanReturn: Double, episodes: Int, tensors: [String: Tensor])?, progress: TrainingProgress,
        episodesDone: Int, steps: Int, interrupted: Bool
    ) -> Policy {
        // A budget of steps may end before any episode does: then there is no return to report
        // (and JSON has no infinity).
        let (meanReturn, bestReturn) = episodesDone > 0 ? (progress.returns.mean, progress.bestReturn) : (0, 0)
        var state = TrainingState(
            episodesRequested: options.episodes, episodesDone: episodesDone, steps: progress.steps, agentGenerator: [],
            environmentGenerator: [], bestReturn: bestReturn, recentReturns: progress.returns.contents,
            recentSteps: progress.lengths.contents, reportInterval: options.reportInterval)
        state.stepsRequested = steps
        if options.keepsBest, let interval = options.evaluationInterval {
            state.keptBest = KeptBest(
                evaluationInterval: interval, evaluationEpisodes: options.evaluationEpisodes, meanReturn: best?.meanReturn,
                episodes: best?.episodes)
        }
        var metadata = PolicyMetadata(
            world: W.self, configuration: configuration, layout: layout, options: options,
            summary: TrainingSummary(
                episodes: episodesDone, steps: agent.environmentSteps, finalMeanReturn: meanReturn,
                window: options.reportInterval, bestReturn: bestReturn, interrupted: interrupted),
            trainingState: state)
        metadata.network = NetworkDescription(policyNetwork: agent.policyNetwork, tensors: agent.tensors).json
        // Only a run that can go on keeps what going on needs: its buffers can be large.
        var tensors = agent.tensors
        if interrupted {
            tensors.merge(agent.trainingTensors) { networks, _ in networks }
            for (name, tensor) in best?.tensors ?? [:] { tensors[Self.bestPrefix + name] = tensor }
        } else if let best {
            tensors = best.tensors
        }
        return Policy(table: QTable(stateShape: [1], actionCount: layout.actions.count), metadata: metadata, extraTensors: tensors)
    }
}

/// A value shared by closures that outlive one call.
private final class SharedCell<Value> {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// Plays greedy episodes of a deep agent's action network, seeded as `rl eval` seeds them.
func playGreedy<E: Environment, Encoder: ObservationEncoder>(
    network: MLP<Float>, normalization: ObservationNormalization?, encoder: Encoder, on environment: inout E, episodes: Int,
    seed: UInt64, shouldStop: () -> Bool
) -> [EpisodeRecord<E.Counters>] where Encoder.Observation == E.Observation {
    var agent = GreedyNetworkAgent(network: network, encoder: encoder, actionSpace: environment.actionSpace, normalization: normalization)
    return evaluate(
        &agent, on: &environment, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.evaluation), until: shouldStop)
}
