import RLCore
import RLTabular

/// PPO in the registry: `rl train --agent ppo`.
public enum PPO: DeepAgentRegistration {
    public static let id = "ppo"
    public static let summary = "PPO (Schulman et al. 2017; clipped surrogate, GAE, --envs copies; Stable-Baselines3's semantics)"
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount]
    public static var flags: [SettingFlag<PPOSettings>] { PPOSettings.flags }
    /// rl-zoo3's CartPole-v1: 100,000 steps.
    public static let defaultSteps = 100_000
    /// rl-zoo3's CartPole-v1: learning rate 1e-3 decayed linearly to 0 over the run, γ 0.98.
    public static let defaultHyperparameters = Hyperparameters(
        learningRate: .linear(from: 1e-3, to: 0, over: 1), discount: 0.98, epsilon: .constant(0))
    public static func openDeep<Body: DeepAgentBody>(_ body: inout Body) { body.run(PPOAgent.self) }
}
