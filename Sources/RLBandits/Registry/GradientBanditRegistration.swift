import RLCore
import RLTabular

/// What `gradient-bandit` has: α and whether R̄ is the baseline.
public struct GradientBanditSettings: AgentSettings {
    /// α (Figure 2.5: 0.1 and 0.4).
    public var stepSize = 0.1
    /// Whether R̄ is the average reward (true) or 0.
    public var baseline = true
    public static let stepSizeLimits = 1e-12...10.0

    public init() {}

    public func validate() throws(SettingError) {
        guard Self.stepSizeLimits.contains(stepSize) else {
            throw SettingError("the step size α must be in (0, \(Self.stepSizeLimits.upperBound)], got \(stepSize)")
        }
    }
}

extension GradientBandit: RegistryBandit {
    public init(arms: Int, registered settings: GradientBanditSettings, hyperparameters: Hyperparameters, seed: UInt64) {
        self.init(arms: arms, settings: Settings(stepSize: settings.stepSize, baseline: settings.baseline), seed: seed)
    }

    /// H(a): the greedy arm is the one π favours most.
    public var values: [Double] { preferences }
    public static var movesEveryArm: Bool { true }

    /// R̄, the baseline, saved beside the preferences.
    public var extraTensors: [String: Tensor] {
        [GradientBanditRegistration.averageRewardTensor: Tensor(shape: [1], floats: [averageReward])]
    }

    public mutating func restore(values: [Double], counts: [Int], extraTensors: [String: Tensor]) throws(PolicyFileError) {
        let name = GradientBanditRegistration.averageRewardTensor
        guard let tensor = extraTensors[name], tensor.shape == [1], case .floats(let saved) = tensor.values, saved[0].isFinite else {
            throw PolicyFileError("the policy has no \(name): one finite number")
        }
        preferences = values
        averageReward = saved[0]
        // R̄ averages every reward when there is a baseline, one per pull.
        rewards = settings.baseline ? counts.reduce(0, +) : 0
    }
}

/// `gradient-bandit`: soft-max preferences moved by the reward's gradient (§2.8).
public enum GradientBanditRegistration: AgentRegistration, OneStateRegistration {
    public static let id = "gradient-bandit"
    public static let summary = "gradient bandit, soft-max preferences H(a), baseline R̄ (one state, S&B §2.8)"
    public static var flags: [SettingFlag<GradientBanditSettings>] {
        [
            .number(
                "step-size", \.stepSize, in: GradientBanditSettings.stepSizeLimits, help: "α, the preferences' step size (default 0.1)."),
            .toggle("no-baseline", \.baseline, setting: false, help: "R̄ = 0 instead of the average reward (Figure 2.5's lower curves)."),
        ]
    }
    public static let sharedSettings: Set<SharedSetting> = []
    public static let averageRewardTensor = "average_reward"
    public static let extraTensorNames = [averageRewardTensor]
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(BanditTableAgent<GradientBandit, Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
