/// What happened in one episode of a two-agent world.
public struct TwoAgentEpisodeRecord<Counters: EpisodeCounters>: Sendable, Equatable {
    /// The episode's number, counting from 0.
    public var episode: Int
    /// Each side's sum of rewards (its undiscounted return).
    public var returns: Pair<Double>
    /// How many steps the episode took.
    public var steps: Int
    /// It ended inside the task (for either side).
    public var terminated: Bool
    /// A step cap cut it short.
    public var truncated: Bool
    /// The world's own counters at the end of the episode.
    public var counters: Counters

    @inlinable
    public init(episode: Int, returns: Pair<Double>, steps: Int, terminated: Bool, truncated: Bool, counters: Counters) {
        self.episode = episode
        self.returns = returns
        self.steps = steps
        self.terminated = terminated
        self.truncated = truncated
        self.counters = counters
    }
}

/// Lets `agent` learn from its side of a step when its side is training, and returns the
/// action an on-policy agent already chose for the next observation (nil: ask it with
/// ``Agent/action(for:mode:)``). The one place where the two-agent loop calls `learn`.
@inlinable @inline(__always)
func learnFromStep<A: Agent>(
    _ agent: inout A, mode: AgentMode, observation: A.Observation, action: A.Action, step: Step<A.Observation>
) -> A.Action? {
    guard mode == .training else { return nil }
    return agent.learn(
        from: Transition(
            observation: observation, action: action, reward: step.reward,
            nextObservation: step.observation, terminated: step.terminated, truncated: step.truncated))
}

/// Plays one episode of a two-agent world from a fresh reset, and returns its record.
///
/// Both sides act at every step (PettingZoo's parallel loop). Each side has its own mode: a
/// side in ``AgentMode/training`` explores and learns from its own transitions, a side in
/// ``AgentMode/evaluation`` only acts (a scripted opponent, or a frozen table). Generic, so the
/// compiler specialises it for the world and both agents: no existentials, no allocation per
/// step.
@inlinable
public func playTwoAgentEpisode<E: TwoAgentEnvironment, Left: Agent, Right: Agent>(
    _ left: inout Left, _ right: inout Right, on environment: inout E,
    modes: Pair<AgentMode>, episode: Int = 0, seed: UInt64? = nil
) -> TwoAgentEpisodeRecord<E.Counters>
where
    Left.Observation == E.Observation, Left.Action == E.Action,
    Right.Observation == E.Observation, Right.Action == E.Action
{
    var observations = environment.reset(seed: seed)
    var returns = Pair(repeating: 0.0)
    var steps = 0
    // Actions an on-policy learner already chose for the coming step (SARSA's A′): the loop
    // takes exactly those, and asks the others after their update.
    var chosen = Pair<E.Action?>(repeating: nil)
    while true {
        let actions = Pair(
            left: chosen.left ?? left.action(for: observations.left, mode: modes.left),
            right: chosen.right ?? right.action(for: observations.right, mode: modes.right))
        let step = environment.step(actions)
        chosen.left = learnFromStep(&left, mode: modes.left, observation: observations.left, action: actions.left, step: step[.left])
        chosen.right = learnFromStep(&right, mode: modes.right, observation: observations.right, action: actions.right, step: step[.right])
        returns.left += step.rewards.left
        returns.right += step.rewards.right
        steps += 1
        observations = step.observations
        if step.isLast {
            return TwoAgentEpisodeRecord(
                episode: episode, returns: returns, steps: steps,
                terminated: step.terminated.left || step.terminated.right,
                truncated: step.truncated.left || step.truncated.right,
                counters: environment.counters)
        }
    }
}

/// Trains two agents against each other for `episodes` episodes; a side in
/// ``AgentMode/evaluation`` stays as it is (a fixed opponent).
///
/// The first reset uses `seed`, later ones keep the world's generator going, so the whole run
/// is reproducible from `seed`. Training sides are told each episode's number
/// (``Agent/beginEpisode(_:of:)``) for their schedules. `onEpisode` sees every finished
/// episode and may stop the run early.
///
/// - Parameter firstEpisode: where a resumed run picks up, as in the single-agent
///   ``train(_:on:episodes:startingAt:seed:onEpisode:)``: only episode 0 resets with `seed`;
///   schedules still run over the whole `episodes`.
@inlinable
public func trainTwoAgents<E: TwoAgentEnvironment, Left: Agent, Right: Agent>(
    _ left: inout Left, _ right: inout Right, on environment: inout E,
    modes: Pair<AgentMode> = Pair(repeating: .training), episodes: Int, startingAt firstEpisode: Int = 0, seed: UInt64?,
    onEpisode: (TwoAgentEpisodeRecord<E.Counters>) -> TrainingControl = { _ in .proceed }
) -> TrainingResult
where
    Left.Observation == E.Observation, Left.Action == E.Action,
    Right.Observation == E.Observation, Right.Action == E.Action
{
    var steps = 0
    var played = 0
    for episode in firstEpisode..<max(firstEpisode, episodes) {
        if modes.left == .training { left.beginEpisode(episode, of: episodes); left.ownStorageForEpisode() }
        if modes.right == .training { right.beginEpisode(episode, of: episodes); right.ownStorageForEpisode() }
        let record = playTwoAgentEpisode(
            &left, &right, on: &environment, modes: modes, episode: episode,
            seed: episode == 0 ? seed : nil)
        steps += record.steps
        played += 1
        if onEpisode(record) == .stop {
            return TrainingResult(episodes: played, steps: steps, stoppedEarly: episode + 1 < episodes)
        }
    }
    return TrainingResult(episodes: played, steps: steps, stoppedEarly: false)
}

/// Plays `episodes` episodes with both sides in ``AgentMode/evaluation`` (no exploration, no
/// learning) and returns their records.
///
/// Episode k is reseeded with ``evaluationEpisodeSeed(_:episode:)``, as in the single-agent
/// ``evaluate(_:on:episodes:seed:until:)``, so every pairing evaluated with the same seed meets
/// the same serves: comparisons are paired. `shouldStop` is asked before each episode but the
/// first; the episodes played until it said yes are returned.
public func evaluateTwoAgents<E: TwoAgentEnvironment, Left: Agent, Right: Agent>(
    _ left: inout Left, _ right: inout Right, on environment: inout E, episodes: Int, seed: UInt64,
    until shouldStop: () -> Bool = { false }
) -> [TwoAgentEpisodeRecord<E.Counters>]
where
    Left.Observation == E.Observation, Left.Action == E.Action,
    Right.Observation == E.Observation, Right.Action == E.Action
{
    var records: [TwoAgentEpisodeRecord<E.Counters>] = []
    records.reserveCapacity(episodes)
    for episode in 0..<episodes {
        if !records.isEmpty && shouldStop() { break }
        records.append(
            playTwoAgentEpisode(
                &left, &right, on: &environment, modes: Pair(repeating: .evaluation), episode: episode,
                seed: evaluationEpisodeSeed(seed, episode: episode)))
    }
    return records
}
