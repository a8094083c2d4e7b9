/// One training episode in full, for observers that log every episode (TensorBoard): what
/// ``runTraining(_:observe:observeEpisodes:shouldStop:)`` passes to `observeEpisodes`.
public struct EpisodeSummary: Sendable {
    /// Episodes played so far, this one included (1 for the first).
    public var episode: Int
    public var totalReward: Double
    public var steps: Int
    /// Environment steps of the whole run so far.
    public var stepsSoFar: Int
    /// The exploration and learning rates the episode was played with.
    public var epsilon: Double
    public var learningRate: Double
    /// The world's metrics for the episode, in the registration's order.
    public var metrics: [(name: String, value: Double)]
    /// What a deep agent's last updates measured, under Stable-Baselines3's tags (`train/loss`);
    /// empty for other agents.
    public var training: [(name: String, value: Double)] = []
}
