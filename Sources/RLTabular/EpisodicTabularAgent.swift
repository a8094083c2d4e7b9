import RLCore

/// A tabular agent that learns from whole episodes (Sutton & Barto, 2nd ed., ch. 5: Monte Carlo
/// methods): RLCore's ``EpisodicAgent`` as the registry's agent. It records each transition the
/// trainer hands it in ``episodeSoFar`` and, when one ends the episode (terminated, or truncated
/// by a step cap), learns from the whole episode at once and empties the buffer.
///
/// So the trainers stay as they are: they call ``Agent/learn(from:)`` after every step, as for a
/// one-step agent, and never ask which kind of agent they train (no branch, no cost, for the
/// one-step agents). The buffer keeps its storage from one episode to the next: after the first
/// long episode, recording a step allocates nothing.
///
/// The buffer is not saved in a policy file, and need not be: a run is saved only between
/// episodes (`--checkpoint-every`, Ctrl-C and `--snapshot-at` all wait for the episode's end,
/// and `--eval-every` copies the agent then), when the buffer is empty.
public protocol EpisodicTabularAgent: TabularAgent, EpisodicAgent {
    /// The transitions of the episode being played, in order: empty between episodes.
    var episodeSoFar: EpisodeBuffer<Observation, Action> { get set }
}

extension EpisodicTabularAgent {
    /// Records the transition; at the episode's last one, learns from the episode
    /// (``EpisodicAgent/learn(fromEpisode:)``). Returns `nil`: the trainer asks for every action.
    @inlinable @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        episodeSoFar.append(transition)
        guard transition.terminated || transition.truncated else { return nil }
        learn(fromEpisode: episodeSoFar)
        episodeSoFar.removeAll()
        return nil
    }
}

extension EpisodicTabularAgent where Self: EpsilonGreedyAgent {
    /// Moves ε and α along their schedules, as any ε-greedy agent (RLCore's `Agent` and
    /// `EpisodicAgent` each offer an empty default: this one is the agent's).
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        exploration.beginEpisode(episode, of: episodeCount)
    }
}
