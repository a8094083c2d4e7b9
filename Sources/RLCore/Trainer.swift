/// What happened in one episode.
public struct EpisodeRecord<Counters: EpisodeCounters>: Sendable, Equatable {
    /// The episode's number, counting from 0.
    public var episode: Int
    /// The sum of the episode's rewards (its undiscounted return).
    public var totalReward: Double
    /// How many steps the episode took.
    public var steps: Int
    /// It ended inside the task (game over, goal reached, game won).
    public var terminated: Bool
    /// A step cap cut it short.
    public var truncated: Bool
    /// The environment's own counters at the end of the episode.
    public var counters: Counters

    @inlinable
    public init(episode: Int, totalReward: Double, steps: Int, terminated: Bool, truncated: Bool, counters: Counters) {
        self.episode = episode
        self.totalReward = totalReward
        self.steps = steps
        self.terminated = terminated
        self.truncated = truncated
        self.counters = counters
    }
}

/// What a progress callback tells the trainer.
public enum TrainingControl: Sendable {
    case proceed
    /// Stop after this episode (for example on Ctrl-C); what was learned is kept.
    case stop
}

/// The outcome of ``train(_:on:episodes:seed:onEpisode:)``.
public struct TrainingResult: Sendable, Equatable {
    /// Episodes played to the end by this call.
    public var episodes: Int
    /// Environment steps taken over all episodes.
    public var steps: Int
    /// The callback asked to stop before all episodes were played.
    public var stoppedEarly: Bool

    @inlinable
    public init(episodes: Int, steps: Int, stoppedEarly: Bool) {
        self.episodes = episodes
        self.steps = steps
        self.stoppedEarly = stoppedEarly
    }
}

/// Plays one episode from a fresh reset, and returns its record.
///
/// In ``AgentMode/training`` the agent learns from every transition; in
/// ``AgentMode/evaluation`` it only acts. The loop reads like the textbook; it is generic so
/// the compiler specialises it for each environment and agent: no existentials, no allocation
/// per step.
@inlinable
public func playEpisode<E: Environment, A: Agent>(
    _ agent: inout A, on environment: inout E, mode: AgentMode, episode: Int = 0, seed: UInt64? = nil
) -> EpisodeRecord<E.Counters> where A.Observation == E.Observation, A.Action == E.Action {
    var observation = environment.reset(seed: seed)
    var totalReward = 0.0
    var steps = 0
    // The action an on-policy agent chose while learning from the last step, to be taken now.
    var chosen: A.Action?
    while true {
        let action = chosen ?? agent.action(for: observation, mode: mode)
        let step = environment.step(action)
        if mode == .training {
            chosen = agent.learn(
                from: Transition(
                    observation: observation, action: action, reward: step.reward,
                    nextObservation: step.observation, terminated: step.terminated, truncated: step.truncated))
        }
        totalReward += step.reward
        steps += 1
        observation = step.observation
        if step.terminated || step.truncated {
            return EpisodeRecord(
                episode: episode, totalReward: totalReward, steps: steps,
                terminated: step.terminated, truncated: step.truncated, counters: environment.counters)
        }
    }
}

/// Trains `agent` on `environment` for `episodes` episodes.
///
/// The first reset uses `seed`, later ones keep the environment's generator going, so the
/// whole run is reproducible from `seed`. `onEpisode` sees every finished episode and may stop
/// the run early.
@inlinable
public func train<E: Environment, A: Agent>(
    _ agent: inout A, on environment: inout E, episodes: Int, seed: UInt64?,
    onEpisode: (EpisodeRecord<E.Counters>) -> TrainingControl = { _ in .proceed }
) -> TrainingResult where A.Observation == E.Observation, A.Action == E.Action {
    train(&agent, on: &environment, episodes: episodes, seed: seed) { record, _ in onEpisode(record) }
}

