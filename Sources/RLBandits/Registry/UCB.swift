import RLCore
import RLTabular

/// What `ucb` has: c, the degree of exploration.
public struct UCBSettings: AgentSettings {
    /// c > 0 (Figure 2.4: 2).
    public var c = 2.0
    public static let limits = 1e-12...1e6

    public init() {}

    public func validate() throws(SettingError) {
        guard Self.limits.contains(c) else { throw SettingError("c must be in (0, \(Self.limits.upperBound)], got \(c)") }
    }
}

extension UCBBandit: RegistryBandit {
    public init(arms: Int, registered settings: UCBSettings, hyperparameters: Hyperparameters, seed: UInt64) {
        self.init(arms: arms, settings: Settings(confidence: settings.c), seed: seed)
    }

    public var values: [Double] { estimates }

    /// t is 1 plus the pulls so far: nothing to save beside the counts.
    public mutating func restore(values: [Double], counts: [Int], extraTensors: [String: Tensor]) throws(PolicyFileError) {
        estimates = values
        self.counts = counts
        step = 1 + counts.reduce(0, +)
    }
}

/// `ucb`: upper-confidence-bound action selection with sample averages (§2.7).
public enum UCB: AgentRegistration, OneStateRegistration {
    public static let id = "ucb"
    public static let summary = "upper-confidence-bound bandit, Q(a) + c √(ln t / N(a)) (one state, S&B §2.7)"
    public static var flags: [SettingFlag<UCBSettings>] {
        [.number("c", \.c, in: UCBSettings.limits, help: "c, the degree of exploration (default 2, Figure 2.4).")]
    }
    public static let sharedSettings: Set<SharedSetting> = []
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(BanditTableAgent<UCBBandit, Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
