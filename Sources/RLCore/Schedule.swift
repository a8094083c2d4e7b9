/// A value that follows training progress, such as a decaying epsilon or learning rate.
public struct Schedule: Sendable, Equatable, Codable {
    /// The value at the first episode.
    public var start: Double
    /// The value once decay is over.
    public var end: Double
    /// The share of the run (0...1) over which the value moves linearly from `start` to `end`.
    public var decayFraction: Double

    /// A value that never changes.
    public static func constant(_ value: Double) -> Schedule {
        Schedule(start: value, end: value, decayFraction: 0)
    }

    /// A linear move from `start` to `end` over the first `decayFraction` of the episodes.
    public static func linear(from start: Double, to end: Double, over decayFraction: Double) -> Schedule {
        Schedule(start: start, end: end, decayFraction: decayFraction)
    }

    public init(start: Double, end: Double, decayFraction: Double) {
        self.start = start
        self.end = end
        self.decayFraction = decayFraction
    }

    /// Whether the value stays the same throughout.
    public var isConstant: Bool { start == end }

    /// The value at `episode` (from 0) of a run of `episodeCount` episodes.
    @inlinable
    public func value(atEpisode episode: Int, of episodeCount: Int) -> Double {
        guard decayFraction > 0, start != end else { return end }
        let progress = Double(episode) / (Double(episodeCount) * decayFraction)
        return progress >= 1 ? end : start + (end - start) * progress
    }

    /// The value at `step` (from 0) of a run of `stepCount` steps, updates or iterations: the
    /// same line as ``value(atEpisode:of:)``, counted in what the run counts (a network's
    /// learning rate anneals over updates, DQN's epsilon over environment steps).
    @inlinable
    public func value(atStep step: Int, of stepCount: Int) -> Double {
        value(atEpisode: step, of: stepCount)
    }
}
