import Foundation
import RLCore
import RLTabular

/// The tutorial's periodic report, in English: over the last interval of episodes.
public struct IntervalReport: Sendable, Equatable {
    /// Episodes played so far.
    public var episodes: Int
    public var averageReturn: Double
    public var averageSteps: Double
    /// The best return of any episode so far.
    public var bestReturn: Double
}

/// A short greedy evaluation made during training (`rl train --eval-every`).
public struct EvaluationPoint: Sendable, Codable, Equatable {
    /// Training episodes played before it.
    public var episodes: Int
    /// Greedy episodes played.
    public var evaluationEpisodes: Int
    public var meanReturn: Double
    public var meanSteps: Double
    /// The world's metrics, per episode (or as shares), by name.
    public var metrics: [String: Double]
}

/// What training tells its observer as it goes.
public enum TrainingEvent: Sendable {
    /// An episode finished: `episodes` of `total` are done.
    case progress(episodes: Int, total: Int, steps: Int, elapsedSeconds: Double)
    /// An episode of a deep agent's run finished: `steps` of its `total` are done.
    case stepProgress(steps: Int, total: Int, elapsedSeconds: Double)
    /// Every ``TrainingOptions/reportInterval`` episodes.
    case report(IntervalReport)
    /// Every ``TrainingOptions/evaluationInterval`` episodes.
    case evaluation(EvaluationPoint)
    /// A line from the world's ``TrainingCompanion`` (a self-play snapshot's rating).
    case note(String)
}

/// The outcome of `rl train` (also its `--json` output).
public struct TrainingOutcome: Sendable, Codable, Equatable {
    public var environment: String
    public var agent: String
    /// Episodes played in all, by this process and any it resumed.
    public var episodes: Int
    public var episodesRequested: Int
    /// Episodes this process played (fewer than `episodes` when it resumed a run).
    public var episodesThisRun: Int
    public var steps: Int
    /// Seconds and speeds of this process's part of the run.
    public var seconds: Double
    public var stepsPerSecond: Double
    public var episodesPerSecond: Double
    public var finalMeanReturn: Double
    public var bestReturn: Double
    public var seed: UInt64
    /// The path the policy was written to.
    public var policy: String
    public var log: String?
    /// Ctrl-C stopped the run; the policy holds what was learned so far, and can be resumed.
    public var interrupted: Bool
    /// The run continued a saved one.
    public var resumed: Bool
    /// The last greedy evaluation made during training, with `--eval-every`.
    public var lastEvaluation: EvaluationPoint?
    /// What a planner did (`--agent value-iteration`); `nil` for a learning agent.
    public var planning: PlanningOutcome? = nil
}