/// Trains like ``train(_:on:episodes:seed:onEpisode:)``, and also shows `onEpisode` the agent
/// as it is after each episode, so a caller can evaluate a copy of it without disturbing the
/// run (the agent is passed by value: the callback cannot change it).
///
/// - Parameter firstEpisode: where a resumed run picks up (episodes before it were played by an
///   earlier process, whose agent and environment generators were restored). Only episode 0
///   resets with `seed`; schedules still run over the whole `episodes`.
@inlinable
public func train<E: Environment, A: Agent>(
    _ agent: inout A, on environment: inout E, episodes: Int, startingAt firstEpisode: Int = 0, seed: UInt64?,
    onEpisode: (EpisodeRecord<E.Counters>, A) -> TrainingControl
) -> TrainingResult where A.Observation == E.Observation, A.Action == E.Action {
    var steps = 0
    var played = 0
    for episode in firstEpisode..<max(firstEpisode, episodes) {
        agent.beginEpisode(episode, of: episodes)
        agent.ownStorageForEpisode()
        let record = playEpisode(
            &agent, on: &environment, mode: .training, episode: episode,
            seed: episode == 0 ? seed : nil)
        steps += record.steps
        played += 1
        if onEpisode(record, agent) == .stop {
            return TrainingResult(episodes: played, steps: steps, stoppedEarly: episode + 1 < episodes)
        }
    }
    return TrainingResult(episodes: played, steps: steps, stoppedEarly: false)
}

/// Trains by a budget of environment steps rather than episodes (`rl train --steps`, SB3's
/// `total_timesteps`): whole episodes until `steps` steps have been taken, the last one played
/// to its end, or until `episodes` episodes (a cap). Schedules run over the steps: each
/// episode begins at the fraction of the budget spent (``Agent/beginEpisode(_:of:)`` is told
/// `stepsDone` of `steps`).
///
/// - Parameters:
///   - firstEpisode: where a resumed run picks up, and `stepsDone` the steps it had taken.
///     Only episode 0 resets with `seed`.
@inlinable
public func train<E: Environment, A: Agent>(
    _ agent: inout A, on environment: inout E, steps: Int, episodes: Int, startingAt firstEpisode: Int = 0, stepsDone: Int = 0,
    seed: UInt64?, onEpisode: (EpisodeRecord<E.Counters>, A) -> TrainingControl
) -> TrainingResult where A.Observation == E.Observation, A.Action == E.Action {
    var taken = stepsDone
    var played = 0
    var episode = firstEpisode
    while taken < steps && episode < episodes {
        agent.beginEpisode(taken, of: steps)
        agent.ownStorageForEpisode()
        let record = playEpisode(&agent, on: &environment, mode: .training, episode: episode, seed: episode == 0 ? seed : nil)
        taken += record.steps
        played += 1
        episode += 1
        if onEpisode(record, agent) == .stop {
            return TrainingResult(episodes: played, steps: taken - stepsDone, stoppedEarly: taken < steps && episode < episodes)
        }
    }
    return TrainingResult(episodes: played, steps: taken - stepsDone, stoppedEarly: false)
}

/// The seed of evaluation episode `episode` of an evaluation seeded with `seed`.
@inlinable
public func evaluationEpisodeSeed(_ seed: UInt64, episode: Int) -> UInt64 {
    derivedSeed(seed, purpose: UInt64(episode))
}

/// Plays `episodes` greedy episodes (no exploration, no learning) and returns their records.
///
/// Each episode is reseeded with ``evaluationEpisodeSeed(_:episode:)``, so episode k starts
/// the same way for every agent evaluated with the same seed, whatever happened in the
/// episodes before it (an agent that misses more would otherwise draw more serves and shift
/// the later episodes): comparisons are paired. `shouldStop` is asked before each episode; the
/// episodes played until it said yes are returned (Ctrl-C in `rl eval`).
public func evaluate<E: Environment, A: Agent>(
    _ agent: inout A, on environment: inout E, episodes: Int, seed: UInt64, until shouldStop: () -> Bool = { false }
) -> [EpisodeRecord<E.Counters>] where A.Observation == E.Observation, A.Action == E.Action {
    var records: [EpisodeRecord<E.Counters>] = []
    records.reserveCapacity(episodes)
    for episode in 0..<episodes {
        if !records.isEmpty && shouldStop() { break }
        records.append(
            playEpisode(
                &agent, on: &environment, mode: .evaluation, episode: episode,
                seed: evaluationEpisodeSeed(seed, episode: episode)))
    }
    return records
}
