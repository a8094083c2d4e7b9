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
    /// A budget of environment steps (`--steps`): whole episodes until it is spent, schedules
    /// running over it; `episodes` then only caps the run.
    public var steps: Int?
    /// Keep the best `--eval-every` evaluation (rl-zoo3's `EvalCallback` with its best model;
    /// `--keep-best`): a deep agent's file holds its best networks, not its last; a table's run
    /// keeps its own file (the last table, which resumes) and writes the best beside it (``bestPath``).
    public var keepsBest = false
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
    /// Episodes after which a copy of the policy so far is saved beside the output
    /// (`<name>.episode-N.safetensors`, not resumable): Sutton & Barto's Figure 10.1 shows the
    /// cost-to-go after 1, 12, 104, 1000 and 9000 episodes.
    public var snapshotEpisodes: Set<Int> = []
    /// Every this many episodes, a checkpoint beside the output that `--resume` continues
    /// (`<name>.checkpoint-N.safetensors`; Stable-Baselines3's `CheckpointCallback`); `nil` for none.
    public var checkpointInterval: Int?

    /// Where the snapshot after `episode` episodes goes: beside the policy, named after it.
    public func snapshotPath(afterEpisode episode: Int) -> String {
        let base = outputPath.hasSuffix(".safetensors") ? String(outputPath.dropLast(".safetensors".count)) : outputPath
        return base + ".episode-\(episode).safetensors"
    }

    /// Where `--keep-best` puts a table's best evaluated policy: beside the policy, `<name>.best.safetensors`.
    public var bestPath: String {
        let base = outputPath.hasSuffix(".safetensors") ? String(outputPath.dropLast(".safetensors".count)) : outputPath
        return base + ".best.safetensors"
    }

    /// Where the checkpoint after `episode` episodes goes: beside the policy, named after it.
    public func checkpointPath(afterEpisode episode: Int) -> String {
        let base = outputPath.hasSuffix(".safetensors") ? String(outputPath.dropLast(".safetensors".count)) : outputPath
        return base + ".checkpoint-\(episode).safetensors"
    }

    public init(
        world: String, configuration: String, agent: String = QLearning.id, agentSettings: String = "{}",
        episodes: Int, seed: UInt64, hyperparameters: Hyperparameters, outputPath: String, logPath: String? = nil
    ) {
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
        self.init(
            world: W.id, configuration: JSONText.encode(configuration), agent: agent,
            agentSettings: JSONText.encode(agentSettings), episodes: episodes, seed: seed,
            hyperparameters: hyperparameters ?? W.defaultHyperparameters(forAgent: agent, in: configuration),
            outputPath: outputPath, logPath: logPath)
    }

    /// The options a saved run was started with, to continue it: everything comes from the file.
    public init(resuming policy: Policy, outputPath: String, logPath: String? = nil) throws(PolicyFileError) {
        let metadata = policy.metadata
        if Registry.planner(metadata.agent) != nil {
            throw PolicyFileError("it is \(metadata.agent)'s solution of its world: complete, nothing to resume")
        }
        if metadata.isNetwork && metadata.trainingState == nil {
            throw PolicyFileError(
                "it cannot be resumed: it keeps a deep agent's networks but no training state (a snapshot, or a file of an older rl); train again with the --steps you want"
            )
        }
        // A deep run's file keeps its optimiser and buffers only when it stopped early.
        if metadata.isNetwork && !metadata.summary.interrupted {
            throw PolicyFileError("its run is complete (\(metadata.summary.steps) steps): nothing to resume")
        }
        guard metadata.formatVersion >= 2, let state = metadata.trainingState else {
            // Since version 2 every run's own file keeps its training state: one without it is a snapshot.
            throw PolicyFileError(
                metadata.formatVersion >= 2
                    ? "it cannot be resumed: it is a snapshot (rl train --snapshot-at), which keeps the values but not the training state; resume the run's own policy file"
                    : "it cannot be resumed: it was written by an older rl (format version \(metadata.formatVersion)) that saved no training state"
            )
        }
        guard Registry.world(metadata.environment) != nil else {
            throw PolicyFileError(
                "it is a policy for world '\(metadata.environment)', which this rl does not know (it knows \(Registry.worldList))")
        }
        guard Registry.agent(metadata.agent) != nil else {
            throw PolicyFileError(
                "it was trained by agent '\(metadata.agent)', which this rl does not know (it knows \(Registry.agentList))")
        }
        guard state.episodesDone < state.episodesRequested else {
            throw PolicyFileError("its run is complete (\(state.episodesDone) of \(state.episodesRequested) episodes): nothing to resume")
        }
        if let budget = state.stepsRequested, state.steps >= budget {
            throw PolicyFileError("its run is complete (\(state.steps) of \(budget) steps): nothing to resume")
        }
        self.init(
            world: metadata.environment, configuration: metadata.configuration, agent: metadata.agent,
            agentSettings: metadata.agentSettings, episodes: state.episodesRequested, seed: metadata.seed,
            hyperparameters: metadata.hyperparameters, outputPath: outputPath, logPath: logPath)
        reportInterval = state.reportInterval
        steps = state.stepsRequested
        if let kept = state.keptBest {
            evaluationInterval = kept.evaluationInterval
            evaluationEpisodes = kept.evaluationEpisodes
            keepsBest = true
        }
        resuming = policy
    }
}
