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
