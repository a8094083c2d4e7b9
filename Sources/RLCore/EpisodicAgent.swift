/// The transitions of one episode, in order, in storage that is kept from one episode to the
/// next: after the first few episodes, recording a step allocates nothing.
public struct EpisodeBuffer<Observation, Action> {
    /// The episode's transitions, in order.
    public var transitions: [Transition<Observation, Action>] { stored }
    @usableFromInline var stored: [Transition<Observation, Action>] = []

    public init(capacity: Int = 256) { stored.reserveCapacity(capacity) }

    @inlinable public var count: Int { stored.count }

    @inlinable
    public mutating func append(_ transition: Transition<Observation, Action>) { stored.append(transition) }

    /// Empties the buffer and keeps its storage.
    @inlinable
    public mutating func removeAll() { stored.removeAll(keepingCapacity: true) }
}

/// An agent that learns once per episode, from the whole episode (Sutton & Barto, 2nd ed.,
/// ch. 5: Monte Carlo methods). It acts step by step like any ``Agent``; the trainer records
/// the episode and hands it over when it is over, so a return G_t can be computed backwards
/// from the end: G ← γ G + R_{t+1}.
public protocol EpisodicAgent<Observation, Action> {
    associatedtype Observation
    associatedtype Action

    /// Chooses an action: exploring in ``AgentMode/training``, greedy in ``AgentMode/evaluation``.
    mutating func action(for observation: Observation, mode: AgentMode) -> Action

    /// Learns from a finished training episode. The buffer is the trainer's, reused for the
    /// next episode: copy what must be kept.
    mutating func learn(fromEpisode episode: EpisodeBuffer<Observation, Action>)

    /// Called before each training episode, for schedules. `episode` counts from 0.
    mutating func beginEpisode(_ episode: Int, of episodeCount: Int)
}

extension EpisodicAgent {
    @inlinable
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {}
}

/// Plays one episode of an episodic agent, recording its transitions into `buffer` (emptied
/// first). `firstAction`, when given, is taken at the first step whatever the agent would
/// choose: the exploring start of Monte Carlo ES (§5.3).
@inlinable
public func playEpisode<E: Environment, A: EpisodicAgent>(
    _ agent: inout A, on environment: inout E, recordingInto buffer: inout EpisodeBuffer<E.Observation, E.Action>,
    from start: E.Observation, firstAction: E.Action? = nil, mode: AgentMode, episode: Int = 0
) -> EpisodeRecord<E.Counters> where A.Observation == E.Observation, A.Action == E.Action {
    buffer.removeAll()
    var observation = start
    var totalReward = 0.0
    var steps = 0
    var forced = firstAction
    while true {
        let action = forced ?? agent.action(for: observation, mode: mode)
        forced = nil
        let step = environment.step(action)
        buffer.append(
            Transition(
                observation: observation, action: action, reward: step.reward,
                nextObservation: step.observation, terminated: step.terminated, truncated: step.truncated))
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

/// Trains an episodic agent for `episodes` episodes: each is played to its end, then learned
/// from as a whole. The first reset uses `seed`; later ones keep the world's generator going.
@inlinable
public func train<E: Environment, A: EpisodicAgent>(
    episodic agent: inout A, on environment: inout E, episodes: Int, seed: UInt64?,
    onEpisode: (EpisodeRecord<E.Counters>) -> TrainingControl = { _ in .proceed }
) -> TrainingResult where A.Observation == E.Observation, A.Action == E.Action {
    var buffer = EpisodeBuffer<E.Observation, E.Action>()
    var steps = 0
    for episode in 0..<episodes {
        agent.beginEpisode(episode, of: episodes)
        let start = environment.reset(seed: episode == 0 ? seed : nil)
        let record = playEpisode(&agent, on: &environment, recordingInto: &buffer, from: start, mode: .training, episode: episode)
        agent.learn(fromEpisode: buffer)
        steps += record.steps
        if onEpisode(record) == .stop {
            return TrainingResult(episodes: episode + 1, steps: steps, stoppedEarly: episode + 1 < episodes)
        }
    }
    return TrainingResult(episodes: episodes, steps: steps, stoppedEarly: false)
}
