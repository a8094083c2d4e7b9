import RLCore

/// The values of the shared settings (``SharedSetting``) for one run: α, γ and ε with their
/// schedules. Every agent is handed all of them and reads those it declares
/// (``AgentRegistration/sharedSettings``); `rl train` and `rl sweep` refuse a flag for another,
/// so there a value an agent does not read is the world's default. One layout for every agent
/// keeps the `hyperparameters` of policy files as they are. What only one agent has
/// (λ, planning steps, a UCB bandit's c) is its own ``AgentSettings``.
public struct Hyperparameters: Sendable, Equatable, Codable {
    /// α: how far each update moves a value towards its target.
    public var learningRate: Schedule
    /// γ: how much a reward one step later is worth now.
    public var discount: Double
    /// ε: the probability of a random action while training.
    public var epsilon: Schedule

    public init(learningRate: Schedule, discount: Double, epsilon: Schedule) {
        self.learningRate = learningRate
        self.discount = discount
        self.epsilon = epsilon
    }

    /// The tutorial's run: α 0.1, γ 0.2, ε 0.15, all constant.
    public static let tutorial = Hyperparameters(
        learningRate: .constant(0.1), discount: 0.2, epsilon: .constant(0.15))

    /// The smallest learning rate accepted: below it, updates only leave subnormal dust in the
    /// table (a rate of 5e-324 moves nothing a double can show) and training silently learns nothing.
    public static let minimumLearningRate = 1e-12

    /// The share of a run over which a rate given with an end value decays, unless told otherwise:
    /// the same as every world's defaults, so giving the defaults explicitly changes nothing.
    public static let defaultDecay = 0.9

    /// These hyperparameters with single values overridden, by one rule (`rl train`'s flags and
    /// `rl sweep --set` alike): a rate given without its end is constant; with its end, it decays
    /// linearly from its start over `decay` of the run (``defaultDecay`` unless given); `decay`
    /// alone changes the decay of a rate that already decays.
    public func overriding(
        learningRate: Double? = nil, learningRateEnd: Double? = nil, epsilon: Double? = nil,
        epsilonEnd: Double? = nil, discount: Double? = nil, decay: Double? = nil
    ) -> Hyperparameters {
        func apply(_ schedule: inout Schedule, start: Double?, end: Double?) {
            if let start { schedule = .constant(start) }
            if let end {
                schedule = .linear(from: schedule.start, to: end, over: decay ?? Self.defaultDecay)
            } else if let decay, !schedule.isConstant {
                schedule.decayFraction = decay
            }
        }
        var result = self
        apply(&result.learningRate, start: learningRate, end: learningRateEnd)
        apply(&result.epsilon, start: epsilon, end: epsilonEnd)
        if let discount { result.discount = discount }
        return result
    }

    /// Checks every value is in its range (``SharedSetting/check(_:flag:)``: the one place ranges live).
    public func validate() throws(HyperparameterError) {
        do throws(SettingError) {
            for (setting, schedule) in [(SharedSetting.learningRate, learningRate), (.epsilon, epsilon)] {
                try setting.check(schedule.start, flag: setting.flags[0])
                try setting.check(schedule.end, flag: setting.flags[1])
                try SharedSetting.checkDecay(schedule.decayFraction)
            }
            try SharedSetting.discount.check(discount, flag: SharedSetting.discount.rawValue)
        } catch {
            throw HyperparameterError(message: error.message)
        }
    }
}

/// A hyperparameter out of its range.
public struct HyperparameterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
