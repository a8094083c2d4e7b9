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
        if options.resuming != nil {
            throw PolicyFileError("a deep agent's run cannot be resumed yet: train it again with more --steps")
        }
        let steps = options.steps ?? 100_000
        let world = W.makeWorld(configuration)
        do { try A.validate(settings, inputWidth: encoder.width, actionCount: world.actionSpace.count) } catch {
            throw PolicyFileError(error.message, kind: .usage)
        }
        var agent = A(
            inputWidth: encoder.width, actionCount: world.actionSpace.count, hyperparameters: options.hyperparameters,
            settings: settings, seed: derivedSeed(options.seed, purpose: SeedPurpose.agent))
        let log = try options.logPath.map { path throws(PolicyFileError) in
            try TrainingLog(path: path, metrics: W.metrics.map(\.name), withEvaluations: options.evaluationInterval != nil)
        }
        let encoder = self.encoder
        // The agent as of the last finished episode, for evaluations and logs.
        let current = SharedCell(agent)
        var episodes = EpisodeObserver<W>(
            options: options, observers: observers, log: log, companion: nil, evaluationWorld: world,
            progress: TrainingProgress(window: options.reportInterval),
            // Evaluations play a copy of the action network as it is now, on a copy of the world.
            playGreedily: { _, world, count, seed in
                playGreedy(
                    network: current.value.policyNetwork.copy(), normalization: current.value.observationNormalization, encoder: encoder,
                    on: &world, episodes: count, seed: seed, shouldStop: { false })
            })
        episodes.stepBudget = steps
        episodes.diagnostics = { current.value.diagnostics }
        // `--keep-best`: the tensors of the best evaluation so far, taken when it is made.
        var best: (meanReturn: Double, episodes: Int, tensors: [String: Tensor])?
        let placeholder = QTable(stateShape: [1], actionCount: world.actionSpace.count)
        let makeWorld = { (_: Int) in W.makeWorld(configuration) }
        let result = agent.train(
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
            return record.episode + 1 >= options.episodes ? .stop : control
        }
        let elapsed = episodes.elapsedSeconds
        // With --eval-every, the run ends on an evaluation of what it ends with.
        if options.evaluationInterval != nil && episodes.lastEvaluation?.episodes != result.episodes {
            current.value = agent
            let point = episodes.evaluate(afterEpisode: result.episodes, table: placeholder)
            observers.observe(.evaluation(point))
            if options.keepsBest, point.meanReturn > (best?.meanReturn ?? -.infinity) {
                best = (point.meanReturn, point.episodes, agent.tensors)
            }
        }
        let progress = episodes.progress
        // A budget of steps may end before any episode does: then there is no return to report
        // (and JSON has no infinity).
        let (meanReturn, bestReturn) = result.episodes > 0 ? (progress.returns.mean, progress.bestReturn) : (0, 0)
        let interrupted = result.stoppedEarly && progress.playedThisRun < options.episodes

        var metadata = PolicyMetadata(
            world: W.self, configuration: configuration, layout: layout, options: options,
            summary: TrainingSummary(
                episodes: result.episodes, steps: result.steps, finalMeanReturn: meanReturn,
                window: options.reportInterval, bestReturn: bestReturn, interrupted: interrupted),
            trainingState: nil)
        let tensors = best?.tensors ?? agent.tensors
        if let best {
            observers.observe(
                .note("Kept the networks of the best evaluation: mean return \(fixed(best.meanReturn, 1)) after episode \(best.episodes)."))
        }
        metadata.network = NetworkDescription(policyNetwork: agent.policyNetwork, tensors: tensors).json
        try Policy(table: placeholder, metadata: metadata, extraTensors: tensors).save(to: options.outputPath)
        if let failure = episodes.logFailure { throw failure }
        try log?.finish()

        return TrainingOutcome(
            environment: W.id, agent: options.agent, episodes: result.episodes, episodesRequested: options.episodes,
            episodesThisRun: result.episodes, steps: result.steps, seconds: elapsed,
            stepsPerSecond: Double(result.steps) / elapsed, episodesPerSecond: Double(result.episodes) / elapsed,
            finalMeanReturn: meanReturn, bestReturn: bestReturn, seed: options.seed, policy: options.outputPath,
            log: options.logPath, interrupted: interrupted, resumed: false, lastEvaluation: episodes.lastEvaluation)
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
