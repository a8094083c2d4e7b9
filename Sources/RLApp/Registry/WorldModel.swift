import RLCore

/// A world's dynamics as data (Gymnasium's `P` and initial distribution) with the step cap its
/// registration puts on episodes: everything needed to compute returns exactly.
public struct WorldModel: Sendable {
    /// The transitions, numbered as the world's spaces number states and actions.
    public var model: TabularModel
    /// Episodes are truncated after this many steps (Gymnasium's `max_episode_steps`).
    public var stepCap: Int

    public init(model: TabularModel, stepCap: Int) {
        self.model = model
        self.stepCap = stepCap
    }
}
