/// Classic-control trajectories stepped through Gymnasium from fixed start states
/// (`cartpole.json`, `mountaincar.json`, `acrobot.json`).
public struct GoldenTrajectories: Decodable, Sendable {
    public struct Trajectory: Decodable, Sendable {
        /// `random` (actions from NumPy's `default_rng(seed)`) or the baseline whose rule chose them.
        public let policy: String
        public let seed: Int?
        /// `env.unwrapped.state` before the first step.
        public let start: [Double]
        public let actions: [Int]
        /// `env.unwrapped.state` after each step, float64 as Gymnasium holds it.
        public let states: [[Double]]
        /// The observations Gymnasium returned after each step (float32, widened).
        public let observations: [[Double]]
        public let rewards: [Double]
        public let terminated: [Bool]
    }
    public let versions: [String: String]
    /// The Gymnasium id, `CartPole-v1`.
    public let environment: String
    public let trajectories: [Trajectory]
}
