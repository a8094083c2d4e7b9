import RLCore

/// Which runs of a grid one shard runs: the `index`-th of every `count` (0-based).
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws(SettingError) {
        guard count >= 1, (0..<count).contains(index) else {
            throw SettingError("a shard is i/n with 0 <= i < n, got \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `i/n`.
    public init(parsing text: String) throws(SettingError) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw SettingError("--shard takes i/n (0-based), got '\(text)'")
        }
        try self.init(index: index, count: count)
    }

    /// The shard a SLURM job array gives this task: `SLURM_ARRAY_TASK_ID` counted from
    /// `SLURM_ARRAY_TASK_MIN` (0 when unset) among `SLURM_ARRAY_TASK_COUNT` tasks; `nil` outside one.
    public static func fromSLURM(_ environment: [String: String]) throws(SettingError) -> Shard? {
        guard let id = environment["SLURM_ARRAY_TASK_ID"].flatMap({ Int($0) }),
            let count = environment["SLURM_ARRAY_TASK_COUNT"].flatMap({ Int($0) })
        else { return nil }
        let minimum = environment["SLURM_ARRAY_TASK_MIN"].flatMap { Int($0) } ?? 0
        return try Shard(index: id - minimum, count: count)
    }

    public func contains(_ run: SweepRun) -> Bool { run.index % count == index }
}
