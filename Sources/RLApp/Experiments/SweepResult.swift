import Foundation

/// One line of a sweep's results file: a finished run. Keys as written (sorted):
/// `agent`, `curve`, `env`, `episodes`, `evaluation`, `final`, `id`, `metric`, `policy`,
/// `resolved`, `seconds`, `seed`, `settings`, `steps`, `training_seconds`, and `steps_requested`
/// for a run by steps (`rl sweep --steps`, or a deep agent).
public struct SweepResult: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case id, env, agent, seed, settings, metric, final, evaluation, episodes, steps, seconds, curve, policy, resolved
        case trainingSeconds = "training_seconds", stepsRequested = "steps_requested"
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
    /// A run by steps: the steps it was given (its episodes vary from seed to seed); `nil` for
    /// a run by episodes. `rl report` groups runs by it.
    public var stepsRequested: Int?
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

extension SweepResult {
    /// The bounds of what a results line may hold: a line is untrusted (a report reads files of
    /// anyone's), and a label of megabytes would cost seconds and gigabytes to group and draw.
    /// ``SweepSpec/runs()`` refuses a grid that would write more.
    public enum Limits {
        /// Bytes of a world, agent or metric name, and of a setting's name.
        public static let name = 64
        /// Bytes of a setting's value (a path, for `--set map-file=...`).
        public static let value = 1024
        /// Settings of a run, and figures of its evaluation.
        public static let entries = 64
        /// Bytes of a run file's path, relative to the results file's folder.
        public static let path = 1024
        public static let episodes = 10_000_000
        public static let steps = 1_000_000_000
    }

    /// Why this line is not a result `rl` could have written, or nil when it could be. `rl report`
    /// refuses such a line; `rl sweep` runs it again.
    public var problem: String? {
        func isName(_ text: String) -> Bool { !text.isEmpty && text.utf8.count <= Limits.name }
        guard isName(id) else { return "its id is empty or too long" }
        guard isName(env), isName(agent), isName(metric) else { return "a world, agent or metric name is empty or too long" }
        guard settings.count <= Limits.entries, evaluation.count <= Limits.entries else {
            return "it has more than \(Limits.entries) settings or figures"
        }
        guard settings.allSatisfy({ isName($0.key) && $0.value.utf8.count <= Limits.value }),
            evaluation.keys.allSatisfy(isName)
        else { return "a setting's name or value, or a figure's name, is empty or too long" }
        guard final.isFinite, seconds.isFinite, seconds >= 0, trainingSeconds.isFinite, trainingSeconds >= 0,
            evaluation.values.allSatisfy(\.isFinite)
        else { return "a score or a time is not a finite number" }
        guard (0...Limits.episodes).contains(episodes), steps >= 0, (stepsRequested ?? 1) >= 1 && (stepsRequested ?? 1) <= Limits.steps
        else { return "its episodes or steps are out of range" }
        guard curve.isEmpty || Self.isInsideFolder(curve), Self.isInsideFolder(policy) else {
            return "its run files are not inside the results file's folder"
        }
        return nil
    }

    /// Whether a run file's path stays in the results file's folder: relative, without `..`.
    static func isInsideFolder(_ path: String) -> Bool {
        !path.isEmpty && path.utf8.count <= Limits.path && !path.hasPrefix("/")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0.isEmpty }
            && !path.utf8.contains(0)
    }
}
