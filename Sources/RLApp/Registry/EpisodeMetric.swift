/// A named per-episode figure of a world (Pong's hits), computed from its counters.
public struct EpisodeMetric<Counters> {
    /// The CSV column and JSON key (`avoidable_misses`).
    public var name: String
    /// What `rl eval` says per episode (`avoidable misses`).
    public var phrase: String
    /// For a 0/1 metric (Maximization bias's `left`, Pong's `won`): reports give the share of
    /// episodes where it is 1. Otherwise the mean per episode.
    public var isShare: Bool
    /// When set, reports also give the share of episodes where the metric is 0, with these
    /// words ("with no avoidable miss").
    public var zeroShareWords: String?
    public var value: (Counters) -> Double

    public init(
        _ name: String, phrase: String, isShare: Bool = false, zeroShareWords: String? = nil,
        value: @escaping (Counters) -> Double
    ) {
        self.name = name
        self.phrase = phrase
        self.isShare = isShare
        self.zeroShareWords = zeroShareWords
        self.value = value
    }
}
