import RLCore
import RLTabular

/// DQN in the registry: `rl train --agent dqn`.
public enum DQN: DeepAgentRegistration {
    public static let id = "dqn"
    public static let summary = "DQN (Mnih et al. 2015; Stable-Baselines3's semantics, --double for Double DQN)"
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static var flags: [SettingFlag<DQNSettings>] { DQNSettings.flags }
    /// rl-zoo3's CartPole-v1: 50,000 steps.
    public static let defaultSteps = 50_000
    /// rl-zoo3's CartPole-v1: learning rate 2.3e-3, γ 0.99, ε from 1 to 0.04 over the first 16% of the run.
    public static let defaultHyperparameters = Hyperparameters(
        learningRate: .constant(2.3e-3), discount: 0.99, epsilon: .linear(from: 1, to: 0.04, over: 0.16))
    /// DQN's last networks can be far from its best (on Cart Pole, seed 2's collapse to 25 after
    /// reaching 500, in Stable-Baselines3 as here): as rl-zoo3's `EvalCallback` keeps its best
    /// model, a run evaluates every 10 episodes and keeps the best.
    public static let defaultKeepBestEvery: Int? = 10
    public static func openDeep<Body: DeepAgentBody>(_ body: inout Body) { body.run(DQNAgent.self) }
}
