import RLTabular

/// What a world adds to its training loop besides the environment: self-play's league, which
/// freezes snapshots of the learner between games. The loop calls it after every episode, saves
/// its tensors beside the agent's in the policy file, and hands them back on `--resume`.
public protocol TrainingCompanion: AnyObject {
    /// After episode `episodesPlayed` (counting from 1), with the learner's table so far;
    /// returns lines to report.
    func episodeFinished(_ episodesPlayed: Int, table: QTable) -> [String]
    /// What to save in the policy file.
    var tensors: [String: Tensor] { get }
    /// Puts back what ``tensors`` saved.
    func restore(from tensors: [String: Tensor]) throws(PolicyFileError)
}

extension WorldRegistration {
    public static func trainingCompanion(for world: World) -> (any TrainingCompanion)? { nil }
}
