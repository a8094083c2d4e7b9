import RLCore
import RLTabular

/// What `sample-average` has besides ε: a constant step size instead of 1/n, and Q₁.
public struct SampleAverageSettings: AgentSettings {
    /// α, or `nil` for 1/n, the sample average (§2.4).
    public var stepSize: Double?
    /// Q₁, every estimate before its first reward: above every arm's value, optimism (§2.6).
    public var initialValue = 0.0
    /// The largest |Q₁|: optimism needs values of the rewards' scale, not of the doubles'.
    public static let initialValueLimit = 1e6

    public init() {}

    public func validate() throws(SettingError) {
        if let stepSize, !(stepSize > 0 && stepSize <= 1) {
            throw SettingError("the step size α must be in (0, 1], got \(stepSize)")
        }
        guard abs(initialValue) <= Self.initialValueLimit else {
            throw SettingError("the initial value Q₁ must be in ±\(Self.initialValueLimit), got \(initialValue)")
        }
    }

    /// The book's form of the step size.
    var rule: StepSize { stepSize.map(StepSize.constant) ?? .sampleAverage }
}

extension EpsilonGreedyBandit: RegistryBandit {
    public init(arms: Int, registered settings: SampleAverageSettings, hyperparameters: Hyperparameters, seed: UInt64) {
        self.init(
            arms: arms,
            settings: Settings(epsilon: hyperparameters.epsilon.start, stepSize: settings.rule, initialValue: settings.initialValue),
            seed: seed)
    }

    public var values: [Double] { estimates }

    public mutating func restore(values: [Double], counts: [Int], extraTensors: [String: Tensor]) throws(PolicyFileError) {
        estimates = values
        self.counts = counts
    }

    /// ε follows its schedule.
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int, hyperparameters: Hyperparameters) {
        settings.epsilon = hyperparameters.epsilon.value(atEpisode: episode, of: episodeCount)
    }
}

/// `sample-average`: the ε-greedy action-value method of §2.2–§2.6.
public enum SampleAverage: AgentRegistration, OneStateRegistration {
    public static let id = "sample-average"
    public static let summary = "ε-greedy bandit, sample averages or a constant α, optimistic Q₁ (one state, S&B §2.4-2.6)"
    public static var flags: [SettingFlag<SampleAverageSettings>] {
        [
            SettingFlag(
                name: "step-size", valueName: "0...1", help: "A constant step size α instead of 1/n (§2.5; default: sample averages)."
            ) {
                (settings: inout SampleAverageSettings, text: String?) throws(SettingError) in
                guard let text, let value = Double(text), value.isFinite else {
                    throw SettingError("--step-size takes a number, got '\(text ?? "")'")
                }
                guard value > 0 && value <= 1 else { throw SettingError("--step-size must be in (0, 1], got \(text)") }
                settings.stepSize = value
            },
            .number(
                "initial-value", \.initialValue, in: -SampleAverageSettings.initialValueLimit...SampleAverageSettings.initialValueLimit,
                help: "Q₁, every estimate before its first reward; 5 is Figure 2.3's optimism (default 0)."),
        ]
    }
    public static let sharedSettings: Set<SharedSetting> = [.epsilon]
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(BanditTableAgent<EpsilonGreedyBandit, Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
