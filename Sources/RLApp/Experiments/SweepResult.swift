import Foundation

/// One line of a sweep's results file: a finished run. Keys as written (sorted):
/// `agent`, `curve`, `env`, `episodes`, `evaluation`, `final`, `id`, `metric`, `policy`,
/// `resolved`, `seconds`, `seed`, `settings`, `steps`, `training_seconds`.
public struct SweepResult: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case id, env, agent, seed, settings, metric, final, evaluation, episodes, steps, seconds, curve, policy, resolved
        case trainingSeconds = "training_seconds"
    }

    public var id: String
    public var env: String
    public var agent: String
    public var seed: UInt64
    /// The swept settings, name to value as given (`{"learning-rate": "0.1"}`): with `env` and
    /// `agent`, what `rl report` groups runs by.
    public var settings: [String: String]
    /// What `final` measures (the world's main metric).
    public var metric: String
    /// The main metric over the run's final greedy evaluation.
    public var final: Double
    /// That evaluation in full: `return`, `steps` and each of the world's metrics (means, or shares).
    public var evaluation: [String: Double]
    public var episodes: Int
    /// Environment steps of training.
    public var steps: Int
    /// Wall-clock seconds of the run: training, the evaluations and the files.
    public var seconds: Double
    /// Of which the training loop's (its CSV log included): `seconds` minus this is the run's overhead.
    public var trainingSeconds: Double
    /// The per-episode CSV log (empty for a planner, which plays no episodes) and the policy,
    /// relative to the results file's folder.
    public var curve: String
    public var policy: String
    /// The run's world configuration, agent settings and hyperparameters, resolved: what the id hashes.
    public var resolved: JSONValue
}

/// Just the id of a results line, to resume without decoding the rest.
struct SweepResultID: Decodable {
    var id: String
}
