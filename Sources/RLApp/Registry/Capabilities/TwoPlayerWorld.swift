import RLCore
import RLTabular

/// A world of two players where the learner plays one side against an opponent that is part of
/// the world (scripted, a policy file, or a league of its own snapshots). It brings what goes
/// with two players: the scripted opponents, evaluation in paired games with the sides swapped
/// (`rl eval --opponent`), the human's game (`rl play`), two policies on screen
/// (`rl watch --opponent`) and what self-play runs beside training.
public protocol TwoPlayerWorld: WorldRegistration where World.ObservationSpace: FiniteSpace {
    /// The scripted players, by name: the opponents `rl eval` plays a policy against by default.
    static var scriptedPlayers: [String] { get }
    /// Plays `policy` greedily against each opponent (a scripted player, `self`, or a policy file
    /// of this world), `games` games each in pairs with the same serves and the sides swapped.
    static func evaluateDuel(
        _ policy: Policy, path: String, _ configuration: Configuration, against opponents: [String],
        games: Int, seed: UInt64, shouldStop: @escaping () -> Bool
    ) throws(PolicyFileError) -> DuelEvaluationReport
    /// What the training loop runs beside the world (self-play's league), or `nil` when the
    /// opponent needs nothing.
    static func trainingCompanion(for world: World) -> (any TrainingCompanion)?
}
