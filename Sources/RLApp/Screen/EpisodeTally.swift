import RLCore

/// What a watch session counts as it plays: frames, episodes, the current episode's steps and
/// return, and how it ended. The bookkeeping every session shares, kept in one place.
public struct EpisodeTally: Sendable {
    /// The episode being played, from 1.
    public private(set) var episode = 1
    /// Episodes that have ended so far.
    public private(set) var episodesFinished = 0
    /// Frames produced so far, the current one included.
    public private(set) var frameCount = 1
    /// Steps taken in the current episode.
    public private(set) var stepCount = 0
    /// The return of the current episode so far.
    public private(set) var episodeReturn = 0.0
    /// How the current episode ended, when it has.
    public private(set) var ending: (terminated: Bool, truncated: Bool)?

    public init() {}

    /// A new frame.
    mutating func countFrame() { frameCount += 1 }

    /// A step of the current episode.
    mutating func record<Observation>(_ step: Step<Observation>) {
        stepCount += 1
        episodeReturn += step.reward
        if step.isLast {
            ending = (step.terminated, step.truncated)
            episodesFinished += 1
        }
    }

    /// The current episode abandoned (the `n` key): it counts as finished.
    mutating func abandonEpisode() {
        if ending == nil { episodesFinished += 1 }
    }

    /// The next episode begins.
    mutating func beginEpisode() {
        episode += 1
        ending = nil
        stepCount = 0
        episodeReturn = 0
    }
}
