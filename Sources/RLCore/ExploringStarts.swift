/// A world that can start an episode in a chosen state: the exploring starts of Monte Carlo ES
/// (Sutton & Barto, 2nd ed., §5.3), where every state-action pair must be able to begin an
/// episode. The start states are numbered so they can be drawn uniformly.
public protocol ExploringStartsEnvironment: Environment {
    /// How many states an episode can start from.
    var startStateCount: Int { get }
    /// Start state number `index`, in `0..<startStateCount`.
    func startState(at index: Int) -> Observation
    /// Starts a new episode in `state` (one of the start states) and returns its observation.
    /// - Parameter seed: reseeds the world's generator, as ``Environment/reset(seed:)``; `nil`
    ///   keeps it going.
    mutating func reset(from state: Observation, seed: UInt64?) -> Observation
}

/// Trains an episodic agent with exploring starts: each episode begins in a start state and
/// with a first action drawn uniformly (from a generator of their own, seeded from `seed`, so
/// the world's own draws are the same as without them); the agent chooses from then on.
@inlinable
public func train<E: ExploringStartsEnvironment, A: EpisodicAgent>(
    exploringStarts agent: inout A, on environment: inout E, episodes: Int, seed: UInt64,
    onEpisode: (EpisodeRecord<E.Counters>) -> TrainingControl = { _ in .proceed }
) -> TrainingResult where A.Observation == E.Observation, A.Action == E.Action {
    var starts = Xoshiro256StarStar(seed: derivedSeed(seed, purpose: SeedPurpose.exploringStarts))
    var buffer = EpisodeBuffer<E.Observation, E.Action>()
    var steps = 0
    for episode in 0..<episodes {
        agent.beginEpisode(episode, of: episodes)
        let state = environment.startState(at: starts.nextIndex(below: environment.startStateCount))
        let action = environment.actionSpace.element(at: starts.nextIndex(below: environment.actionSpace.count))
        let start = environment.reset(from: state, seed: episode == 0 ? seed : nil)
        let record = playEpisode(
            &agent, on: &environment, recordingInto: &buffer, from: start, firstAction: action,
            mode: .training, episode: episode)
        agent.learn(fromEpisode: buffer)
        steps += record.steps
        if onEpisode(record) == .stop {
            return TrainingResult(episodes: episode + 1, steps: steps, stoppedEarly: episode + 1 < episodes)
        }
    }
    return TrainingResult(episodes: episodes, steps: steps, stoppedEarly: false)
}

/// Trains `agent` as ``train(_:on:episodes:startingAt:seed:onEpisode:)`` does (or by a budget
/// of steps, as ``train(_:on:steps:episodes:startingAt:stepsDone:seed:onEpisode:)`` does, when
/// `steps` is given), except that each episode begins where `start` puts the world instead of
/// at its reset: `start(&world, episode, seed)` starts episode `episode` (reseeding the world
/// with `seed` when it is not `nil`, at episode 0) and returns its first observation. `rl
/// train` passes the exploring starts of a world that can start anywhere; the agent takes the
/// first action. A loop of its own, beside the trainers' one, so theirs is untouched.
@inlinable
public func train<E: Environment, A: Agent>(
    _ agent: inout A, on environment: inout E, steps: Int?, episodes: Int, startingAt firstEpisode: Int = 0, stepsDone: Int = 0,
    seed: UInt64?, startingEach start: (inout E, _ episode: Int, _ seed: UInt64?) -> E.Observation,
    onEpisode: (EpisodeRecord<E.Counters>, A) -> TrainingControl
) -> TrainingResult where A.Observation == E.Observation, A.Action == E.Action {
    var taken = stepsDone
    var played = 0
    var episode = firstEpisode
    while episode < episodes && taken < (steps ?? .max) {
        // Schedules run over the steps in a run by steps, over the episodes otherwise.
        if let steps { agent.beginEpisode(taken, of: steps) } else { agent.beginEpisode(episode, of: episodes) }
        agent.ownStorageForEpisode()
        var observation = start(&environment, episode, episode == 0 ? seed : nil)
        var record = EpisodeRecord(
            episode: episode, totalReward: 0, steps: 0, terminated: false, truncated: false, counters: environment.counters)
        var chosen: A.Action?
        while true {
            let action = chosen ?? agent.action(for: observation, mode: .training)
            let step = environment.step(action)
            chosen = agent.learn(
                from: Transition(
                    observation: observation, action: action, reward: step.reward,
                    nextObservation: step.observation, terminated: step.terminated, truncated: step.truncated))
            record.totalReward += step.reward
            record.steps += 1
            observation = step.observation
            if step.terminated || step.truncated {
                record.terminated = step.terminated
                record.truncated = step.truncated
                record.counters = environment.counters
                break
            }
        }
        taken += record.steps
        played += 1
        episode += 1
        if onEpisode(record, agent) == .stop {
            return TrainingResult(
                episodes: played, steps: taken - stepsDone, stoppedEarly: episode < episodes && taken < (steps ?? .max))
        }
    }
    return TrainingResult(episodes: played, steps: taken - stepsDone, stoppedEarly: false)
}
