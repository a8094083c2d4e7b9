import RLCore
import RLNeural
import RLTabular

/// An agent whose knowledge is neural networks (DQN, PPO), trained by environment steps on any
/// world: it owns its training loop, because what it steps (one world, or `--envs` copies of
/// it) and when it learns (every few steps, after each rollout) are the algorithm's own.
///
/// The app makes it, hands it a world factory and an ``ObservationEncoder``, and saves
/// ``tensors``; the greedy policy is ``policyNetwork``'s argmax (Q-values or logits), so one
/// player (``GreedyNetworkAgent``) plays every deep agent's file.
public protocol DeepAgent {
    associatedtype Settings: AgentSettings

    /// A fresh agent whose networks read `inputWidth` inputs and give one output per action.
    /// `hyperparameters` (the learning rate and its schedule, γ, and for DQN ε) and `settings`
    /// must be valid.
    init(inputWidth: Int, actionCount: Int, hyperparameters: Hyperparameters, settings: Settings, seed: UInt64)

    /// Checks that the agent's networks and buffers for `inputWidth` inputs and `actionCount`
    /// actions fit in memory, in one line that says how big they would be.
    static func validate(_ settings: Settings, inputWidth: Int, actionCount: Int) throws(SettingError)

    /// The network whose argmax is the greedy action, saved under `policy.`.
    var policyNetwork: MLP<Float> { get }

    /// Every tensor a policy file holds for this agent: the networks as PyTorch state
    /// dictionaries (`policy.0.weight`, … and PPO's `value.…`, single precision), and under
    /// other names whatever resuming needs.
    var tensors: [String: Tensor] { get }

    /// Puts back ``tensors`` read from a file (untrusted: shapes and finiteness checked).
    mutating func restore(tensors: [String: Tensor]) throws(PolicyFileError)

    /// Everything a stopped run needs to go on exactly besides ``tensors``: the optimiser's
    /// moments, the buffers, the generators, the counts, and where each copy of the world
    /// stands (its generators at its episode's start and the actions since, which replay it).
    var trainingTensors: [String: Tensor] { get }

    /// Puts back ``trainingTensors`` read from a file (untrusted: all checked before any is
    /// written), so that the next ``train(makeEnvironment:encoder:totalSteps:seed:onEpisode:)``
    /// goes on where the saved run stopped.
    mutating func restoreTraining(from tensors: [String: Tensor]) throws(PolicyFileError)

    /// The world generators' states a resumed run puts back into its copies of the world, which
    /// the caller checks fit the world before training.
    var savedWorldGenerators: [[UInt64]] { get }

    /// Environment steps taken in all, by this process and any it resumed.
    var environmentSteps: Int { get }

    /// Trains until `totalSteps` environment steps have been taken in all, or `onEpisode`
    /// says stop. Schedules run over `totalSteps`. `makeEnvironment(k)` makes copy `k` of the
    /// world (PPO steps several); the first reset of copy `k` uses
    /// `derivedSeed(seed, purpose: UInt64(k))`. Episodes are reported as they end, numbered
    /// from 0 in that order, with the agent as it is then (a copy: its networks are shared
    /// references, so a caller that evaluates copies them first).
    ///
    /// A run that `onEpisode` stops can go on: called again (on this agent, or on one whose
    /// ``restoreTraining(from:)`` read its ``trainingTensors``) with the same arguments, it
    /// continues as if it had never stopped, byte for byte.
    mutating func train<E: Environment & Resumable, Encoder: ObservationEncoder>(
        makeEnvironment: (Int) -> E, encoder: Encoder, totalSteps: Int, seed: UInt64,
        onEpisode: (EpisodeRecord<E.Counters>, Self) -> TrainingControl
    ) -> TrainingResult where Encoder.Observation == E.Observation

    /// Gradient steps (minibatch updates) taken so far.
    var gradientSteps: Int { get }

    /// Seconds spent in gradient steps so far (the clock read around each round of updates),
    /// which `rl bench` sets against the products' floor.
    var secondsInGradientSteps: Double { get }

    /// The matrix products of one gradient step, every network's forward and backward passes
    /// on its batch: what `rl bench` times through BLAS alone as the gradient step's floor.
    var gradientStepProducts: [MatrixProduct] { get }

    /// The statistics observations are normalised with before the networks (Stable-Baselines3's
    /// `VecNormalize`, as the policy file stores them), or `nil` when the agent uses them as they are.
    var observationNormalization: ObservationNormalization? { get }

    /// What the last updates measured, under Stable-Baselines3's names (`train/loss`,
    /// `train/entropy_loss`, `train/approx_kl`, …), for logs.
    var diagnostics: [(name: String, value: Double)] { get }
}

extension DeepAgent {
    public var observationNormalization: ObservationNormalization? { nil }
    /// Settings that are valid bound their sizes whatever the world: nothing more to check.
    public static func validate(_ settings: Settings, inputWidth: Int, actionCount: Int) throws(SettingError) {
        try settings.validate()
    }
}
